package org.xensim.core.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.TestScenarios;

class GoldenTimelineTest {
  /** Round robin with 1 ms slices: A [0,1), B [1,2), A [2,3), ... one pass per ms. */
  private final Scenario twoHogs = TestScenarios.load("""
      duration: 10ms
      xen: {sched: fifo}
      domains:
        - {name: A, workload: {type: test-hog}}
        - {name: B, vcpus: 2, cpus: "0", workload: {type: test-hog}}
      """);

  @Test
  void matchesAHandDerivedTimeline() throws Exception {
    var spec = new ObjectMapper().readTree("""
        {"until_ms": 5, "schedule_calls": 5,
         "runs": {"0": [["A",0,1],["B",1,2],["B.1",2,3],["A",3,4],["B",4,5]]}}""");
    assertThat(GoldenTimeline.check(twoHogs, spec)).isEmpty();
  }

  @Test
  void reportsTheFirstDifferenceAndTheCallCount() throws Exception {
    var spec = new ObjectMapper().readTree("""
        {"until_ms": 5, "schedule_calls": 4,
         "runs": {"0": [["A",0,1],["B",1,2.5],["B.1",2.5,3],["A",3,4],["B",4,5]]}}""");
    assertThat(GoldenTimeline.check(twoHogs, spec)).containsExactly(
        "pcpu 0: run 1: got B[1,2) want B[1,2.5)",
        "schedule calls in [0,5ms): got 5 want 4");
  }

  /** A gap of exactly 1 us between two runs is a gap, not a merge (1.001 ms is 1001000 ns). */
  @Test
  void aOneMicrosecondGapIsKept() throws Exception {
    Scenario bursts = TestScenarios.load("""
        duration: 3ms
        xen: {sched: fifo}
        domains:
          - {name: A, workload: {type: test-burst, at: 0ns, work: 1ms, every: 1001us}}
        """);
    var spec = new ObjectMapper().readTree("""
        {"until_ms": 2.5, "runs": {"0": [["A",0,1],["A",1.001,2.001],["A",2.002,2.5]]}}""");
    assertThat(GoldenTimeline.check(bursts, spec)).isEmpty();
  }
}
