package org.xensim.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xensim.core.cost.CostModel;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.RunState;
import org.xensim.core.domain.VCpu;
import org.xensim.core.engine.Simulation;
import org.xensim.core.host.CpuMask;
import org.xensim.core.host.Topology;
import org.xensim.core.observe.Listeners;
import org.xensim.core.run.ReplicationRun;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.scenario.TestScenarios;
import org.xensim.core.schedule.CpuPool;
import org.xensim.core.schedule.GenericLayer;
import org.xensim.core.testsched.FifoProvider;
import org.xensim.core.time.Time;

/**
 * Metric values against hand-computed cases. The runs use the test FIFO scheduler (1 ms slices,
 * round robin), so every expected number below follows from counting slices by hand.
 */
class MetricsCollectorTest {

  private static JsonNode run(String yaml, String... sets) {
    return new ReplicationRun(TestScenarios.load(yaml, sets), 0).run(null);
  }

  private static JsonNode domain(JsonNode sum, int i) {
    return sum.get("domains").get(i);
  }

  private static final String TWO_HOGS_ONE_CPU = """
      name: fifty-fifty
      duration: 100ms
      host: {cores_per_socket: 1}
      xen: {sched: fifo}
      domains:
        - {name: A, workload: {type: test-hog}}
        - {name: B, workload: {type: test-hog}}
      """;

  /**
   * Two hogs on one pCPU, 1 ms slices: A runs [0,1), [2,3) … [98,99); B runs [1,2) … [99,100).
   * Each gets 50 ms = share 0.5, entitled 0.5. A is preempted at 1, 3, … 99 (50 times), B at
   * 2, 4, … 98 (49). B's first wait [0, 1) follows its wake; every other wait follows a
   * preemption and lasts 1 ms (A's last one, [99, 100), is still open at the end).
   */
  @Test
  void twoHogsOnOnePcpuSplitItFiftyFifty() {
    JsonNode sum = run(TWO_HOGS_ONE_CPU);
    JsonNode a = domain(sum, 0).get("vcpus").get(0);
    JsonNode b = domain(sum, 1).get("vcpus").get(0);
    for (JsonNode v : new JsonNode[] {a, b}) {
      assertThat(v.get("cpu_ns").asLong()).isEqualTo(Time.ms(50));
      assertThat(v.get("runnable_ns").asLong()).isEqualTo(Time.ms(50));
      assertThat(v.get("share").asDouble()).isEqualTo(0.5);
      assertThat(v.get("entitled_share").asDouble()).isEqualTo(0.5, within(1e-12));
      assertThat(v.get("demand_share").asDouble()).isEqualTo(1.0);
    }
    assertThat(a.get("preemptions").asLong()).isEqualTo(50);
    assertThat(b.get("preemptions").asLong()).isEqualTo(49);
    assertThat(a.get("runnable_after_wake_ns").asLong()).isZero();
    assertThat(a.get("runnable_after_preempt_ns").asLong()).isEqualTo(Time.ms(50));
    assertThat(b.get("runnable_after_wake_ns").asLong()).isEqualTo(Time.ms(1));
    assertThat(b.get("runnable_after_preempt_ns").asLong()).isEqualTo(Time.ms(49));
    assertThat(a.get("wake_latency_ns").get("max").asLong()).isZero();
    assertThat(b.get("wake_latency_ns").get("max").asLong()).isEqualTo(Time.ms(1));
    // 1 ms exactly, within the histogram's 0.1 %
    assertThat(a.get("preempt_wait_ns").get("p50").asDouble()).isCloseTo(1e6, within(1e3));
    assertThat(b.get("preempt_wait_ns").get("p99").asDouble()).isCloseTo(1e6, within(1e3));
    // only the other domain held the pCPU while each waited
    assertThat(a.get("waited_behind_ns").get("B").asLong()).isEqualTo(Time.ms(50));
    assertThat(a.get("waited_behind_ns").has("(idle)")).isFalse();
    assertThat(b.get("waited_behind_ns").get("A").asLong()).isEqualTo(Time.ms(50));
    JsonNode t = sum.get("totals");
    assertThat(t.get("jain_fairness").asDouble()).isEqualTo(1.0, within(1e-12));
    assertThat(t.get("jain_fairness_vcpus").asDouble()).isEqualTo(1.0, within(1e-12));
    assertThat(t.get("worst_vcpu_deviation").asDouble()).isEqualTo(0.0, within(1e-12));
    assertThat(t.get("preemptions").asLong()).isEqualTo(99);
    assertThat(t.get("context_switches").asLong()).isEqualTo(100);
    assertThat(t.get("idle_while_runnable_ns").asLong()).isZero();
    assertThat(t.get("load_imbalance").asDouble()).isZero();
  }

