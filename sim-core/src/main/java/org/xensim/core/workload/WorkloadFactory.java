package org.xensim.core.workload;

/** Makes the workloads of one domain; vCPUs of a domain may share state (a server's queue). */
@FunctionalInterface
public interface WorkloadFactory {

  /** One workload per vCPU (an element may be null: that vCPU never wakes). */
  Workload[] createForDomain(int nrVcpus);

  /**
   * One workload per vCPU of the domain called {@code domainName} (a trace replay picks that
   * domain's recorded rows). Throws {@link org.xensim.core.scenario.ScenarioException} for a
   * domain the workload cannot serve; {@code xensim validate} reports it.
   */
  default Workload[] createForDomain(String domainName, int nrVcpus) {
    return createForDomain(nrVcpus);
  }
}
