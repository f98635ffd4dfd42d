package org.xensim.workload.taskset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.xensim.core.random.RandomStreams;
import org.xensim.core.time.Time;

/** UUniFast, RandFixedSum, periods and budgets: exact totals, bounds, reproducibility. */
class TaskSetTest {

  private static TaskSetSpec spec(int n, double u, UtilMethod m, PeriodDist p) {
    return new TaskSetSpec(n, u, m, p, Time.ms(10), Time.ms(1000), Time.ms(1), 1.0);
  }

  private static double sum(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s;
  }

  /**
   * 200 seeded draws per case: the utilisations sum to the total (to 1e-12 as drawn, to within
   * 2 ulps after the generator's correction: exact to double precision), and none is negative or
   * above the cap.
   */
  @ParameterizedTest(name = "{0} n={1} U={2}")
  @CsvSource({"uunifast, 1, 0.7", "uunifast, 10, 0.9", "uunifast, 8, 3.2",
      "randfixedsum, 2, 1.0", "randfixedsum, 10, 0.9", "randfixedsum, 16, 12.5",
      "randfixedsum, 100, 99.0", "randfixedsum, 8, 8.0"})
  void utilisationsSumToTheTotalAndStayWithinTheCap(String method, int n, double u) {
    UniformRandomProvider rng = new RandomStreams(99, 0).stream("t");
    for (int i = 0; i < 200; i++) {
      double[] x = method.equals("uunifast")
          ? (u <= 1 ? UUniFast.generate(n, u, rng) : UUniFast.discard(n, u, 1, rng, 100_000))
          : RandFixedSum.generate(n, u, rng);
      assertThat(x).hasSize(n);
      assertThat(sum(x)).isCloseTo(u, within(1e-12));
      for (double v : x) {
        assertThat(v).isBetween(-1e-12, 1 + 1e-12);
      }
      double[] exact = TaskSetGenerator.exactSum(x.clone(), u, 1);
      assertThat(sum(exact)).isCloseTo(u, within(2 * Math.ulp(u)));
    }
  }

  /**
   * RandFixedSum is uniform over the polytope, so every coordinate has mean U / n (n = 5,
   * U = 3.5: 0.7); with 20 000 sets the standard error is about 0.002. The same for UUniFast.
   */
  @Test
  void everyTaskIsEquallyLoadedOnAverage() {
    UniformRandomProvider rng = new RandomStreams(3, 0).stream("t");
    double[] meanR = new double[5];
    double[] meanU = new double[5];
    for (int i = 0; i < 20_000; i++) {
      double[] r = RandFixedSum.generate(5, 3.5, rng);
      double[] u = UUniFast.generate(5, 0.5, rng);
      for (int j = 0; j < 5; j++) {
        meanR[j] += r[j] / 20_000;
        meanU[j] += u[j] / 20_000;
      }
    }
    for (int j = 0; j < 5; j++) {
      assertThat(meanR[j]).isCloseTo(0.7, within(0.01));
      assertThat(meanU[j]).isCloseTo(0.1, within(0.003));
    }
  }

  @Test
  void aSeedGivesTheSameTaskSetAndAnotherSeedAnother() {
    TaskSetSpec s = spec(12, 3.3, UtilMethod.RANDFIXEDSUM, PeriodDist.LOG_UNIFORM);
    List<Task> a = TaskSetGenerator.generate(s, 7);
    assertThat(TaskSetGenerator.generate(s, 7)).isEqualTo(a);
    assertThat(TaskSetGenerator.generate(s, 8)).isNotEqualTo(a);
    double total = 0;
    double scenario = 0;
    for (Task t : a) {
      total += t.util();
      scenario += t.scenarioUtil();
    }
    assertThat(total).isCloseTo(3.3, within(2 * Math.ulp(3.3)));
    // WCETs are whole ns: off by at most 0.5 ns / period per task.
    assertThat(scenario).isCloseTo(3.3, within(12 * 0.5 / Time.ms(10)));
  }

