package org.xensim.sched.rtds;

import java.util.List;
import java.util.Set;
import org.xensim.core.sched.Capability;
import org.xensim.core.sched.ParamSpec;
import org.xensim.core.sched.SchedContext;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.sched.Scheduler;
import org.xensim.core.sched.SchedulerProvider;
import org.xensim.sched.rtds.quantum.QuantumRtdsScheduler;

/**
 * Xen's {@code sched=rtds}. One provider for both modelled releases: {@code xen.version} "4.7"
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