  /**
   * A (weight 512) and B (256) are pinned to pCPU 0, C (256) to pCPU 1; FIFO ignores weights, so A
   * and B get 0.5 each and C 1.0. Entitlement shares the pool's 2 pCPUs 512:256:256 per vCPU,
   * each vCPU at most one pCPU: A 1.0, B 0.5, C 0.5 (affinity only bounds a domain's total, it
   * does not tie A and B to one pCPU). Share over entitlement: 0.5, 1, 2.
   */
  @Test
  void entitlementIsWeightProportionalPerVcpuAndWorstVcpuIsNamed() {
    JsonNode sum = run("""
        name: weights
        duration: 100ms
        host: {cores_per_socket: 2}
        xen: {sched: fifo}
        domains:
          - {name: A, weight: 512, cpus: "0", workload: {type: test-hog}}
          - {name: B, weight: 256, cpus: "0", workload: {type: test-hog}}
          - {name: C, weight: 256, cpus: "1", workload: {type: test-hog}}
        """);
    assertThat(domain(sum, 0).get("entitled_share").asDouble()).isEqualTo(1.0, within(1e-9));
    assertThat(domain(sum, 1).get("entitled_share").asDouble()).isEqualTo(0.5, within(1e-9));
    assertThat(domain(sum, 2).get("entitled_share").asDouble()).isEqualTo(0.5, within(1e-9));
    assertThat(domain(sum, 0).get("share").asDouble()).isEqualTo(0.5);
    assertThat(domain(sum, 2).get("share").asDouble()).isEqualTo(1.0);
    JsonNode t = sum.get("totals");
    // x = share / entitled = 0.5, 1, 2: Jain = 3.5^2 / (3 * 5.25) = 0.777…
    assertThat(t.get("jain_fairness").asDouble()).isEqualTo(12.25 / 15.75, within(1e-9));
    assertThat(t.get("worst_vcpu").asText()).isEqualTo("C/0");
    assertThat(t.get("worst_vcpu_deviation").asDouble()).isEqualTo(1.0, within(1e-9));
    // pCPU 1 is never idle, pCPU 0 never either: no idle time while anyone waits
    assertThat(t.get("idle_while_runnable_ns").asLong()).isZero();
  }

  /**
   * Two hogs pinned to pCPU 0 of two: one always waits while pCPU 1 idles (the pool-level figure
   * does not know affinity), and all the load is on one pCPU: imbalance = 100 / 50 - 1 = 1.
   */
  @Test
  void idleWhileRunnableAndImbalanceOfAPinnedPair() {
    JsonNode sum = run("""
        name: pinned
        duration: 100ms
        host: {cores_per_socket: 2}
        xen: {sched: fifo}
        domains:
          - {name: A, cpus: "0", workload: {type: test-hog}}
          - {name: B, cpus: "0", workload: {type: test-hog}}
        """);
    JsonNode t = sum.get("totals");
    assertThat(t.get("idle_while_runnable_ns").asLong()).isEqualTo(Time.ms(100));
    assertThat(t.get("load_imbalance").asDouble()).isEqualTo(1.0, within(1e-12));
    assertThat(sum.get("pools").get(0).get("load_imbalance").asDouble()).isEqualTo(1.0);
    // A's pCPUs are {0}: only B ever held them while A waited
    assertThat(domain(sum, 0).get("vcpus").get(0).get("waited_behind_ns").get("B").asLong())
        .isEqualTo(Time.ms(50));
  }

  /**
   * Three hogs on two pCPUs: while a vCPU waits, both pCPUs are held by someone, so the pCPU-time
   * it waited behind is twice its runnable time, and no domain is credited with the waiter itself
   * (one vCPU per domain).
   */
  @Test
  void waitedBehindCoversEveryEligiblePcpuOfEveryWait() {
    JsonNode sum = run("""
        name: three
        duration: 60ms
        host: {cores_per_socket: 2}
        xen: {sched: fifo}
        domains:
          - {name: A, workload: {type: test-hog}}
          - {name: B, workload: {type: test-hog}}
          - {name: C, workload: {type: test-hog}}
        """);
    for (JsonNode d : sum.get("domains")) {
      JsonNode v = d.get("vcpus").get(0);
      long behind = 0;
      for (JsonNode x : v.get("waited_behind_ns")) {
        behind += x.asLong();
      }
      assertThat(behind).as(d.get("name").asText()).isEqualTo(2 * v.get("runnable_ns").asLong());
      assertThat(v.get("waited_behind_ns").has(d.get("name").asText())).isFalse();
    }
  }

