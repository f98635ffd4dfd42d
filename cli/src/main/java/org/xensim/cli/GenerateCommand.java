package org.xensim.cli;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xensim.core.scenario.ScenarioException;
import org.xensim.workload.taskset.BudgetRule;
import org.xensim.workload.taskset.PeriodDist;
import org.xensim.workload.taskset.Task;
import org.xensim.workload.taskset.TaskSetGenerator;
import org.xensim.workload.taskset.TaskSetScenario;
import org.xensim.workload.taskset.TaskSetSpec;
import org.xensim.workload.taskset.UtilMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xensim generate}: scenarios made from random task sets. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generate a scenario.", subcommands = GenerateCommand.TaskSet.class)
final class GenerateCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    throw new ScenarioException("generate: (nothing) \u2014 expected a kind of scenario: "
        + "taskset (see xensim generate taskset --help)");
  }

  /** {@code xensim generate taskset}. */
  @Command(name = "taskset", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Draw a random real-time task set and write it as a scenario: one "
          + "single-vCPU domain per task running a periodic workload, in an RTDS pool, with "
          + "budgets sized by a rule. The same options and seed give the same file.",
          "Example: xensim generate taskset --tasks 8 --util 2.5 --seed 7 -o ts.yaml"})
  static final class TaskSet implements Callable<Integer> {
    @Option(names = "--tasks", required = true, paramLabel = "N",
        description = "Number of tasks.")
    int tasks;

    @Option(names = "--util", required = true, paramLabel = "U",
        description = "Total utilisation (sum of WCET / period; 2.5 = two and a half pCPUs).")
    double util;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
        description = "Random seed (default ${DEFAULT-VALUE}); also the scenario's seed.")
    long seed;

    @Option(names = "--method", paramLabel = "M", defaultValue = "randfixedsum",
        description = "How utilisations are drawn: uunifast (UUniFast; UUniFast-Discard above "
            + "one pCPU) or randfixedsum (Stafford; default).")
    String method;

    @Option(names = "--periods", paramLabel = "D", defaultValue = "log-uniform",
        description = "Period distribution: uniform, log-uniform (default) or harmonic "
            + "(period-min x 2^k).")
    String periods;

    @Option(names = "--period-min", paramLabel = "DUR", defaultValue = "10ms",
        description = "Shortest period (default ${DEFAULT-VALUE}).")
    String periodMin;

    @Option(names = "--period-max", paramLabel = "DUR", defaultValue = "100ms",
        description = "Longest period (default ${DEFAULT-VALUE}).")
    String periodMax;

    @Option(names = "--granularity", paramLabel = "DUR", defaultValue = "1ms",
        description = "Periods are multiples of this (default ${DEFAULT-VALUE}).")
    String granularity;

    @Option(names = "--max-task-util", paramLabel = "X", defaultValue = "1.0",
        description = "Cap on one task's utilisation (default ${DEFAULT-VALUE}).")
    double maxTaskUtil;

    @Option(names = "--budget", paramLabel = "RULE", defaultValue = "wcet",
        description = "RTDS period and budget of each task's vCPU: wcet (the task's period and "
            + "WCET; default), inflate (WCET x --budget-factor) or prm (periodic resource "
            + "model: period / --budget-factor, least budget whose worst-case supply covers "
            + "the WCET by the deadline).")
    String budget;

    @Option(names = "--budget-factor", paramLabel = "X",
        description = "inflate: the factor (default 1.1); prm: the period divisor (default 2).")
    Double budgetFactor;

    @Option(names = "--pcpus", paramLabel = "N", defaultValue = "0",
        description = "pCPUs of the host (default: ceil of the total RTDS bandwidth).")
    int pcpus;

    @Option(names = "--duration", paramLabel = "DUR", defaultValue = "10s",
        description = "The scenario's duration (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--name", description = "The scenario's name (default "
        + "taskset-n<N>-u<U>-s<S>).")
    String name;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Where to write the scenario (default: standard output).")
    Path output;

    @Override
    public Integer call() throws Exception {
      UtilMethod m = Args.choice("--method", method, UtilMethod.named(method),
          UtilMethod.labels());
      PeriodDist p = Args.choice("--periods", periods, PeriodDist.named(periods),
          PeriodDist.labels());
      BudgetRule rule = Args.choice("--budget", budget, BudgetRule.named(budget),
          BudgetRule.labels());
      double factor = budgetFactor != null ? budgetFactor : rule == BudgetRule.PRM ? 2 : 1.1;
      List<String> problems = new ArrayList<>();
      if (!(factor >= 1) || factor > 1000) {
        problems.add("--budget-factor: " + factor + " \u2014 expected a number from 1 to 1000");
      }
      if (pcpus < 0 || pcpus > 4096) {
        problems.add("--pcpus: " + pcpus + " \u2014 expected 0 (as many as needed) to 4096");
      }
      TaskSetSpec spec = new TaskSetSpec(tasks, util, m, p, Args.duration("--period-min",
          periodMin), Args.duration("--period-max", periodMax),
          Args.duration("--granularity", granularity), maxTaskUtil);
      problems.addAll(spec.problems());
      long durationNs = Args.duration("--duration", duration);
      if (!problems.isEmpty()) {
        throw new ScenarioException(problems);
      }
      List<Task> set;
      try {
        set = TaskSetGenerator.generate(spec, seed);
      } catch (IllegalArgumentException e) {
        throw new ScenarioException(e.getMessage());
      }
      String n = name != null ? name : String.format(Locale.ROOT, "taskset-n%d-u%s-s%d", tasks,
          stripZeros(util), seed);
      String cmd = "xensim generate taskset --tasks " + tasks + " --util " + stripZeros(util)
          + " --seed " + seed + " --method " + m.label() + " --periods " + p.label()
          + " --period-min " + periodMin + " --period-max " + periodMax + " --granularity "
          + granularity + " --max-task-util " + stripZeros(maxTaskUtil) + " --budget "
          + rule.label() + (rule == BudgetRule.WCET ? "" : " --budget-factor "
          + stripZeros(factor));
      String yaml = TaskSetScenario.yaml(set, spec, new TaskSetScenario.Options(n, seed, rule,
          factor, pcpus, durationNs, cmd));
      try (Writer w = Args.output(output)) {
        w.write(yaml);
      }
      if (output != null) {
        System.err.println("wrote " + output + " (" + tasks + " tasks, utilisation "
            + stripZeros(util) + ")");
      }
      return 0;
    }

    private static String stripZeros(double x) {
      return new java.math.BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }
  }
}
