package org.xensim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.xensim.core.time.Time;

/** {@code io}: burst (work), block (time), repeat; each vCPU alone on a pCPU. */
class IoBoundTest {

  /** Fixed 1 ms bursts and 3 ms blocks: a 4 ms cycle, exactly 25 bursts in 100 ms. */
  @Test
  void fixedBurstsAndBlocksGiveAnExactCycle() {
    JsonNode s = Scenarios.run("""
        duration: 100ms
        xen: {sched: fifo}
        domains:
          - {name: io, workload: {type: io, burst: 1ms, block: 3ms}}
        """);
    JsonNode v = Scenarios.vcpu(s, "io", 0);
    assertThat(v.get("wakes").asLong()).isEqualTo(25);
    assertThat(v.get("cpu_ns").asLong()).isEqualTo(Time.ms(25));
    assertThat(v.get("work_ns").asLong()).isEqualTo(Time.ms(25));
    assertThat(v.get("blocked_ns").asLong()).isEqualTo(Time.ms(75));
  }

  /**
   * Exponential bursts (mean 1 ms) and blocks (mean 3 ms) over 100 s: about 25 000 cycles, so
   * the mean burst and mean block have standard errors near 0.6 %; tolerance 3 %. Both vCPUs
   * draw from their own streams, and each converges.
   */
  @Test
  void meanBurstBlockAndUtilisationConvergeToTheParameters() {
    JsonNode s = Scenarios.run("""
        duration: 100s
        host: {cores_per_socket: 2}
        xen: {sched: fifo}
        domains:
          - name: io
            vcpus: 2
            workload:
              type: io
              burst: {dist: exponential, mean: 1ms}
              block: {dist: exponential, mean: 3ms}
        """);
    long[] work = new long[2];
    for (int i = 0; i < 2; i++) {
      JsonNode v = Scenarios.vcpu(s, "io", i);
      long bursts = v.get("wakes").asLong();
      work[i] = v.get("work_ns").asLong();
      assertThat(bursts).isBetween(23_000L, 27_000L);
      assertThat((double) work[i] / bursts).as("mean burst").isCloseTo(1e6, within(3e4));
      assertThat((double) v.get("blocked_ns").asLong() / bursts).as("mean block")
          .isCloseTo(3e6, within(9e4));
      assertThat(v.get("share").asDouble()).as("utilisation 1 / (1 + 3)")
          .isCloseTo(0.25, within(0.0075));
    }
    assertThat(work[0]).as("each vCPU has its own streams").isNotEqualTo(work[1]);
  }

  @Test
  void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
    String yaml = """
        duration: 1s
        seed: %d
        xen: {sched: fifo}
        domains:
          - {name: io, workload: {type: io, burst: {dist: exponential, mean: 1ms}, block: 2ms}}
        """;
    long a = Scenarios.vcpu(Scenarios.run(yaml.formatted(3)), "io", 0).get("work_ns").asLong();
    long b = Scenarios.vcpu(Scenarios.run(yaml.formatted(3)), "io", 0).get("work_ns").asLong();
    long c = Scenarios.vcpu(Scenarios.run(yaml.formatted(4)), "io", 0).get("work_ns").asLong();
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
  }
}
