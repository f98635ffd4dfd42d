package org.xensim.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.xensim.core.metrics.TimelineRecorder;
import org.xensim.core.metrics.UtilisationSeries;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.metrics.Latency;

/**
 * Writes a results folder: {@code summary.json}, {@code scenario.yaml}, the tables ({@code totals.csv},
 * {@code domains.csv}, {@code vcpus.csv}, {@code pcpus.csv}, {@code waited_behind.csv}) and the
 * data the plots are drawn from ({@code latency_cdf.csv}, {@code timeline.csv},
 * {@code utilisation.csv}). With replications a table cell holds the mean and each measured
 * column is followed by its {@code _ci95} column. Nothing depends on where or when it runs.
 */
public final class ResultsWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

  /** CDF rows are kept at most this close (relative step of latency) to the previous one. */
  private static final double CDF_STEP = 1.05;

  private static final String[] PCTS = {"p50", "p90", "p99", "p999", "max", "mean"};

  private ResultsWriter() {}

  /** Writes {@code summary.json} and the tables derived from it. */
  public static void write(ObjectNode summary, Path dir) {
    writeText(dir.resolve("summary.json"), toJson(summary));
    boolean rep = summary.has("replications");
    writeText(dir.resolve("totals.csv"), totals(summary.get("totals"), rep).toCsv());
    writeText(dir.resolve("domains.csv"), domains(summary, rep).toCsv());
    writeText(dir.resolve("vcpus.csv"), vcpus(summary, rep).toCsv());
    writeText(dir.resolve("pcpus.csv"), pcpus(summary, rep).toCsv());
    writeText(dir.resolve("waited_behind.csv"), waitedBehind(summary).toCsv());
  }

  /** Writes everything of a run: the summary, the tables and the plot data. */
  public static void write(ObjectNode summary, List<ReplicationResult> runs, Path dir) {
    ReplicationResult first = runs.get(0);
    if (first.timeline() != null) {
      ObjectNode t = summary.putObject("timeline_window");
      t.put("from_ns", first.timeline().fromNs());
      t.put("to_ns", first.timeline().toNs());
      t.put("segments", first.timeline().size());
      t.put("truncated", first.timeline().truncated());
    }
    write(summary, dir);
    writeText(dir.resolve("latency_cdf.csv"), latencyCdf(runs).toCsv());
    if (first.timeline() != null) {
      writeText(dir.resolve("timeline.csv"), timeline(first.timeline()).toCsv());
    }
    writeText(dir.resolve("utilisation.csv"),
        utilisation(runs, summary.get("simulated_ns").asLong()).toCsv());
  }

  /** {@code scenario.yaml}: the scenario as run, overrides applied (no path, no defaults added). */
  public static void writeScenario(Scenario scenario, Path dir) {
    try {
      writeText(dir.resolve("scenario.yaml"), YAML.writeValueAsString(scenario.tree()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String toJson(JsonNode n) {
    try {
      return JSON.writeValueAsString(n) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeText(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ tables from the summary

  /** One column of a table: its name and the figure's path in a row's JSON object. */
  private record Col(String name, String... path) {
    JsonNode at(JsonNode row) {
      JsonNode n = row;
      for (String p : path) {
        n = n == null ? null : n.get(p);
      }
      return n;
    }
  }

  private static List<Col> figureCols(boolean domain) {
    List<Col> c = new ArrayList<>();
    c.add(new Col("cpu_ns", "cpu_ns"));
    c.add(new Col("share", "share"));
    c.add(new Col("entitled_share", "entitled_share"));
    c.add(new Col("demand_share", "demand_share"));
    c.add(new Col("work_ns", "work_ns"));
    c.add(new Col("runnable_ns", "runnable_ns"));
    c.add(new Col("runnable_after_wake_ns", "runnable_after_wake_ns"));
    c.add(new Col("runnable_after_preempt_ns", "runnable_after_preempt_ns"));
    c.add(new Col("blocked_ns", "blocked_ns"));
    c.add(new Col("wakes", "wakes"));
    for (String p : PCTS) {
      c.add(new Col("wake_" + p + "_ns", "wake_latency_ns", p));
    }
    for (String p : PCTS) {
      c.add(new Col("preempt_wait_" + p + "_ns", "preempt_wait_ns", p));
    }
    c.add(new Col("preemptions", "preemptions"));
    c.add(new Col("migrations", "migrations"));
    for (String d : SummaryBuilder.DISTANCES) {
      c.add(new Col("migrations_" + d, "migrations_by_distance", d));
    }
    c.add(new Col("jobs", "jobs"));
    c.add(new Col("deadline_misses", "deadline_misses"));
    for (String p : PCTS) {
      c.add(new Col("job_response_" + p + "_ns", "job_response_ns", p));
    }
    c.add(new Col("requests", "requests"));
    for (String p : PCTS) {
      c.add(new Col("request_" + p + "_ns", "request_response_ns", p));
    }
    return c;
  }

  private static Table table(List<String> keys, List<Col> cols, boolean rep) {
    List<String> h = new ArrayList<>(keys);
    for (Col c : cols) {
      h.add(c.name());
      if (rep) {
        h.add(c.name() + "_ci95");
      }
    }
    return new Table(h);
  }

  private static void cells(List<String> row, JsonNode o, List<Col> cols, boolean rep) {
    for (Col c : cols) {
      JsonNode n = c.at(o);
      row.add(Table.cell(n));
      if (rep) {
        row.add(Table.num(Table.ci95(n)));
      }
    }
  }

  static Table totals(JsonNode totals, boolean rep) {
    List<String> h = new ArrayList<>(List.of("metric", "value"));
    if (rep) {
      h.add("ci95");
    }
    Table t = new Table(h);
    flatten("", totals, t, rep);
    return t;
  }

  private static void flatten(String prefix, JsonNode n, Table t, boolean rep) {
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      JsonNode v = e.getValue();
      String name = prefix + e.getKey();
      if (v.isObject() && !v.has("mean")) {
        flatten(name + ".", v, t, rep);
        continue;
      }
      List<String> row = new ArrayList<>(List.of(name, Table.cell(v)));
      if (rep) {
        row.add(Table.num(Table.ci95(v)));
      }
      t.add(row);
    }
  }

  static Table domains(JsonNode summary, boolean rep) {
    List<Col> cols = figureCols(true);
    Table t = table(List.of("domain", "pool"), cols, rep);
    for (JsonNode d : summary.get("domains")) {
      List<String> row = new ArrayList<>(List.of(d.get("name").asText(), d.get("pool").asText()));
      cells(row, d, cols, rep);
      t.add(row);
    }
    return t;
  }

  static Table vcpus(JsonNode summary, boolean rep) {
    List<Col> cols = figureCols(false);
    Table t = table(List.of("domain", "vcpu"), cols, rep);
    for (JsonNode d : summary.get("domains")) {
      for (JsonNode v : d.get("vcpus")) {
        List<String> row = new ArrayList<>(List.of(d.get("name").asText(),
            v.get("vcpu").asText()));
        cells(row, v, cols, rep);
        t.add(row);
      }
    }
    return t;
  }

  static Table pcpus(JsonNode summary, boolean rep) {
    List<Col> cols = new ArrayList<>();
    for (String k : List.of("busy_ns", "idle_ns", "overhead_ns", "context_switches",
        "schedule_calls", "idle_repolls", "ipis", "utilisation")) {
      cols.add(new Col(k, k));
    }
    Table t = table(List.of("cpu", "pool"), cols, rep);
    for (JsonNode p : summary.get("pcpus")) {
      List<String> row = new ArrayList<>(List.of(p.get("cpu").asText(), p.get("pool").asText()));
      cells(row, p, cols, rep);
      t.add(row);
    }
    return t;
  }

  /** Who ran while each vCPU waited: one row per (vCPU, domain that held its pCPUs). */
  static Table waitedBehind(JsonNode summary) {
    Table t = new Table(List.of("domain", "vcpu", "behind", "pcpu_ns", "fraction"));
    for (JsonNode d : summary.get("domains")) {
      for (JsonNode v : d.get("vcpus")) {
        JsonNode w = v.get("waited_behind_ns");
        if (w == null) {
          continue;
        }
        double total = 0;
        for (JsonNode x : w) {
          total += Table.value(x);
        }
        for (Map.Entry<String, JsonNode> e : w.properties()) {
          double ns = Table.value(e.getValue());
          t.add(List.of(d.get("name").asText(), v.get("vcpu").asText(), e.getKey(),
              Table.num(Math.rint(ns)), Table.num(total == 0 ? 0 : ns / total)));
        }
      }
    }
    return t;
  }

  // ------------------------------------------------------------------ plot data

  /**
   * The wake-latency and preemption-wait CDFs per domain, over all replications: a row at each
   * step of the histogram (fraction and cumulative count of values up to that latency), thinned
   * to steps at least 5 % apart in latency (the last step, the maximum, is always kept).
   */
  static Table latencyCdf(List<ReplicationResult> runs) {
    Table t = new Table(List.of("domain", "kind", "latency_ns", "fraction", "count"));
    List<String> names = runs.get(0).domains();
    for (int d = 0; d < names.size(); d++) {
      cdfRows(t, names.get(d), "wake", merged(runs, d, true));
      cdfRows(t, names.get(d), "preempt", merged(runs, d, false));
    }
    return t;
  }

  private static Latency merged(List<ReplicationResult> runs, int d, boolean wake) {
    Latency h = new Latency();
    for (ReplicationResult r : runs) {
      h.add(wake ? r.wakeLatency().get(d) : r.preemptWait().get(d));
    }
    return h;
  }

  private static void cdfRows(Table t, String domain, String kind, Latency latency) {
    Histogram h = latency.histogram();
    long total = h.getTotalCount();
    if (total == 0) {
      return;
    }
    long lastKept = -1;
    long pendingValue = -1;
    long pendingCount = 0;
    for (HistogramIterationValue v : h.recordedValues()) {
      long value = h.highestEquivalentValue(v.getValueIteratedTo());
      long count = v.getTotalCountToThisValue();
      if (lastKept < 0 || value >= lastKept * CDF_STEP || count == total) {
        t.add(List.of(domain, kind, Long.toString(Math.min(value, latency.max())),
            Table.num((double) count / total), Long.toString(count)));
        lastKept = Math.max(1, value);
        pendingValue = -1;
      } else {
        pendingValue = value;
        pendingCount = count;
      }
    }
    if (pendingValue >= 0) {
      t.add(List.of(domain, kind, Long.toString(Math.min(pendingValue, latency.max())),
          Table.num((double) pendingCount / total), Long.toString(pendingCount)));
    }
  }

  static Table timeline(TimelineRecorder r) {
    Table t = new Table(List.of("pcpu", "start_ns", "end_ns", "domain", "vcpu"));
    for (int i = 0; i < r.size(); i++) {
      t.add(List.of(Integer.toString(r.cpu(i)), Long.toString(r.start(i)),
          Long.toString(r.end(i)), r.vcpu(i).domain().name(),
          Integer.toString(r.vcpu(i).vcpuId())));
    }
    return t;
  }

  /** Busy fraction of every pCPU per time bucket, averaged over the replications. */
  static Table utilisation(List<ReplicationResult> runs, long measuredNs) {
    UtilisationSeries u0 = runs.get(0).utilisation();
    List<String> h = new ArrayList<>(List.of("start_ns", "end_ns"));
    for (int c = 0; c < u0.nrCpus(); c++) {
      h.add("pcpu" + c);
    }
    Table t = new Table(h);
    long to = u0.fromNs() + measuredNs;
    for (int b = 0; b < u0.buckets(); b++) {
      long len = u0.lengthNs(b, to);
      if (len == 0) {
        continue;
      }
      long start = u0.fromNs() + b * u0.bucketNs();
      List<String> row = new ArrayList<>(List.of(Long.toString(start),
          Long.toString(start + len)));
      for (int c = 0; c < u0.nrCpus(); c++) {
        double sum = 0;
        for (ReplicationResult r : runs) {
          sum += r.utilisation().busyNs(c, b);
        }
        row.add(Table.num(sum / runs.size() / len));
      }
      t.add(row);
    }
    return t;
  }

  /** A number, or the mean of a replicated figure, formatted independently of the locale. */
  static String num(JsonNode parent, String key) {
    return Table.cell(parent.get(key));
  }
}
