package org.xensim.core.sched;

import java.util.List;
import java.util.Set;

/**
 * A scheduler model, found with {@link java.util.ServiceLoader}. {@link #name()} is Xen's
 * {@code sched=} value; {@link #parameters()} feed validation, {@code xensim list} and help.
 */
public interface SchedulerProvider {

  /** Xen's name: {@code credit}, {@code credit2}, {@code rtds}. */
  String name();

  /** The Xen source modelled, e.g. {@code xen/common/sched_credit.c @ RELEASE-4.7.0}. */
  String xenSource();

  /** The Xen versions modelled ({@code "4.7"}, ...); the first is the default. */
  List<String> versions();

  /** Boot options, per-domain and per-vCPU parameters, with Xen's units, defaults and ranges. */
  List<ParamSpec> parameters();

  Set<Capability> capabilities();

  /**
   * Cross-field checks of one domain's parameters (e.g. RTDS: budget at most period), as
   * {@code path.key: value — expected …} lines; empty if fine.
   *
   * @param path the domain's path in the scenario, e.g. {@code domains[2]}
   * @param domainParams validated per-domain values (without defaults)
   * @param vcpuParams per-vCPU values from {@code vcpu_params}, one map per vCPU
   */
  default List<String> checkDomain(String path, java.util.Map<String, Object> domainParams,
      List<java.util.Map<String, Object>> vcpuParams) {
    return List.of();
  }

  /**
   * Creates one instance for one cpupool.
   *
   * @param params the pool's boot options, validated against {@link #parameters()}
   */
  Scheduler create(SchedContext ctx, SchedParams params);
}
