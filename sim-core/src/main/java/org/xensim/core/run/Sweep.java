package org.xensim.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import org.xensim.core.scenario.Overrides;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioException;
import org.xensim.core.scenario.ScenarioLoader;
import org.xensim.core.time.Durations;

/**
 * A scenario's {@code sweep:} grid: every combination of the swept keys' values is a point, run
 * with all its replications into its own results folder, and summed up as one row of
 * {@code sweep.csv}.
 *
 * <p>A swept key is a path as {@code --set} writes it ({@code xen.sched},
 * {@code domains[0].count}); its values are a list, or a range {@code {from, to, step}} of
 * numbers or of durations ({@code to} included). The first key varies slowest. Every point uses
 * the scenario's seed (common random numbers, so points differ only by what was swept).
 *
 * <p>Resumable: a point is skipped when {@code sweep.csv} already has its row (same
 * {@code hash}, a digest of the point's whole scenario) and its folder has a
 * {@code summary.json}. {@code sweep.csv} is rewritten, atomically, after every point, rows in
 * grid order, so an interrupted sweep loses at most the points that were running.
 */
public final class Sweep {
  /** Points a sweep may have at most. */
  public static final int MAX_POINTS = 10_000;
  public static final String CSV = "sweep.csv";
  public static final String META = "sweep.json";
  static final String EXPECTED_AXIS = "a list of values, e.g. [credit, credit2], or a range "
      + "{from: 0, to: 2000, step: 500} of numbers or durations";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper CANONICAL = new ObjectMapper()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final String[] PCTS = {"p50", "p90", "p99", "p999", "max", "mean"};

  /** One swept key and its values. */
  public record Axis(String key, List<JsonNode> values) {}

  /**
   * One combination of values.
   *
   * @param index position in the grid (first key slowest)
   * @param values the value of each swept key, in the grid's key order
   * @param name the point's results folder, made from its values
   * @param hash digest of the point's whole scenario (without {@code output:})
   * @param scenario the validated scenario of the point
   */
  public record Point(int index, Map<String, JsonNode> values, String name, String hash,
      Scenario scenario) {

    /** {@code key=value, …}. */
    public String label() {
      List<String> parts = new ArrayList<>();
      values.forEach((k, v) -> parts.add(k + "=" + text(v)));
      return String.join(", ", parts);
    }
  }

  /** Told how a sweep goes; called from the threads that run points. */
  public interface Listener {
    /** Before the first point: how many will run and how many were done already. */
    default void started(int toRun, int skipped) {}

    /** A point finished (its row is in {@code sweep.csv}). */
    default void pointDone(Point p) {}
  }

  /** What {@link #run} did. */
  public record Outcome(int ran, int skipped, Table table) {}

  private final String name;
  private final List<Axis> axes;
  private final List<Point> points;
  private final List<String> warnings;

  private Sweep(String name, List<Axis> axes, List<Point> points, List<String> warnings) {
    this.name = name;
    this.axes = axes;
    this.points = points;
    this.warnings = warnings;
  }

  public String name() {
    return name;
  }

  public List<Axis> axes() {
    return axes;
  }

  public List<Point> points() {
    return points;
  }

  /** Distinct warnings of the points' scenarios (ignored keys and the like). */
  public List<String> warnings() {
    return warnings;
  }

  // ---------------------------------------------------------------- planning

