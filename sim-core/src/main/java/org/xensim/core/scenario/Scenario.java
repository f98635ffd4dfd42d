package org.xensim.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import org.xensim.core.host.CpuMask;
import java.util.List;
import java.util.Map;
import org.xensim.core.cost.CostModel;
import org.xensim.core.host.Topology;
import org.xensim.core.sched.SchedulerProvider;
import org.xensim.core.workload.WorkloadFactory;

/**
 * A validated scenario: everything needed to build and run a simulation. Made by
 * {@link ScenarioLoader}; values are in nanoseconds or in the Xen unit of each parameter.
 */
public record Scenario(String name, long seed, long durationNs, long warmupNs, int replications,
    Topology topology, CostModel costs, String xenVersion, List<Pool> pools,
    List<DomainSpec> domains, Output output, JsonNode sweep, JsonNode tree) {

  /** A cpupool with its scheduler and the boot options it runs with. */
  public record Pool(String name, SchedulerProvider provider, CpuMask cpus,
      Map<String, Object> params) {}

  /** One domain (a group with {@code count} is expanded into several). */
  public record DomainSpec(String name, int vcpus, int pool, CpuMask hard, CpuMask soft,
      boolean hardGiven, boolean softGiven, int initialCpu, Map<String, Object> params,
      List<Map<String, Object>> vcpuParams, WorkloadFactory workload, String workloadType) {}

  /**
   * Where and what to write.
   *
   * @param dir the results folder
   * @param plots plot kinds to draw, from {@link #PLOT_KINDS} (all of them unless the scenario
   *     names some; an empty list draws none)
   * @param trace write {@code trace.csv}
   * @param traceGzip write it gzipped ({@code trace.csv.gz})
   * @param timelineFromNs start of the window the per-pCPU timeline records (simulated time
   *     from t = 0)
   * @param timelineToNs end of that window (exclusive)
   * @param sweepMetrics columns of {@code sweep.csv} that {@code xensim sweep} charts (empty: its
   *     default figures)
   */
  public record Output(String dir, List<String> plots, boolean trace, boolean traceGzip,
      long timelineFromNs, long timelineToNs, List<String> sweepMetrics) {

    /** The plot kinds there are, in the order they are drawn. */
    public static final List<String> PLOT_KINDS =
        List.of("timeline", "shares", "latency", "utilisation");

    /** The timeline window by default: the first 100 ms of the measured time. */
    public static final long DEFAULT_TIMELINE_NS = 100_000_000L;
  }

  /** The end of the simulated run: warm-up plus measured time. */
  public long endNs() {
    return warmupNs + durationNs;
  }
}
