package org.xensim.workload.taskset;

import java.util.ArrayList;
import java.util.List;
import org.xensim.core.time.Time;

/**
 * What task set to draw: {@code tasks} implicit-deadline periodic tasks with total utilisation
 * {@code util} (each at most {@code maxTaskUtil}), drawn by {@code method}, with periods from
 * {@code periods} between {@code periodMin} and {@code periodMax} rounded to
 * {@code granularity} (ns).
 */
public record TaskSetSpec(int tasks, double util, UtilMethod method, PeriodDist periods,
    long periodMin, long periodMax, long granularity, double maxTaskUtil) {

  /** Every problem with the spec, as {@code --option: value — expected …}; empty if none. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (tasks < 1 || tasks > 100_000) {
      out.add("--tasks: " + tasks + " \u2014 expected a number of tasks from 1 to 100000");
    }
    if (!(maxTaskUtil > 0 && maxTaskUtil <= 1)) {
      out.add("--max-task-util: " + maxTaskUtil + " \u2014 expected a number above 0, at most 1");
    }
    if (!(util > 0) || (tasks >= 1 && util > tasks * maxTaskUtil + 1e-12)) {
      out.add("--util: " + util + " \u2014 expected a total utilisation above 0 and at most "
          + "tasks x max-task-util (" + tasks * maxTaskUtil + ")");
    }
    if (granularity <= 0) {
      out.add("--granularity: " + Time.format(granularity) + " \u2014 expected a duration above 0");
    }
    if (periodMin <= 0 || periodMax < periodMin) {
      out.add("--period-max: " + Time.format(periodMax) + " \u2014 expected a duration not below "
          + "--period-min (" + Time.format(periodMin) + "), both above 0");
    } else if (granularity > 0 && periods != PeriodDist.HARMONIC
        && periodMax / granularity * granularity < periodMin) {
      out.add("--granularity: " + Time.format(granularity) + " \u2014 expected a granularity "
          + "with a multiple between --period-min and --period-max");
    }
    return out;
  }
}
