package org.xensim.core.workload;

/** Makes the workloads of one domain; vCPUs of a domain may share state (a server's queue). */
@FunctionalInterface
public interface WorkloadFactory {

  /** One workload per vCPU (an element may be null: that vCPU never wakes). */
  Workload[] createForDomain(int nrVcpus);
}
