package org.xensim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xensim.core.domain.VCpu;
import org.xensim.core.observe.SimListener;
import org.xensim.core.time.Time;
import org.xensim.workload.dist.Exponential;
import org.xensim.workload.dist.Fixed;
import org.xensim.workload.dist.LogNormal;

/** {@code server}: open-loop arrivals into a queue shared by the domain's vCPUs. */
class ServerTest {

  /**
   * Three vCPUs on two pCPUs (contended), arrivals faster than they can be served for a while:
   * at any stopping time every request that arrived is served, in service or waiting.
   */
  @Test
  void theQueueConservesRequests() {
    TestHost host = new TestHost(2, 11);
    RequestQueue q = new RequestQueue(new Exponential(Time.us(300)),
        new LogNormal(Time.us(500), Time.us(400)), 3);
    host.domain("web", q.workers());
    host.domain("hog", new CpuHog());
    long served = 0;
    for (long t = Time.ms(7); t <= Time.s(2); t += Time.ms(7)) {
      host.runUntil(t);
      assertThat(q.arrived()).isEqualTo(q.served() + q.inService() + q.waiting());
      assertThat(q.served()).isGreaterThanOrEqualTo(served);
      served = q.served();
    }
    assertThat(q.arrived()).isBetween(6_000L, 7_300L);
    assertThat(q.waiting()).as("overloaded: the queue grows").isPositive();
  }

  /**
   * Fixed arrivals every 1 ms needing 1.5 ms each, two idle vCPUs on two pCPUs: each arrival
   * wakes the vCPU idle longest (vCPU 0 first), which blocks again when the queue is empty.
   */
  @Test
  void anArrivalWakesTheVcpuIdleLongestAndEachServesUntilTheQueueIsEmpty() {
    List<String> log = new ArrayList<>();
    TestHost host = new TestHost(2, 1).listen(new SimListener() {
      @Override
      public void onWake(VCpu v, long now) {
        log.add(now / 1000 + "us wake " + v);
      }

      @Override
      public void onRequestDone(VCpu v, long responseNs, long now) {
        log.add(now / 1000 + "us done " + v + " r " + responseNs / 1000);
      }
    });
    RequestQueue q = new RequestQueue(new Fixed(Time.ms(1)), new Fixed(Time.us(1500)), 2);
    host.domain("web", q.workers());
    host.runUntil(Time.us(4600));
    assertThat(log).containsExactly("1000us wake web.0", "2000us wake web.1",
        "2500us done web.0 r 1500", "3000us wake web.0", "3500us done web.1 r 1500",
        "4000us wake web.1", "4500us done web.0 r 1500");
  }

  /**
   * One vCPU alone on a pCPU with Poisson arrivals (mean gap 2 ms) and exponential service
   * (mean 1 ms) is an M/M/1 queue at load 0.5: mean response 1 / (mu - lambda) = 2 ms.
   * Over 200 s (100 000 requests) the arrival rate is within 1.5 % of 500/s, and the mean
   * response within 6 % of 2 ms (successive responses are correlated, so its error is larger).
   */
  @Test
  void oneVcpuBehavesAsAnMm1Queue() {
    JsonNode s = Scenarios.run("""
        duration: 200s
        xen: {sched: fifo}
        domains:
          - name: web
            workload:
              type: server
              arrival: {dist: exponential, rate: 500}
              service: {dist: exponential, mean: 1ms}
        """);
    JsonNode web = Scenarios.domain(s, "web");
    long served = web.get("requests").asLong();
    assertThat(served / 200.0).isCloseTo(500, within(7.5));
    assertThat(web.get("request_response_ns").get("mean").asDouble())
        .isCloseTo(2e6, within(1.2e5));
    assertThat(web.get("share").asDouble()).as("load 0.5").isCloseTo(0.5, within(0.01));
  }

  /** The request sequence is the domain's: the same whatever the number of vCPUs serving it. */
  @Test
  void theRequestSequenceDoesNotDependOnTheVcpus() {
    String yaml = """
        duration: 2s
        host: {cores_per_socket: 4}
        xen: {sched: fifo}
        domains:
          - name: web
            vcpus: %d
            workload: {type: server, arrival: {dist: exponential, mean: 1ms},
                       service: {dist: exponential, mean: 500us}}
        """;
    JsonNode one = Scenarios.domain(Scenarios.run(yaml.formatted(1)), "web");
    JsonNode four = Scenarios.domain(Scenarios.run(yaml.formatted(4)), "web");
    // Same arrivals and demands: the CPU time differs by at most the requests in flight at 2 s.
    assertThat(Math.abs(one.get("cpu_ns").asLong() - four.get("cpu_ns").asLong()))
        .isLessThan(Time.ms(10));
    assertThat(four.get("request_response_ns").get("mean").asLong())
        .isLessThan(one.get("request_response_ns").get("mean").asLong());
  }
}
