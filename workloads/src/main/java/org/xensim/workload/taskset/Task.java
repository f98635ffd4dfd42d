package org.xensim.workload.taskset;

/**
 * One implicit-deadline periodic task: {@code period} and {@code wcet} in ns, and the
 * utilisation it was drawn with ({@code wcet} is {@code util * period} rounded to whole ns).
 */
public record Task(long periodNs, long wcetNs, double util) {

  /** {@code wcet / period} as the scenario states it. */
  public double scenarioUtil() {
    return (double) wcetNs / periodNs;
  }
}
