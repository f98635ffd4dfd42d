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
   * @param plots plot kinds asked for (empty = all that apply)
   * @param trace write {@code trace.csv}
   * @param traceGzip write it gzipped ({@code trace.csv.gz})
   */
  public record Output(String dir, List<String> plots, boolean trace, boolean traceGzip) {}

  /** The end of the simulated run: warm-up plus measured time. */
  public long endNs() {
    return warmupNs + durationNs;
  }
}