  /** In a pool of more than 16 domains, waits are attributed to domain groups. */
  @Test
  void manyDomainsAreAttributedByGroup() {
    JsonNode sum = run("""
        name: many
        duration: 20ms
        host: {cores_per_socket: 2}
        xen: {sched: fifo}
        domains:
          - {name: web, count: 20, workload: {type: test-hog}}
          - {name: db, workload: {type: test-hog}}
        """);
    JsonNode w = domain(sum, 20).get("vcpus").get(0).get("waited_behind_ns");
    assertThat(w.fieldNames()).toIterable().containsExactly("web");
    assertThat(w.get("web").asLong())
        .isEqualTo(2 * domain(sum, 20).get("vcpus").get(0).get("runnable_ns").asLong());
  }

  // ---------------------------------------------------------------- events fed by hand

  private GenericLayer layer;
  private CpuPool pool;

  private VCpu host(Topology topo) {
    Simulation sim = new Simulation(1, 0);
    layer = new GenericLayer(sim, topo, CostModel.ZERO, new Listeners());
    pool = layer.addPool("Pool-0", topo.allCpus().clone(), new FifoProvider(),
        new SchedParams(Map.of("fifo_slice_us", 1000L)), "4.7");
    Domain d = layer.createDomain("A", pool, SchedParams.EMPTY);
    CpuMask all = topo.allCpus().clone();
    return layer.createVcpu(d, 0, all, all.clone(), SchedParams.EMPTY, null);
  }

  private static void state(MetricsCollector m, VCpu v, RunState to, long now) {
    RunState from = v.changeRunstate(to, now);
    m.onRunstate(v, from, to, now);
  }

  /**
   * A known latency set: ten wakes with latencies 0, 1, 2, … 9 ms (one each). p50 is the 5th
   * smallest (4 ms), p90 the 9th (8 ms), max 9 ms and mean 4.5 ms, all within the histogram's
   * 0.1 %.
   */
  @Test
  void wakeLatencyPercentilesOfAKnownSet() {
    VCpu v = host(new Topology(1, 1, 1, 1));
    MetricsCollector m = new MetricsCollector(layer);
    m.onMeasureStart(0);
    long t = 0;
    for (int i = 0; i < 10; i++) {
      m.onWake(v, t);
      state(m, v, RunState.RUNNABLE, t);
      t += Time.ms(i);
      state(m, v, RunState.RUNNING, t);
      t += Time.ms(1);
      state(m, v, RunState.BLOCKED, t);
      t += Time.ms(1);
    }
    var h = m.vcpu(v).wakeLatency.histogram();
    assertThat(h.getTotalCount()).isEqualTo(10);
    assertThat((double) h.getValueAtPercentile(50)).isCloseTo(4e6, within(4e3));
    assertThat((double) h.getValueAtPercentile(90)).isCloseTo(8e6, within(8e3));
    assertThat((double) h.getMaxValue()).isCloseTo(9e6, within(9e3));
    assertThat(h.getMean()).isCloseTo(4.5e6, within(4.5e3));
    assertThat(m.vcpu(v).wakeWaitNs).isEqualTo(Time.ms(45));
    assertThat(m.vcpu(v).stateNs[RunState.RUNNABLE.ordinal()]).isEqualTo(Time.ms(45));
    assertThat(m.vcpu(v).preemptWait.count()).isZero();
  }

  /**
   * 2 nodes × 2 sockets × 2 cores × 2 threads: pCPU 0 → 1 stays in the core, → 2 in the socket,
   * → 4 in the node, → 8 leaves the node.
   */
  @Test
  void migrationsAreCountedByWhatTheyCross() {
    VCpu v = host(new Topology(2, 2, 2, 2));
    MetricsCollector m = new MetricsCollector(layer);
    m.onMeasureStart(0);
    m.onMigrate(v, 0, 1, 1);
    m.onMigrate(v, 1, 2, 2);
    m.onMigrate(v, 2, 3, 3);
    m.onMigrate(v, 0, 4, 4);
    m.onMigrate(v, 0, 8, 5);
    long[] by = m.vcpu(v).migrationsByDistance;
    assertThat(m.vcpu(v).migrations).isEqualTo(5);
    assertThat(by[Topology.Distance.CORE.ordinal()]).isEqualTo(2);
    assertThat(by[Topology.Distance.SOCKET.ordinal()]).isEqualTo(1);
    assertThat(by[Topology.Distance.NODE.ordinal()]).isEqualTo(1);
    assertThat(by[Topology.Distance.REMOTE_NODE.ordinal()]).isEqualTo(1);
  }

