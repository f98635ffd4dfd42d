package org.xensim.sched.rtds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rt_update_deadline()} and {@code burn_budget()} as Xen computes them. */
class RtVcpuTest {

  @ParameterizedTest(name = "deadline {0}, period {1}, now {2} -> {3}")
  @CsvSource({
      // first deadline from creation: the first grid point after now
      "0, 10, 0, 10",
      "0, 10, 37, 40",
      // exactly on a deadline: strictly after now
      "20, 10, 20, 30",
      // 1023 periods behind: the loop; 1024 and more: the division, same grid
      "10, 10, 10239, 10240",
      "10, 10, 10250, 10260",
      "10, 10, 1000000005, 1000000010",
      "7, 3, 1000000000, 1000000003"})
  void updateDeadlineStaysOnTheGridAndRefills(long deadline, long period, long now, long want) {
    RtVcpu s = ListHeadTest.svc("a", deadline);
    s.period = period;
    s.budget = 4;
    s.curBudget = 1;
    s.lastStart = 3;
    s.updateDeadline(now);
    assertThat(s.curDeadline).isEqualTo(want);
    assertThat(s.curBudget).isEqualTo(4);
    assertThat(s.lastStart).as("4.7 leaves last_start alone (quirk 5.12.1)").isEqualTo(3);
  }

  @Test
  void burnChargesSinceLastStartAndClampsAtZero() {
    RtVcpu s = ListHeadTest.svc("a", 100);
    s.curBudget = 5;
    s.lastStart = 10;
    assertThat(s.burnBudget(13)).isFalse();
    assertThat(s.curBudget).isEqualTo(2);
    assertThat(s.burnBudget(20)).as("exhausted").isTrue();
    assertThat(s.curBudget).isZero();
  }

  @Test
  void burnWithTimeGoingBackResetsLastStartAndChargesNothing() {
    RtVcpu s = ListHeadTest.svc("a", 100);
    s.curBudget = 5;
    s.lastStart = 10;
    assertThat(s.burnBudget(8)).isFalse();
    assertThat(s.curBudget).isEqualTo(5);
    assertThat(s.lastStart).isEqualTo(8);
  }
}
