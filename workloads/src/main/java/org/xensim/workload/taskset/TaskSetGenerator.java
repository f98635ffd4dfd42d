package org.xensim.workload.taskset;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.xensim.core.random.RandomStreams;

/**
 * Draws a task set from a seed: utilisations (stream {@code taskset.util}), then periods (stream
 * {@code taskset.period}); the same seed and spec give the same tasks. The utilisations sum to
 * the requested total to double precision (within a few ulps); each WCET is then
 * {@code util * period} rounded to the nearest ns (at least 1 ns), so the scenario's
 * {@code sum(wcet / period)} is within {@code tasks * 0.5ns / period-min} of it.
 */
public final class TaskSetGenerator {
  /** UUniFast-Discard gives up after this many rejected draws. */
  public static final int MAX_DISCARDS = 100_000;

  private TaskSetGenerator() {}

  /**
   * The tasks of {@code spec} for {@code seed}.
   *
   * @throws IllegalArgumentException with a message for the user when UUniFast-Discard cannot
   *     find a set under the cap (RandFixedSum can)
   */
  public static List<Task> generate(TaskSetSpec spec, long seed) {
    RandomStreams streams = new RandomStreams(seed, 0);
    double[] u = utilisations(spec, streams.stream("taskset.util"));
    UniformRandomProvider prng = streams.stream("taskset.period");
    List<Task> out = new ArrayList<>(u.length);
    for (double ui : u) {
      long period = spec.periods().draw(spec.periodMin(), spec.periodMax(), spec.granularity(),
          prng);
      long wcet = Math.min(period, Math.max(1, Math.round(ui * period)));
      out.add(new Task(period, wcet, ui));
    }
    return out;
  }

  static double[] utilisations(TaskSetSpec spec, UniformRandomProvider rng) {
    int n = spec.tasks();
    double cap = spec.maxTaskUtil();
    double[] u;
    if (spec.method() == UtilMethod.RANDFIXEDSUM) {
      u = RandFixedSum.generate(n, Math.min(spec.util(), n * cap), 0, cap, rng);
    } else if (spec.util() <= cap) {
      u = UUniFast.generate(n, spec.util(), rng); // no task can exceed the cap
    } else {
      u = UUniFast.discard(n, spec.util(), cap, rng, MAX_DISCARDS);
      if (u == null) {
        throw new IllegalArgumentException("--method: uunifast \u2014 expected randfixedsum for "
            + "this total: UUniFast-Discard found no set with every task at most " + cap
            + " in " + MAX_DISCARDS + " draws");
      }
    }
    return exactSum(u, spec.util(), cap);
  }

  /**
   * Corrects the rounding of the draw: the last value becomes {@code total} minus the others
   * (when that keeps it in [0, cap]), so that the left-to-right sum is {@code total} to within
   * an ulp or two (exactly, in most cases); the draw itself is off by up to ~1e-15 per value.
   */
  static double[] exactSum(double[] u, double total, double cap) {
    int last = u.length - 1;
    double others = 0;
    for (int i = 0; i < last; i++) {
      others += u[i];
    }
    double fixed = total - others;
    if (fixed >= 0 && fixed <= cap) {
      u[last] = fixed;
    }
    return u;
  }
}