  @Test
  void eventsBeforeTheWarmupEndAreNotCounted() {
    VCpu v = host(new Topology(1, 1, 1, 1));
    MetricsCollector m = new MetricsCollector(layer);
    m.onWake(v, 0);
    state(m, v, RunState.RUNNABLE, 0);
    m.onMeasureStart(Time.ms(5));
    state(m, v, RunState.RUNNING, Time.ms(10));
    assertThat(m.vcpu(v).wakeLatency.count()).as("wake before warm-up end").isZero();
    assertThat(m.vcpu(v).stateNs[RunState.RUNNABLE.ordinal()]).isEqualTo(Time.ms(5));
  }

  /**
   * Counting must not allocate: a million events through the collector allocate (almost) nothing
   * on this thread once every histogram has grown to the values it sees.
   */
  @Test
  void theCollectorDoesNotAllocatePerEvent() {
    VCpu v = host(new Topology(1, 1, 2, 1));
    VCpu idle = layer.curr(1);
    MetricsCollector m = new MetricsCollector(layer);
    m.onMeasureStart(0);
    long[] t = {0};
    Runnable round = () -> {
      for (int i = 0; i < 1000; i++) {
        long now = t[0] += 1000 + (i % 7) * 100_000;
        m.onWake(v, now);
        state(m, v, RunState.RUNNABLE, now);
        m.onSchedule(0, now + 10);
        m.onContextSwitch(0, idle, v, 0, now + 10);
        state(m, v, RunState.RUNNING, now + 10);
        m.onWork(v, 50, now + 60);
        m.onMigrate(v, 1, 0, now + 60);
        m.onCounter("runq_sort", 0, now + 60);
        state(m, v, RunState.RUNNABLE, now + 70);
        m.onContextSwitch(0, v, idle, 0, now + 70);
        state(m, v, RunState.RUNNING, now + 90);
        state(m, v, RunState.BLOCKED, now + 100);
      }
    };
    for (int i = 0; i < 50; i++) {
      round.run(); // warm: histograms grow, code is compiled
    }
    var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = bean.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100; i++) {
      round.run();
    }
    long allocated = bean.getCurrentThreadAllocatedBytes() - before;
    // 100 000 rounds of 12 events; boxing one long per event alone would be 19 MB
    assertThat(allocated).isLessThan(64 * 1024);
  }

  /** Job and request response times are folded per vCPU, over the measured time only. */
  @Test
  void jobAndRequestResponseTimesAreRecordedFromTheMeasureStartOn() {
    Domain d = new Domain(0, "web", 0, SchedParams.EMPTY, false);
    VCpu v = new VCpu(1, d, 0, 0, new CpuMask(), new CpuMask(), SchedParams.EMPTY);
    MetricsCollector m = new MetricsCollector(1, 1, 1);
    m.onJobDone(v, 5_000, false, 10);
    m.onRequestDone(v, 7_000, 10);
    m.onMeasureStart(100);
    m.onJobDone(v, 2_000, false, 200);
    m.onJobDone(v, 4_000, true, 300);
    m.onRequestDone(v, 1_000, 400);
    VcpuStats s = m.vcpu(v);
    assertThat(s.jobs).isEqualTo(2);
    assertThat(s.jobResponse.count()).isEqualTo(2);
    assertThat(s.jobResponse.max()).isEqualTo(4_000);
    assertThat(s.jobResponse.mean()).isEqualTo(3_000);
    assertThat(s.requests).isEqualTo(1);
    assertThat(s.requestResponse.min()).isEqualTo(1_000);
  }

  @Test
  void aVcpuWithoutJobsOrRequestsAllocatesNoHistogram() {
    Domain d = new Domain(0, "web", 0, SchedParams.EMPTY, false);
    VCpu v = new VCpu(1, d, 0, 0, new CpuMask(), new CpuMask(), SchedParams.EMPTY);
    MetricsCollector m = new MetricsCollector(1, 1, 1);
    m.onMeasureStart(0);
    assertThat(m.vcpu(v).jobResponse).isNull();
    assertThat(m.vcpu(v).requestResponse).isNull();
  }
}
