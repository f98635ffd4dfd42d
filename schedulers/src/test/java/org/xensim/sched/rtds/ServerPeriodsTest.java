package org.xensim.sched.rtds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Budget misses: runnable at the end of a server period and served less than the budget. */
class ServerPeriodsTest {
  private static final long P = 10;
  private static final long B = 4;

  @Test
  void servedBudgetIsNoMissAndBlockedAtTheDeadlineIsNoMiss() {
    ServerPeriods s = new ServerPeriods();
    s.start(0, 10, false);
    s.setRunnable(0, true, P, B);
    s.setRunning(0, true, P, B);
    s.setRunning(4, false, P, B); // served 4 = budget, waits depleted
    s.setRunning(10, true, P, B);
    s.setRunning(11, false, P, B);
    s.setRunnable(11, false, P, B); // blocked before 20
    s.advance(20, P, B);
    assertThat(s.periodsEnded()).isEqualTo(2);
    assertThat(s.misses()).isZero();
  }

  @Test
  void runnableAndUnderservedAtTheDeadlineIsAMiss() {
    ServerPeriods s = new ServerPeriods();
    s.start(0, 10, false);
    s.setRunnable(7, true, P, B);
    s.setRunning(8, true, P, B); // runs across the deadline: 2 in [0,10), counted a miss
    s.setRunning(13, false, P, B); // 3 in [10,20)
    s.advance(20, P, B);
    assertThat(s.misses()).isEqualTo(2);
  }

  @Test
  void wholePeriodsBetweenEventsAreSettledAtOnce() {
    ServerPeriods s = new ServerPeriods();
    s.start(0, 10, true);
    s.advance(1_000_000, P, B); // starved, runnable: every period is a miss
    assertThat(s.periodsEnded()).isEqualTo(100_000);
    assertThat(s.misses()).isEqualTo(100_000);
    s.setRunning(1_000_000, true, P, B);
    s.advance(2_000_005, P, B); // running throughout: served P >= B each period
    assertThat(s.periodsEnded()).isEqualTo(200_000);
    assertThat(s.misses()).isEqualTo(100_000);
    s.measureStart(2_000_005, P, B);
    assertThat(s.misses()).isZero();
  }
}
