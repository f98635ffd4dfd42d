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

/** {@code periodic}: releases on the grid, response times, deadline misses. */
class PeriodicTest {

  /** Records the job events of every vCPU as strings. */
  static final class Jobs implements SimListener {
    final List<String> releases = new ArrayList<>();
    final List<String> done = new ArrayList<>();
    final List<String> misses = new ArrayList<>();

    @Override
    public void onJobRelease(VCpu v, long deadline, long now) {
      releases.add(v + " " + now + " due " + deadline);
    }

    @Override
    public void onJobDone(VCpu v, long responseNs, boolean missed, long now) {
      done.add(v + " " + now + " r " + responseNs + (missed ? " missed" : ""));
    }

    @Override
    public void onDeadlineMiss(VCpu v, long deadline, long now) {
      misses.add(v + " " + deadline + " at " + now);
    }
  }

  /**
   * Period 7 ms, offset 3 ms, deadline 5 ms over 1 s with an exec distribution: job j is
   * released at exactly 3 + 7j ms (j = 0 … 142), however long the jobs take.
   */
  @Test
  void jobsAreReleasedExactlyOnTheirGrid() {
    Jobs jobs = new Jobs();
    Scenarios.run("""
        duration: 1s
        xen: {sched: fifo}
        domains:
          - name: rt
            workload: {type: periodic, period: 7ms, offset: 3ms, deadline: 5ms,
                       exec: {dist: uniform, min: 1ms, max: 4ms}}
        """, jobs);
    assertThat(jobs.releases).hasSize(143);
    for (int j = 0; j < 143; j++) {
      long r = Time.ms(3) + j * Time.ms(7);
      assertThat(jobs.releases.get(j)).isEqualTo("rt.0 " + r + " due " + (r + Time.ms(5)));
    }
    assertThat(jobs.misses).isEmpty();
  }

  /**
   * Uncontended, every job takes exactly its WCET: response = WCET, a job done exactly at its
   * deadline (WCET = deadline = 2 ms) is no miss, and the summary counts 100 jobs in 1 s.
   */
  @Test
  void uncontendedJobsRespondInTheirWcetAndMeetADeadlineEqualToIt() {
    Jobs jobs = new Jobs();
    JsonNode s = Scenarios.run("""
        duration: 1s
        xen: {sched: fifo}
        domains:
          - {name: rt, workload: {type: periodic, period: 10ms, wcet: 2ms, deadline: 2ms}}
        """, jobs);
    assertThat(jobs.done).hasSize(100).allMatch(d -> d.endsWith(" r 2000000"));
    assertThat(jobs.misses).isEmpty();
    JsonNode v = Scenarios.vcpu(s, "rt", 0);
    assertThat(v.get("jobs").asLong()).isEqualTo(100);
    assertThat(v.get("deadline_misses").asLong()).isZero();
    assertThat(v.get("job_response_ns").get("max").asLong()).isBetween(1_999_000L, 2_001_000L);
    assertThat(v.get("cpu_ns").asLong()).isEqualTo(Time.ms(200));
  }

  /**
   * An overloaded task (WCET 15 ms every 10 ms) alone on a pCPU: job j completes at 15 (j + 1)
   * ms and is due at 10 (j + 1) ms, so every job misses, each reported once at its deadline
   * (+1 ns); jobs queue up and run back to back.
   */
  @Test
  void anOverloadedTaskMissesEachDeadlineOnceAndItsJobsQueue() {
    Jobs jobs = new Jobs();
    Scenarios.run("""
        duration: 100ms
        xen: {sched: fifo}
        domains:
          - {name: rt, workload: {type: periodic, period: 10ms, wcet: 15ms}}
        """, jobs);
    assertThat(jobs.releases).hasSize(10);
    // Deadlines 10, 20, … 90 ms have passed unfinished (100 ms is the end, 100 ms + 1 ns is not).
    assertThat(jobs.misses).hasSize(9);
    assertThat(jobs.misses.get(0)).isEqualTo("rt.0 10000000 at 10000001");
    assertThat(jobs.misses.get(8)).isEqualTo("rt.0 90000000 at 90000001");
    // Completions at 15, 30, … 90 ms; job j's response is 15 (j + 1) - 10 j = 15 + 5 j ms.
    assertThat(jobs.done).containsExactly("rt.0 15000000 r 15000000 missed",
        "rt.0 30000000 r 20000000 missed", "rt.0 45000000 r 25000000 missed",
        "rt.0 60000000 r 30000000 missed", "rt.0 75000000 r 35000000 missed",
        "rt.0 90000000 r 40000000 missed");
  }

  /**
   * Two tasks sharing one pCPU under the FIFO scheduler: A (period 10 ms, WCET 4 ms) and B
   * (period 10 ms, WCET 4 ms, offset 1 ms) always fit; C added (WCET 4 ms) overloads it.
   */
  @Test
  void contentionCausesMissesThatTheSummaryCounts() {
    String base = """
        duration: 1s
        xen: {sched: fifo}
        domains:
          - {name: a, workload: {type: periodic, period: 10ms, wcet: 4ms}}
          - {name: b, workload: {type: periodic, period: 10ms, wcet: 4ms, offset: 1ms}}
        """;
    JsonNode fits = Scenarios.run(base);
    assertThat(fits.get("totals").get("deadline_misses").asLong()).isZero();
    JsonNode over = Scenarios.run(base
        + "  - {name: c, workload: {type: periodic, period: 10ms, wcet: 4ms, offset: 2ms}}\n");
    assertThat(over.get("totals").get("deadline_misses").asLong()).isPositive();
  }

  /** Execution times drawn from a distribution: utilisation = mean exec / period (2 %). */
  @Test
  void utilisationConvergesToTheMeanExecutionTimeOverThePeriod() {
    JsonNode v = Scenarios.vcpu(Scenarios.run("""
        duration: 100s
        xen: {sched: fifo}
        domains:
          - name: rt
            workload: {type: periodic, period: 10ms,
                       exec: {dist: lognormal, mean: 3ms, sd: 1ms}}
        """), "rt", 0);
    assertThat(v.get("jobs").asLong()).isEqualTo(10_000);
    assertThat(v.get("share").asDouble()).isCloseTo(0.3, within(0.006));
  }
}
