package org.xensim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xensim.core.run.ScenarioRunner;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code xensim run FILE}. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Simulate a scenario and write its results folder: summary.json, "
        + "domains.csv, vcpus.csv, pcpus.csv (and trace.csv with output.trace: true).",
        "Same scenario and seed give byte-identical results."})
final class RunCommand implements Callable<Integer> {
  @Mixin ScenarioOptions scenario;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "The results folder itself (default: output.dir, else results/<name>); an "
          + "existing folder is replaced when the run completes.")
  Path output;

  @Option(names = "--quiet", description = "Print no table at the end.")
  boolean quiet;

  @Override
  public Integer call() {
    Scenario s = scenario.load(ScenarioLoader.withInstalledProviders());
    Path dir = output != null ? output : Path.of(s.output().dir());
    long started = System.nanoTime();
    Progress bar = new Progress(s);
    ObjectNode summary = ScenarioRunner.runToFolder(s, dir, bar);
    bar.done();
    if (!quiet) {
      printTable(summary);
    }
    System.err.printf(Locale.ROOT, "results in %s (%.2f s)%n", dir,
        (System.nanoTime() - started) / 1e9);
    return 0;
  }

  private static void printTable(ObjectNode summary) {
    System.out.printf(Locale.ROOT, "%-16s %-8s %10s %10s %12s %12s%n", "domain", "pool",
        "share", "entitled", "wake p99", "wake max");
    for (JsonNode d : summary.get("domains")) {
      long p99 = 0;
      long max = 0;
      for (JsonNode v : d.get("vcpus")) {
        p99 = Math.max(p99, (long) value(v.get("wake_latency_ns").get("p99")));
        max = Math.max(max, (long) value(v.get("wake_latency_ns").get("max")));
      }
      System.out.printf(Locale.ROOT, "%-16s %-8s %10.4f %10.4f %12s %12s%n",
          d.get("name").asText(), d.get("pool").asText(), value(d.get("share")),
          value(d.get("entitled_share")), us(p99), us(max));
    }
    JsonNode t = summary.get("totals");
    System.out.printf(Locale.ROOT,
        "schedule calls %.0f, context switches %.0f, migrations %.0f, IPIs %.0f, "
            + "Jain fairness %.4f%n",
        value(t.get("schedule_calls")), value(t.get("context_switches")),
        value(t.get("migrations")), value(t.get("ipis")), value(t.get("jain_fairness")));
  }

  private static double value(JsonNode n) {
    return n.isObject() ? n.get("mean").asDouble() : n.asDouble();
  }

  private static String us(long ns) {
    return String.format(Locale.ROOT, "%.1fus", ns / 1000.0);
  }

  /** A one-line progress indicator on stderr, only when a terminal is attached. */
  private static final class Progress implements ScenarioRunner.Progress {
    private final boolean show = System.console() != null;
    private final Scenario s;
    private int lastPercent = -1;

    Progress(Scenario s) {
      this.s = s;
    }

    @Override
    public void update(int replication, long simulatedNs) {
      if (!show) {
        return;
      }
      double frac = (replication + (double) simulatedNs / s.endNs()) / s.replications();
      int percent = (int) (frac * 100);
      if (percent != lastPercent) {
        lastPercent = percent;
        int filled = percent / 4;
        System.err.printf(Locale.ROOT, "\r[%-25s] %3d%% replication %d/%d",
            "#".repeat(filled), percent, replication + 1, s.replications());
      }
    }

    void done() {
      if (show && lastPercent >= 0) {
        System.err.print("\r" + " ".repeat(60) + "\r");
      }
    }
  }
}