  @ParameterizedTest
  @CsvSource({"uniform", "log-uniform", "harmonic"})
  void periodsStayInTheirRangeOnTheGranularity(String dist) {
    TaskSetSpec s = new TaskSetSpec(300, 30, UtilMethod.RANDFIXEDSUM, PeriodDist.named(dist),
        Time.ms(10), Time.ms(100), Time.ms(5), 1.0);
    List<Task> tasks = TaskSetGenerator.generate(s, 1);
    long max = 0;
    for (Task t : tasks) {
      assertThat(t.periodNs()).isBetween(Time.ms(10), Time.ms(100));
      assertThat(t.periodNs() % Time.ms(5)).isZero();
      assertThat(t.wcetNs()).isBetween(1L, t.periodNs());
      max = Math.max(max, t.periodNs());
    }
    if (dist.equals("harmonic")) {
      for (Task t : tasks) {
        assertThat(max % t.periodNs()).as("harmonic periods divide the largest").isZero();
      }
      assertThat(tasks.stream().map(Task::periodNs).distinct().count()).isEqualTo(4); // 10-80 ms
    }
  }

  @Test
  void uunifastDiscardGivesUpWhereRandFixedSumIsNeeded() {
    TaskSetSpec s = spec(4, 3.95, UtilMethod.UUNIFAST, PeriodDist.UNIFORM);
    assertThatThrownBy(() -> TaskSetGenerator.generate(s, 1))
        .hasMessageStartingWith("--method: uunifast \u2014 expected randfixedsum");
    assertThat(TaskSetGenerator.generate(spec(4, 3.95, UtilMethod.RANDFIXEDSUM,
        PeriodDist.UNIFORM), 1)).hasSize(4);
  }

  @Test
  void badSpecsNameTheOptionAndWhatIsAllowed() {
    assertThat(new TaskSetSpec(3, 3.5, UtilMethod.RANDFIXEDSUM, PeriodDist.UNIFORM, Time.ms(10),
        Time.ms(5), Time.ms(1), 1.0).problems()).containsExactly(
        "--util: 3.5 \u2014 expected a total utilisation above 0 and at most tasks x "
            + "max-task-util (3.0)",
        "--period-max: 5ms \u2014 expected a duration not below --period-min (10ms), both above 0");
  }

  /**
   * Periodic resource model (Shin and Lee 2003): with the server period equal to the task's
   * (divisor 1) the worst-case blackout is 2 (T - budget), so budget = (T + C) / 2; halving the
   * server period needs less. Budgets are whole us, at least 10 us, at most the period.
   */
  @Test
  void budgetRules() {
    Task t = new Task(Time.ms(10), Time.ms(2), 0.2);
    assertThat(BudgetRule.WCET.size(t, 1)).containsExactly(Time.ms(10), Time.ms(2));
    assertThat(BudgetRule.INFLATE.size(t, 1.25)).containsExactly(Time.ms(10), Time.us(2500));
    assertThat(BudgetRule.PRM.size(t, 1)).containsExactly(Time.ms(10), Time.ms(6));
    long[] half = BudgetRule.PRM.size(t, 2);
    assertThat(half[0]).isEqualTo(Time.ms(5));
    assertThat(BudgetRule.sbf(half[0], half[1], Time.ms(10))).isGreaterThanOrEqualTo(Time.ms(2));
    assertThat(BudgetRule.sbf(half[0], half[1] - 1, Time.ms(10))).isLessThan(Time.ms(2));
    assertThat(BudgetRule.WCET.size(new Task(Time.ms(10), 3_456, 0), 1))
        .containsExactly(Time.ms(10), Time.us(10));
    assertThat(BudgetRule.WCET.size(new Task(Time.ms(10), 1_234_567, 0), 1))
        .containsExactly(Time.ms(10), 1_235_000L);
  }
}
