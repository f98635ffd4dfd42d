package org.xensim.sched.credit2;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xensim.core.sched.Capability;
import org.xensim.core.sched.ParamSpec;
import org.xensim.core.sched.SchedContext;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.sched.Scheduler;
import org.xensim.core.sched.SchedulerProvider;

// models csched2_init() of sched_credit2.c: its boot options
/** The {@code sched=credit2} scheduler; models {@code sched_credit2_def} of Xen 4.7. */
public final class Credit2Provider implements SchedulerProvider {

  @Override
  public String name() {
    return "credit2";
  }

  @Override
  public String xenSource() {
    return "xen/common/sched_credit2.c @ RELEASE-4.7.0";
  }

  @Override
  public List<String> versions() {
    return List.of("4.7");
  }

  @Override
  public List<ParamSpec> parameters() {
    return Credit2Options.specs();
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.WEIGHT, Capability.RUNQUEUE_LAYOUT);
  }

  @Override
  public Scheduler create(SchedContext ctx, SchedParams params) {
    return new Credit2Scheduler(ctx, Credit2Options.from(params));
  }
}
