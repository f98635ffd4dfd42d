package org.xensim.workload.trace;

import java.util.List;
import java.util.Map;

/** A read demand trace: each recorded domain's vCPUs and their rows, in the file's order. */
public final class DemandTrace {
  private final String name;
  private final Map<String, List<VcpuDemand>> domains;

  DemandTrace(String name, Map<String, List<VcpuDemand>> domains) {
    this.name = name;
    this.domains = domains;
  }

  /** The file's name, for messages. */
  public String name() {
    return name;
  }

  /** The recorded domains, in order of first appearance. */
  public List<String> domains() {
    return List.copyOf(domains.keySet());
  }

  /**
   * The rows of {@code domain}'s vCPUs, indexed by vCPU (a vCPU without rows has an empty
   * {@link VcpuDemand}); null if the trace has no such domain.
   */
  public List<VcpuDemand> domain(String domain) {
    return domains.get(domain);
  }
}
