package org.xensim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.xensim.core.run.ScenarioRunner;
import org.xensim.core.run.Table;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;
import org.xensim.plots.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code xensim run FILE}. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Simulate a scenario and write its results folder: summary.json, CSV tables "
        + "(totals, domains, vcpus, pcpus, waited_behind), plot data and plots (PNG and SVG), "
        + "scenario.yaml, and trace.csv with output.trace: true. See docs/results.md.",
        "Same scenario and seed give byte-identical results."})
final class RunCommand implements Callable<Integer> {
  @Mixin ScenarioOptions scenario;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "The results folder itself (default: output.dir, else results/<name>); an "
          + "existing folder is replaced when the run completes.")
  Path output;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Replications run at once (default: the number of cores, ${DEFAULT-VALUE}). "
          + "Results do not depend on it.")
  int jobs = Runtime.getRuntime().availableProcessors();

  /** Refuses a {@code --jobs} below 1. */
  private void checkJobs() {
    if (jobs < 1) {
      throw new org.xensim.core.scenario.ScenarioException("--jobs " + jobs
          + " \u2014 expected at least 1 (replications run at once)");
    }
  }

  @Option(names = "--no-plots", description = "Draw no plots (output.plots is ignored).")
  boolean noPlots;

  @Option(names = "--quiet", description = "Print no table at the end.")
  boolean quiet;

  @Override
  public Integer call() {
    checkJobs();
    Scenario s = scenario.load(ScenarioLoader.withInstalledProviders());
    if (s.sweep() != null) {
      System.err.println("note: " + scenario.file + " has a sweep: grid; xensim run ignores it "
          + "and runs the scenario as written (xensim sweep runs the grid)");
    }
    Path dir = output != null ? output : Path.of(s.output().dir());
    long started = System.nanoTime();
    long[] reached = new long[s.replications()];
    ObjectNode summary;
    // steps are simulated milliseconds over all replications, shown as simulated seconds
    long totalMs = Math.max(1, s.endNs() / 1_000_000 * s.replications());
    try (Progress bar = Progress.start("simulating", totalMs, "s simulated", 1000)) {
      ScenarioRunner.Progress p = (rep, simulatedNs) -> {
        synchronized (reached) {
          reached[rep] = simulatedNs;
          long sum = 0;
          for (long r : reached) {
            sum += r;
          }
          bar.stepTo(sum / 1_000_000);
        }
      };
      summary = ScenarioRunner.runToFolder(s, dir, p, jobs, plots(s));
    }
    if (!quiet) {
      System.out.print(table(summary));
    }
    System.err.printf(Locale.ROOT, "results in %s (%.2f s)%n", dir,
        (System.nanoTime() - started) / 1e9);
    return 0;
  }

  private Consumer<Path> plots(Scenario s) {
    if (noPlots || s.output().plots().isEmpty()) {
      return null;
    }
    Plots.warmUpInBackground();
    return d -> Plots.drawRun(d, s.output().plots(), Plots.Window.RECORDED);
  }

  /** The short table printed after a run: one row per domain, then the host. */
  static String table(JsonNode summary) {
    boolean rep = summary.has("replications");
    boolean requests = Table.value(summary.get("totals").get("requests")) > 0;
    boolean jobs = Table.value(summary.get("totals").get("jobs")) > 0;
    List<String> header = new ArrayList<>(List.of("domain", "pool", "share", "entitled",
        "wake p50", "wake p99", "wake max", "preempt p99"));
    if (requests) {
      header.addAll(List.of("requests", "request p99"));
    }
    if (jobs) {
      header.addAll(List.of("jobs", "job p99", "misses"));
    }
    Table t = new Table(header);
    for (JsonNode d : summary.get("domains")) {
      JsonNode w = d.get("wake_latency_ns");
      List<String> row = new ArrayList<>(List.of(d.get("name").asText(), d.get("pool").asText(),
          share(d.get("share"), rep), share(d.get("entitled_share"), false), us(w.get("p50")),
          us(w.get("p99")), us(w.get("max")), us(d.get("preempt_wait_ns").get("p99"))));
      if (requests) {
        row.add(count(d.get("requests")));
        row.add(us(d.path("request_response_ns").get("p99")));
      }
      if (jobs) {
        row.add(count(d.get("jobs")));
        row.add(us(d.path("job_response_ns").get("p99")));
        row.add(count(d.get("deadline_misses")));
      }
      t.add(row);
    }
    JsonNode tot = summary.get("totals");
    StringBuilder b = new StringBuilder(t.toText());
    List<String> host = new ArrayList<>();
    host.add(String.format(Locale.ROOT, "Jain fairness %.4f", Table.value(tot.get("jain_fairness"))));
    host.add(String.format(Locale.ROOT, "worst vCPU %s %+.1f%% of entitlement",
        tot.get("worst_vcpu").asText(), 100 * Table.value(tot.get("worst_vcpu_deviation"))));
    host.add(String.format(Locale.ROOT, "utilisation %.1f%%",
        100 * Table.value(tot.get("utilisation"))));
    b.append(String.join(", ", host)).append('\n');
    b.append(String.format(Locale.ROOT, "schedule calls %.0f, context switches %.0f, "
            + "migrations %.0f, IPIs %.0f", Table.value(tot.get("schedule_calls")),
        Table.value(tot.get("context_switches")), Table.value(tot.get("migrations")),
        Table.value(tot.get("ipis"))));
    if (rep) {
      b.append(String.format(Locale.ROOT, "; means of %d replications (share \u00b1 95%% CI)",
          summary.get("replications").asInt()));
    }
    return b.append('\n').toString();
  }

  /** A count, or the mean of a replicated one to one decimal. */
  private static String count(JsonNode n) {
    double x = Table.value(n);
    return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.1f", x);
  }

  private static String share(JsonNode n, boolean ci) {
    String v = String.format(Locale.ROOT, "%.4f", Table.value(n));
    return ci ? v + " \u00b1" + String.format(Locale.ROOT, "%.4f", Table.ci95(n)) : v;
  }

  /** A latency in the unit that keeps it short: 850ns, 12.5us, 3.20ms, 1.50s. */
  static String us(JsonNode n) {
    double ns = Table.value(n);
    if (Double.isNaN(ns)) {
      return "";
    }
    if (ns < 1e3) {
      return String.format(Locale.ROOT, "%.0fns", ns);
    }
    if (ns < 1e6) {
      return String.format(Locale.ROOT, "%.1fus", ns / 1e3);
    }
    return ns < 1e9 ? String.format(Locale.ROOT, "%.2fms", ns / 1e6)
        : String.format(Locale.ROOT, "%.2fs", ns / 1e9);
  }
}