  /**
   * Reads the grid of {@code tree} (a scenario with {@code sweep:}, overrides applied) and
   * validates every point.
   *
   * @throws ScenarioException listing every problem: of the grid as {@code sweep.KEY: …}, of a
   *     point's scenario as {@code sweep point KEY=VALUE, …: path: …}
   */
  public static Sweep plan(ObjectNode tree, String defaultName, ScenarioLoader loader) {
    JsonNode grid = tree.get("sweep");
    if (grid == null || !grid.isObject() || grid.isEmpty()) {
      throw new ScenarioException("sweep: " + (grid == null ? "(missing)" : grid.toString())
          + " \u2014 expected a mapping of key paths to values, e.g. sweep: {xen.sched: "
          + "[credit, credit2], domains[0].count: {from: 2, to: 8, step: 2}}");
    }
    List<String> problems = new ArrayList<>();
    List<Axis> axes = new ArrayList<>();
    long size = 1;
    for (Map.Entry<String, JsonNode> e : grid.properties()) {
      List<JsonNode> values = values("sweep." + e.getKey(), e.getValue(), problems);
      axes.add(new Axis(e.getKey(), values));
      size *= Math.max(1, values.size());
      if (size > MAX_POINTS) {
        problems.add("sweep: more than " + MAX_POINTS + " points \u2014 expected at most "
            + MAX_POINTS + " combinations");
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    ObjectNode base = tree.deepCopy();
    base.remove("sweep");
    List<Point> points = new ArrayList<>();
    Set<String> distinct = new LinkedHashSet<>();
    Set<String> warnings = new LinkedHashSet<>();
    Set<String> names = new HashSet<>();
    int[] at = new int[axes.size()];
    for (int index = 0; index < size; index++) {
      Map<String, JsonNode> values = new LinkedHashMap<>();
      for (int k = 0; k < axes.size(); k++) {
        values.put(axes.get(k).key(), axes.get(k).values().get(at[k]));
      }
      String label = new Point(index, values, "", "", null).label();
      ObjectNode t = base.deepCopy();
      try {
        for (Map.Entry<String, JsonNode> e : values.entrySet()) {
          Overrides.set(t, e.getKey(), e.getValue().deepCopy(), "sweep." + e.getKey());
        }
        Scenario s = loader.build(t, defaultName);
        loader.warnings().forEach(w -> warnings.add(w));
        String hash = hash(t);
        points.add(new Point(index, values, folderName(values, hash, names), hash, s));
      } catch (ScenarioException ex) {
        for (String p : ex.problems()) {
          if (distinct.add(p)) {
            problems.add(p.startsWith("sweep.") ? p : "sweep point " + label + ": " + p);
          }
        }
      }
      for (int k = axes.size() - 1; k >= 0; k--) {
        if (++at[k] < axes.get(k).values().size()) {
          break;
        }
        at[k] = 0;
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    String name = points.get(0).scenario().name();
    return new Sweep(name, List.copyOf(axes), List.copyOf(points), List.copyOf(warnings));
  }

  /** The values of one axis: a list, or a range of numbers or durations. */
  static List<JsonNode> values(String path, JsonNode spec, List<String> problems) {
    List<JsonNode> out = new ArrayList<>();
    if (spec.isArray()) {
      if (spec.isEmpty()) {
        problems.add(path + ": [] \u2014 expected " + EXPECTED_AXIS);
      }
      spec.forEach(out::add);
      return out;
    }
    if (!spec.isObject() || !spec.has("from") || !spec.has("to") || !spec.has("step")
        || spec.size() != 3) {
      problems.add(path + ": " + spec + " \u2014 expected " + EXPECTED_AXIS);
      return out;
    }
    JsonNode from = spec.get("from");
    JsonNode to = spec.get("to");
    JsonNode step = spec.get("step");
    boolean durations = from.isTextual() || to.isTextual() || step.isTextual();
    try {
      BigDecimal f = number(from, durations);
      BigDecimal t = number(to, durations);
      BigDecimal s = number(step, durations);
      if (s.signum() <= 0) {
        problems.add(path + ".step: " + step.asText() + " \u2014 expected a step above 0");
        return out;
      }
      if (t.compareTo(f) < 0) {
        problems.add(path + ".to: " + to.asText() + " \u2014 expected at least from ("
            + from.asText() + ")");
        return out;
      }
      BigDecimal count = t.subtract(f).divideToIntegralValue(s);
      if (count.compareTo(BigDecimal.valueOf(MAX_POINTS)) >= 0) {
        problems.add(path + ": " + spec + " \u2014 expected at most " + MAX_POINTS + " values");
        return out;
      }
      for (BigDecimal v = f; v.compareTo(t) <= 0; v = v.add(s)) {
        out.add(durations ? TextNode.valueOf(duration(v.longValueExact()))
            : v.stripTrailingZeros().scale() <= 0
                ? JsonNodeFactory.instance.numberNode(v.longValueExact())
                : DecimalNode.valueOf(v.stripTrailingZeros()));
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      problems.add(path + ": " + spec + " \u2014 expected " + EXPECTED_AXIS + " ("
          + e.getMessage() + ")");
    }
    return out;
  }

  private static BigDecimal number(JsonNode n, boolean durations) {
    if (durations) {
      if (!n.isTextual()) {
        throw new IllegalArgumentException(n + " has no unit; give from, to and step all as "
            + "durations or all as numbers");
      }
      return BigDecimal.valueOf(Durations.parse(n.asText()));
    }
    if (!n.isNumber()) {
      throw new IllegalArgumentException(n + " is not a number");
    }
    return n.decimalValue();
  }

  /** A duration in the largest unit that writes it exactly: 1500us, 2ms, 30s. */
  static String duration(long ns) {
    long[] units = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
    String[] names = {"h", "m", "s", "ms", "us"};
    for (int i = 0; i < units.length; i++) {
      if (ns != 0 && ns % units[i] == 0) {
        return ns / units[i] + names[i];
      }
    }
    return ns + "ns";
  }

  static String text(JsonNode v) {
    return v.isValueNode() ? v.asText() : v.toString();
  }

  /** The point's folder: its values, made safe for file names; unique within the sweep. */
  private static String folderName(Map<String, JsonNode> values, String hash, Set<String> taken) {
    StringBuilder b = new StringBuilder();
    for (JsonNode v : values.values()) {
      String s = text(v).replaceAll("[^A-Za-z0-9.+-]+", "-").replaceAll("^-+|-+$", "");
      if (s.length() > 24) {
        s = s.substring(0, 24);
      }
      b.append(b.length() == 0 ? "" : "_").append(s.isEmpty() ? "x" : s);
    }
    String name = b.toString();
    if (name.length() > 120 || !taken.add(name)) {
      name = (name.length() > 100 ? name.substring(0, 100) : name) + "-" + hash.substring(0, 8);
      taken.add(name);
    }
    return name;
  }

  /** A digest of the scenario tree (keys sorted, {@code output:} left out). */
  static String hash(ObjectNode tree) {
    ObjectNode t = tree.deepCopy();
    t.remove("output");
    try {
      Object plain = CANONICAL.treeToValue(t, Object.class);
      byte[] bytes = CANONICAL.writeValueAsBytes(plain);
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- running

  /**
   * Runs every point not already done into {@code dir}, {@code threads} at a time (a point's
   * replications share the threads left over), and writes {@code sweep.csv} and
   * {@code sweep.json}.
   *
   * @param finish called with each point's scenario and complete temporary folder before the
   *     folder is moved into place (plots); may be null
   * @throws ScenarioException if {@code dir} holds a {@code sweep.csv} that cannot be read
   */
  public Outcome run(Path dir, int threads, Listener listener,
      BiConsumer<Scenario, Path> finish) {
    Listener l = listener == null ? new Listener() {} : listener;
    if (Files.isRegularFile(dir.resolve("summary.json"))) {
      throw new ScenarioException(dir + ": holds the results of a run (summary.json) \u2014 "
          + "expected an empty folder or an earlier sweep's; choose another --output");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ScenarioException(dir + ": cannot create the sweep folder (" + e.getMessage()
          + ") \u2014 expected a folder that can be written");
    }
    Map<String, Map<String, String>> previous = previousRows(dir);
    List<Map<String, String>> rows = new ArrayList<>();
    List<Point> todo = new ArrayList<>();
    for (Point p : points) {
      Map<String, String> row = previous.get(p.hash());
      boolean done = row != null && p.name().equals(row.get("point"))
          && Files.isRegularFile(dir.resolve(p.name()).resolve("summary.json"));
      rows.add(done ? row : null);
      if (!done) {
        todo.add(p);
      }
    }
    writeMeta(dir);
    l.started(todo.size(), points.size() - todo.size());
    Object lock = new Object();
    int parallel = Math.max(1, Math.min(threads, todo.size()));
    int inner = Math.max(1, threads / parallel);
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Point p : todo) {
        futures.add(pool.submit(() -> {
          ObjectNode summary = ScenarioRunner.runToFolder(p.scenario(), dir.resolve(p.name()),
              null, inner, finish == null ? null : d -> finish.accept(p.scenario(), d));
          Map<String, String> row = row(p, summary);
          synchronized (lock) {
            rows.set(p.index(), row);
            writeCsv(dir, rows);
          }
          l.pointDone(p);
          return null;
        }));
      }
      for (Future<?> f : futures) {
        ScenarioRunner.get(f);
      }
    } finally {
      pool.shutdownNow();
    }
    Table table;
    synchronized (lock) {
      table = writeCsv(dir, rows);
    }
    return new Outcome(todo.size(), points.size() - todo.size(), table);
  }

  /** Rows of an existing {@code sweep.csv} by hash. */
  private static Map<String, Map<String, String>> previousRows(Path dir) {
    Path csv = dir.resolve(CSV);
    Map<String, Map<String, String>> out = new HashMap<>();
    if (!Files.exists(csv)) {
      return out;
    }
    Table t;
    try {
      t = Table.parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new ScenarioException(csv + ": cannot be read as a sweep table (" + e.getMessage()
          + ") \u2014 expected the sweep.csv of an earlier xensim sweep; remove it or choose "
          + "another --output");
    }
    int hash = t.header().indexOf("hash");
    if (hash < 0 || !t.header().contains("point")) {
      throw new ScenarioException(csv + ": has no hash and point columns \u2014 expected the "
          + "sweep.csv of an earlier xensim sweep; remove it or choose another --output");
    }
    for (List<String> r : t.rows()) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < r.size(); i++) {
        if (!r.get(i).isEmpty()) {
          row.put(t.header().get(i), r.get(i));
        }
      }
      out.put(r.get(hash), row);
    }
    return out;
  }

  /** One point's row: its values, folder and hash, then the figures of its summary. */
  Map<String, String> row(Point p, JsonNode summary) {
    Map<String, String> row = new LinkedHashMap<>();
    p.values().forEach((k, v) -> row.put(k, text(v)));
    row.put("point", p.name());
    row.put("hash", p.hash());
    row.put("replications", Integer.toString(p.scenario().replications()));
    JsonNode t = summary.get("totals");
    for (Map.Entry<String, JsonNode> e : t.properties()) {
      String k = e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject() && v.has("p99") && v.has("max")) {
        for (String pct : PCTS) {
          figure(row, latencyPrefix(k) + pct + "_ns", v.get(pct));
        }
      } else if (k.equals("migrations_by_distance")) {
        v.properties().forEach(d -> figure(row, "migrations_" + d.getKey(), d.getValue()));
      } else {
        figure(row, k, v);
      }
    }
    for (JsonNode d : summary.get("domains")) {
      String n = d.get("name").asText() + ".";
      figure(row, n + "share", d.get("share"));
      figure(row, n + "entitled_share", d.get("entitled_share"));
      figure(row, n + "wake_p50_ns", d.get("wake_latency_ns").get("p50"));
      figure(row, n + "wake_p99_ns", d.get("wake_latency_ns").get("p99"));
      figure(row, n + "wake_max_ns", d.get("wake_latency_ns").get("max"));
      figure(row, n + "preempt_wait_p99_ns", d.get("preempt_wait_ns").get("p99"));
      figure(row, n + "jobs", d.get("jobs"));
      figure(row, n + "deadline_misses", d.get("deadline_misses"));
      if (d.has("job_response_ns")) {
        figure(row, n + "job_response_p99_ns", d.get("job_response_ns").get("p99"));
      }
      if (d.has("requests")) {
        figure(row, n + "requests", d.get("requests"));
        figure(row, n + "request_p50_ns", d.get("request_response_ns").get("p50"));
        figure(row, n + "request_p99_ns", d.get("request_response_ns").get("p99"));
      }
    }
    return row;
  }

  /** {@code wake_latency_ns} → {@code wake_}, {@code request_response_ns} → {@code request_}. */
  static String latencyPrefix(String key) {
    return switch (key) {
      case "wake_latency_ns" -> "wake_";
      case "request_response_ns" -> "request_";
      default -> key.replaceFirst("_ns$", "") + "_";
    };
  }

  private static void figure(Map<String, String> row, String col, JsonNode v) {
    if (v == null || v.isNull()) {
      return;
    }
    row.put(col, Table.cell(v));
    if (v.isObject() && v.has("ci95")) {
      row.put(col + "_ci95", Table.num(v.get("ci95").asDouble()));
    }
  }

  /**
   * Writes the rows done so far, in grid order, atomically. The header is the swept keys, then
   * {@code point, hash, replications}, then the union of every row's columns in order of first
   * appearance, each {@code _ci95} column right after its figure.
   */
  private Table writeCsv(Path dir, List<Map<String, String>> rows) {
    Set<String> base = new LinkedHashSet<>();
    axes.forEach(a -> base.add(a.key()));
    base.add("point");
    base.add("hash");
    base.add("replications");
    Set<String> all = new LinkedHashSet<>();
    for (Map<String, String> r : rows) {
      if (r == null) {
        continue;
      }
      all.addAll(r.keySet());
      r.keySet().stream().filter(k -> !k.endsWith("_ci95")).forEach(base::add);
    }
    List<String> header = new ArrayList<>();
    for (String c : base) {
      header.add(c);
      if (all.contains(c + "_ci95")) {
        header.add(c + "_ci95");
      }
    }
    Table t = new Table(header);
    for (Map<String, String> r : rows) {
      if (r != null) {
        t.add(header.stream().map(c -> r.getOrDefault(c, "")).toList());
      }
    }
    writeAtomically(dir.resolve(CSV), t.toCsv());
    return t;
  }

  /**
   * {@code sweep.json}: the grid and the figures to chart ({@code output.sweep_metrics}), for
   * {@code xensim plot} to know what was swept.
   */
  private void writeMeta(Path dir) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("scenario", name);
    ArrayNode keys = o.putArray("keys");
    for (Axis a : axes) {
      ObjectNode k = keys.addObject();
      k.put("key", a.key());
      ArrayNode vs = k.putArray("values");
      a.values().forEach(vs::add);
    }
    o.put("points", points.size());
    ArrayNode metrics = o.putArray("metrics");
    points.get(0).scenario().output().sweepMetrics().forEach(metrics::add);
    try {
      writeAtomically(dir.resolve(META), JSON.writeValueAsString(o) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeAtomically(Path file, String text) {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
