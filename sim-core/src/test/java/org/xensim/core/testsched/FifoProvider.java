package org.xensim.core.testsched;

import java.util.List;
import java.util.Set;
import org.xensim.core.sched.Capability;
import org.xensim.core.sched.ParamSpec;
import org.xensim.core.sched.SchedContext;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.sched.Scheduler;
import org.xensim.core.sched.SchedulerProvider;
import org.xensim.core.time.Time;

/** Provider of the test-only {@link FifoScheduler} ({@code sched: fifo}). */
public final class FifoProvider implements SchedulerProvider {
  @Override
  public String name() {
    return "fifo";
  }

  @Override
  public String xenSource() {
    return "none (test scheduler)";
  }

  @Override
  public List<String> versions() {
    return List.of("4.7", "4.6");
  }

  @Override
  public List<ParamSpec> parameters() {
    return List.of(
        ParamSpec.duration("fifo_slice_us", ParamSpec.Scope.POOL, Time.NS_PER_US, 1000, 1,
            1_000_000, false, "round-robin slice"),
        ParamSpec.integer("weight", ParamSpec.Scope.DOMAIN, 256, 1, 65535, "unused weight"));
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of();
  }

  @Override
  public Scheduler create(SchedContext ctx, SchedParams params) {
    return new FifoScheduler(ctx, Time.us(params.getLong("fifo_slice_us")));
  }
}
