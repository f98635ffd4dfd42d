package org.xensim.sched.rtds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xensim.core.sched.Capability;
import org.xensim.core.sched.ParamSpec;
import org.xensim.core.sched.SchedContext;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.sched.Scheduler;
import org.xensim.core.sched.SchedulerProvider;
import org.xensim.core.time.Time;
import org.xensim.sched.rtds.quantum.QuantumRtdsScheduler;

// models rt_init() of sched_rt.c: the parameters of rt_dom_cntl()
/**
 * Xen's {@code sched=rtds}: models the {@code sched_rtds_def} scheduler table. One provider for both modelled releases: {@code xen.version} "4.7"
 * (the default) gives the event-driven {@link RtdsScheduler}, "4.6" the quantum-driven
 * {@link QuantumRtdsScheduler}.
 */
public final class RtdsProvider implements SchedulerProvider {
  public static final String NAME = "rtds";
  public static final String V4_7 = "4.7";
  public static final String V4_6 = "4.6";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String xenSource() {
    return "xen/common/sched_rt.c @ RELEASE-4.7.0 (xen.version 4.6: @ RELEASE-4.6.0)";
  }

  @Override
  public List<String> versions() {
    return List.of(V4_7, V4_6);
  }

  @Override
  public List<ParamSpec> parameters() {
    return RtdsParams.ALL;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.DEADLINES);
  }

  /**
   * Xen's per-vCPU check ({@code rt_dom_cntl} putvcpuinfo, and libxl for domain-wide values):
   * each vCPU's budget must not exceed its period.
   */
  @Override
  public List<String> checkDomain(String path, Map<String, Object> domainParams,
      List<Map<String, Object>> vcpuParams) {
    List<String> errors = new ArrayList<>();
    String p = RtdsParams.PERIOD.name();
    String b = RtdsParams.BUDGET.name();
    for (int i = 0; i < vcpuParams.size(); i++) {
      Map<String, Object> mine = vcpuParams.get(i);
      long period = value(mine, domainParams, RtdsParams.PERIOD);
      long budget = value(mine, domainParams, RtdsParams.BUDGET);
      if (budget > period) {
        String where = mine.containsKey(b) || mine.containsKey(p)
            ? path + ".vcpu_params (vCPU " + i + ")" : path;
        errors.add(where + ".budget: " + Time.format(budget * RtdsParams.BUDGET.unitNs())
            + " exceeds period " + Time.format(period * RtdsParams.PERIOD.unitNs())
            + " \u2014 expected a budget at most the period");
        if (where.equals(path)) {
          break;
        }
      }
    }
    return errors;
  }

  private static long value(Map<String, Object> vcpu, Map<String, Object> domain, ParamSpec s) {
    Object v = vcpu.containsKey(s.name()) ? vcpu.get(s.name()) : domain.get(s.name());
    return v == null ? (Long) s.defaultValue() : ((Number) v).longValue();
  }

  @Override
  public Scheduler create(SchedContext ctx, SchedParams params) {
    String version = ctx.xenVersion() == null ? V4_7 : ctx.xenVersion();
    switch (version) {
      case V4_7:
        return new RtdsScheduler(ctx);
      case V4_6:
        return new QuantumRtdsScheduler(ctx, RtdsParams.idleRepollNs(params));
      default:
        throw new IllegalArgumentException("rtds models Xen " + String.join(" and ", versions())
            + ", not " + version);
    }
  }
}
