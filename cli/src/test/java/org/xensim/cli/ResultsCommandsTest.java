package org.xensim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} with plots, {@code sweep}, {@code plot} and {@code compare}, end to end. */
class ResultsCommandsTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path file(String yaml) throws Exception {
    Path f = tmp.resolve("s.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  private static final String SCENARIO = """
      name: two
      duration: 40ms
      host: {cores_per_socket: 1}
      xen: {sched: fifo}
      domains:
        - {name: A, workload: {type: cpu-hog}}
        - {name: B, workload: {type: script, steps: ["wake 1ms", "run 1ms", "wake 9ms", "run 1ms"]}}
      """;

  private static final String SWEEP = SCENARIO.replace("duration: 40ms",
      "duration: 40ms\nreplications: 2") + """
      output: {plots: [shares]}
      sweep:
        domains[0].count: [1, 2]
        xen.fifo_slice_us: {from: 1000, to: 2000, step: 1000}
      """;

  @Test
  void runDrawsThePlotsUnlessToldNot() throws Exception {
    Path dir = tmp.resolve("r");
    assertThat(Main.execute("run", file(SCENARIO).toString(), "-o", dir.toString()))
        .as(stderr()).isZero();
    for (String f : List.of("timeline", "shares", "latency", "preempt_wait", "utilisation")) {
      assertThat(dir.resolve(f + ".png")).isRegularFile();
      assertThat(dir.resolve(f + ".svg")).isRegularFile();
    }
    assertThat(stdout()).contains("Jain fairness", "worst vCPU");
    Path bare = tmp.resolve("bare");
    assertThat(Main.execute("run", file(SCENARIO).toString(), "-o", bare.toString(), "--no-plots",
        "--quiet")).isZero();
    try (var files = Files.list(bare)) {
      assertThat(files.map(Path::toString)).noneMatch(n -> n.endsWith(".png"));
    }
  }

  @Test
  void sweepWritesOneRowPerPointChartsAndResumes() throws Exception {
    Path dir = tmp.resolve("sw");
    Path f = file(SWEEP);
    assertThat(Main.execute("sweep", f.toString(), "-o", dir.toString(), "-j", "2"))
        .as(stderr()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("sweep.csv"));
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("domains[0].count,xen.fifo_slice_us,point,hash,"
        + "replications,");
    assertThat(dir.resolve("sweep-jain_fairness.png")).isRegularFile();
    assertThat(dir.resolve("sweep-wake_p99_ns.svg")).isRegularFile();
    // each point draws what its scenario's output.plots asks for
    assertThat(dir.resolve("2_2000").resolve("shares.png")).isRegularFile();
    assertThat(dir.resolve("2_2000").resolve("timeline.png")).doesNotExist();
    assertThat(stdout()).contains("domains[0].count", "jain_fairness", "wake_p99_ns",
        "utilisation");
    byte[] before = Files.readAllBytes(dir.resolve("sweep.csv"));
    err.reset();
    assertThat(Main.execute("sweep", f.toString(), "-o", dir.toString())).isZero();
    assertThat(stderr()).contains("4 of 4 points already in").contains("0 point(s) run, 4 "
        + "skipped");
    assertThat(Files.readAllBytes(dir.resolve("sweep.csv"))).isEqualTo(before);
    // the sweep folder redraws with another figure
    out.reset();
    assertThat(Main.execute("plot", dir.toString(), "--metric", "B.share")).as(stderr())
        .isZero();
    assertThat(stdout()).contains("sweep-B.share.png");
  }

  @Test
  void aBadSweepKeyIsBadInputNamingTheKeyAndWhatIsAllowed() throws Exception {
    Path f = file(SWEEP.replace("xen.fifo_slice_us", "xen.slice"));
    assertThat(Main.execute("sweep", f.toString(), "-o", tmp.resolve("x").toString()))
        .isEqualTo(2);
    assertThat(stderr()).contains("error: sweep point domains[0].count=1, xen.slice=1000: "
        + "xen.slice: unknown key; known keys here: ").doesNotContain("\tat ");
    assertThat(tmp.resolve("x")).doesNotExist();
    err.reset();
    assertThat(Main.execute("validate", f.toString())).isEqualTo(2);
    assertThat(stderr()).contains("error: sweep point domains[0].count=1, xen.slice=1000: ");
    out.reset();
    assertThat(Main.execute("validate", file(SWEEP).toString())).isZero();
    assertThat(stdout()).contains("sweep of 4 point(s)");
    err.reset();
    assertThat(Main.execute("sweep", file(SCENARIO).toString())).isEqualTo(2);
    assertThat(stderr()).contains("error: sweep: (missing) \u2014 expected a mapping");
  }

  @Test
  void theCapacitySweepExampleIsAValidGridOfTenPoints() {
    assertThat(Main.execute("validate", "../examples/capacity-sweep.yaml")).as(stderr()).isZero();
    assertThat(stdout()).contains("sweep of 10 point(s)");
  }

  @Test
  void plotRedrawsAResultsFolderAndRefusesOtherFolders() throws Exception {
    Path dir = tmp.resolve("r");
    Main.execute("run", file(SCENARIO).toString(), "-o", dir.toString(), "--no-plots");
    out.reset();
    assertThat(Main.execute("plot", dir.toString(), "--kind", "timeline,shares", "--window",
        "10ms..30ms")).as(stderr()).isZero();
    assertThat(stdout().lines()).hasSize(4);
    assertThat(dir.resolve("timeline.png")).isRegularFile();
    assertThat(Main.execute("plot", tmp.toString())).isEqualTo(2);
    assertThat(stderr()).contains("not a results folder (no summary.json)");
    assertThat(Main.execute("plot", dir.toString(), "--window", "10ms")).isEqualTo(2);
    assertThat(stderr()).contains("--window 10ms \u2014 expected FROM..TO");
    assertThat(Main.execute("plot", dir.toString(), "--metric", "jain_fairness")).isEqualTo(2);
    assertThat(stderr()).contains("--metric applies to sweep folders");
    assertThat(Main.execute("sweep", file(SWEEP).toString(), "-o", dir.toString())).isEqualTo(2);
    assertThat(stderr()).contains("holds the results of a run (summary.json)");
    assertThat(Main.execute("run", file(SCENARIO).toString(), "-j", "0")).isEqualTo(2);
    assertThat(stderr()).contains("--jobs 0 \u2014 expected at least 1");
    assertThat(Main.execute("plot", dir.toString(), "--kind", "pie")).isEqualTo(2);
    assertThat(stderr()).contains("plot kind pie \u2014 expected one of timeline, shares, "
        + "latency, utilisation").doesNotContain("Exception");
  }

  @Test
  void compareTwoFoldersPrintsTheDifferencesAndDrawsOneChart() throws Exception {
    Path a = tmp.resolve("slice1");
    Path b = tmp.resolve("slice2");
    Main.execute("run", file(SCENARIO).toString(), "-o", a.toString(), "--no-plots");
    Main.execute("run", file(SCENARIO).toString(), "-o", b.toString(), "--no-plots",
        "--set", "xen.fifo_slice_us=2000");
    out.reset();
    Path c = tmp.resolve("cmp");
    assertThat(Main.execute("compare", a.toString(), b.toString(), "-o", c.toString()))
        .as(stderr()).isZero();
    assertThat(stdout()).contains("slice1", "slice2", "share", "jain_fairness",
        "context_switches");
    assertThat(c.resolve("compare.csv")).isRegularFile();
    assertThat(c.resolve("compare.png")).isRegularFile();
    assertThat(c.resolve("compare.svg")).isRegularFile();
    assertThat(Main.execute("compare", a.toString(), tmp.resolve("none").toString()))
        .isEqualTo(2);
    assertThat(stderr()).contains("none: no such folder");
  }
}
