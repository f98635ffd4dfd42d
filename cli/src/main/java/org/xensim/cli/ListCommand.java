package org.xensim.cli;

import java.util.concurrent.Callable;
import org.xensim.core.sched.ParamSpec;
import org.xensim.core.sched.SchedulerProvider;
import org.xensim.core.sched.SchedulerRegistry;
import org.xensim.core.workload.WorkloadProvider;
import org.xensim.core.workload.WorkloadRegistry;
import picocli.CommandLine.Command;

/** {@code xensim list}: what this build models. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the scheduler models (Xen versions, parameters with unit, default and "
        + "range) and the workload types.")
final class ListCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.out.println("Schedulers (xen.sched or pools[].sched):");
    for (SchedulerProvider p : SchedulerRegistry.load().all()) {
      System.out.printf("  %-8s Xen %s — models %s%n", p.name(), String.join(", ", p.versions()),
          p.xenSource());
      for (ParamSpec s : p.parameters()) {
        System.out.printf("      %-30s %-7s default %-8s %s; %s%n", s.name(),
            s.scope().name().toLowerCase(java.util.Locale.ROOT), s.defaultText(),
            s.allowedText(), s.description());
      }
    }
    System.out.println();
    System.out.println("Workload types (domains[].workload.type):");
    for (WorkloadProvider w : WorkloadRegistry.load().all()) {
      System.out.printf("  %-10s %s%s%n", w.type(), w.description(),
          w.keys().isEmpty() ? "" : "; keys: " + String.join(", ", w.keys()));
    }
    System.out.println();
    System.out.println("Distributions (a bare duration = fixed; else {dist: NAME, ...}):");
    for (org.xensim.workload.dist.DistKind k : org.xensim.workload.dist.DistKind.values()) {
      System.out.printf("  %-12s %s%n", k.label(), k.keys());
    }
    System.out.println();
    System.out.println("Trace formats (workload.file: FORMAT:PATH, .gz read transparently):");
    for (org.xensim.workload.trace.TraceFormat f
        : org.xensim.workload.trace.TraceFormat.values()) {
      System.out.printf("  %-12s %s%n", f.label(), f.description());
    }
    return 0;
  }
}
