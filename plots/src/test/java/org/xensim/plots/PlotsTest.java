package org.xensim.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.xensim.core.run.ScenarioRunner;
import org.xensim.core.run.Sweep;
import org.xensim.core.run.Table;
import org.xensim.core.scenario.Overrides;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioException;
import org.xensim.core.scenario.ScenarioLoader;
import org.xensim.core.scenario.TestScenarios;

/** Every plot kind is written, non-empty, as PNG and SVG, and byte-identical when redrawn. */
class PlotsTest {
  static final String MIX = """
      name: mix
      duration: 60ms
      replications: 2
      host: {cores_per_socket: 2}
      xen: {sched: fifo}
      domains:
        - {name: web, count: 3, workload: {type: test-burst, at: 1ms, work: 700us, every: 3ms}}
        - {name: batch, workload: {type: test-hog}}
      output: {timeline: {from: 5ms, to: 25ms}}
      """;

  @TempDir static Path shared;
  static Path run;

  @BeforeAll
  static void runOnce() {
    run = shared.resolve("mix");
    ScenarioRunner.runToFolder(TestScenarios.load(MIX), run, null);
  }

  private static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertPicture(Path p) {
    assertThat(p).isRegularFile();
    byte[] b = bytes(p);
    if (p.toString().endsWith(".png")) {
      assertThat(b.length).as(p.toString()).isGreaterThan(5_000);
      assertThat(new String(b, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    } else {
      String svg = new String(b, StandardCharsets.UTF_8);
      assertThat(svg).as(p.toString()).contains("<svg").contains("</svg>");
      assertThat(b.length).isGreaterThan(5_000);
    }
  }

  @Test
  void everyKindIsDrawnAndRedrawingGivesTheSameBytes(@TempDir Path tmp) throws Exception {
    List<Path> files = Plots.drawRun(run, Scenario.Output.PLOT_KINDS, Plots.Window.RECORDED);
    assertThat(files.stream().map(p -> p.getFileName().toString())).containsExactly(
        "timeline.png", "timeline.svg", "shares.png", "shares.svg", "latency.png", "latency.svg",
        "preempt_wait.png", "preempt_wait.svg", "utilisation.png", "utilisation.svg");
    files.forEach(PlotsTest::assertPicture);
    // a copy of the folder redrawn elsewhere: the same bytes
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy);
    try (Stream<Path> s = Files.list(run)) {
      for (Path f : s.filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".json"))
          .toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Plots.drawRun(copy, Scenario.Output.PLOT_KINDS, Plots.Window.RECORDED);
    for (Path f : files) {
      assertThat(bytes(copy.resolve(f.getFileName()))).as(f.getFileName().toString())
          .isEqualTo(bytes(f));
    }
  }

  @Test
  void aWindowMustLieWithinTheRecordedOne() {
    var e = catchThrowableOfType(ScenarioException.class,
        () -> Plots.drawRun(run, List.of("timeline"), new Plots.Window(0L, 10_000_000L)));
    assertThat(e.getMessage()).contains("expected a window within the recorded one, "
        + "5000000ns..25000000ns");
    assertThat(Plots.drawRun(run, List.of("timeline"), new Plots.Window(10_000_000L, null)))
        .hasSize(2);
  }

  @Test
  void theTimelineHasOneSeriesPerDomainOrPerGroupAboveTwenty(@TempDir Path tmp) {
    ResultsFolder r = ResultsFolder.read(run);
    XYChart c = TimelineChart.build(r, r.csv("timeline.csv"), 5_000_000, 25_000_000);
    assertThat(c.getSeriesMap().keySet()).containsExactly("web-0", "web-1", "web-2", "batch");
    Path many = tmp.resolve("many");
    ScenarioRunner.runToFolder(TestScenarios.load(MIX, "domains[0].count=24", "duration=5ms",
        "output.timeline.from=0ms", "output.timeline.to=5ms", "replications=1"), many, null);
    ResultsFolder m = ResultsFolder.read(many);
    XYChart g = TimelineChart.build(m, m.csv("timeline.csv"), 0, 5_000_000);
    assertThat(g.getSeriesMap().keySet()).containsExactly("web", "batch");
    assertThat(Plots.drawRun(many, Scenario.Output.PLOT_KINDS, Plots.Window.RECORDED))
        .map(p -> p.getFileName().toString())
        .contains("timeline.png", "shares.png", "latency.png", "utilisation.png");
  }

  /**
   * Group CDFs sum their members' cumulative counts at every step: web-0 has 1 value ≤ 1 µs and 2
   * ≤ 10 µs, web-1 has 3 ≤ 5 µs; the group has 1, 4 and 5.
   */
  @Test
  void latencyCurvesOfAGroupAddTheirMembersCounts() {
    var merged = LatencyChart.merge(new java.util.LinkedHashMap<>(java.util.Map.of(
        "web-0", List.of(new double[] {1, 1}, new double[] {10, 2}),
        "web-1", List.of(new double[] {5, 3}))));
    assertThat(merged).containsOnlyKeys("web");
    assertThat(merged.get("web")).containsExactly(new double[] {1, 1}, new double[] {5, 4},
        new double[] {10, 5});
  }

  @Test
  void aSinglePcpuGetsAUtilisationLine(@TempDir Path tmp) {
    Path one = tmp.resolve("one");
    ScenarioRunner.runToFolder(TestScenarios.load(MIX, "host.cores_per_socket=1"), one, null);
    ResultsFolder r = ResultsFolder.read(one);
    assertThat(UtilisationChart.build(r, r.csv("utilisation.csv"))).isInstanceOf(XYChart.class);
    Plots.drawRun(one, List.of("utilisation"), Plots.Window.RECORDED).forEach(
        PlotsTest::assertPicture);
  }

  @Test
  void aFolderThatIsNotAResultsFolderIsABadInputNamingIt(@TempDir Path tmp) {
    var e = catchThrowableOfType(ScenarioException.class,
        () -> Plots.drawRun(tmp, List.of("shares"), Plots.Window.RECORDED));
    assertThat(e.getMessage()).contains(tmp + ": not a results folder (no summary.json) \u2014 "
        + "expected a folder written by xensim run");
    e = catchThrowableOfType(ScenarioException.class,
        () -> Plots.drawRun(run, List.of("gantt"), Plots.Window.RECORDED));
    assertThat(e.getMessage()).isEqualTo("plot kind gantt \u2014 expected one of timeline, "
        + "shares, latency, utilisation");
    e = catchThrowableOfType(ScenarioException.class, () -> Plots.drawSweep(tmp, List.of()));
    assertThat(e.getMessage()).contains("not a sweep folder");
  }

  static final String SWEEP = MIX.replace("output: {timeline: {from: 5ms, to: 25ms}}", """
      sweep:
        xen.sched: [fifo]
        domains[0].count: {from: 1, to: 3, step: 1}
        xen.fifo_slice_us: [500, 1000]
      """);

  @Test
  void sweepChartsHaveCurvesWithBandsOrBars(@TempDir Path tmp) {
    var tree = ScenarioLoader.readTree(SWEEP, "s.yaml");
    Sweep.plan(tree, "s", TestScenarios.loader()).run(tmp, 2, null, null);
    List<Path> files = Plots.drawSweep(tmp, List.of("jain_fairness", "wake_p99_ns",
        "batch.share"));
    assertThat(files).hasSize(6);
    files.forEach(PlotsTest::assertPicture);
    var e = catchThrowableOfType(ScenarioException.class,
        () -> Plots.drawSweep(tmp, List.of("fairness")));
    assertThat(e.getMessage()).contains("--metric fairness: not a figure of")
        .contains("expected one of schedule_calls, ");
    // without a numeric key: bars
    Path cat = tmp.resolve("cat");
    var t2 = ScenarioLoader.readTree(SWEEP.replace("domains[0].count: {from: 1, to: 3, step: 1}",
        "domains[1].name: [batch, hog]").replace("[500, 1000]", "[1000]"), "s.yaml");
    Sweep.plan(t2, "s", TestScenarios.loader()).run(cat, 2, null, null);
    Plots.drawSweep(cat, List.of()).forEach(PlotsTest::assertPicture);
  }

  @Test
  void comparisonTableHoldsDifferencesAndTheChartIsDrawn(@TempDir Path tmp) {
    Path b = tmp.resolve("b");
    // one more pCPU: batch shares a pCPU less
    ScenarioRunner.runToFolder(TestScenarios.load(MIX, "host.cores_per_socket=3"), b, null);
    Comparison c = new Comparison(ResultsFolder.read(run), ResultsFolder.read(b), "two", "three");
    Table t = c.table();
    assertThat(t.header()).containsExactly("item", "figure", "two", "three", "difference",
        "relative");
    List<String> batchShare = t.rows().stream()
        .filter(r -> r.get(0).equals("batch") && r.get(1).equals("share")).findFirst()
        .orElseThrow();
    double a = Double.parseDouble(batchShare.get(2));
    double bb = Double.parseDouble(batchShare.get(3));
    assertThat(bb).isGreaterThan(a);
    assertThat(Double.parseDouble(batchShare.get(4))).isEqualTo(bb - a,
        org.assertj.core.api.Assertions.within(1e-6));
    assertThat(t.rows().stream().filter(r -> r.get(0).equals("host"))).isNotEmpty();
    List<Path> files = c.draw(tmp);
    assertThat(files).hasSize(2);
    files.forEach(PlotsTest::assertPicture);
  }
}
