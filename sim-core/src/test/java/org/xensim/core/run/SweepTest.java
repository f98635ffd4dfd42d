package org.xensim.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xensim.core.scenario.Overrides;
import org.xensim.core.scenario.ScenarioException;
import org.xensim.core.scenario.ScenarioLoader;
import org.xensim.core.scenario.TestScenarios;

class SweepTest {
  /**
   * Hogs on one pCPU under FIFO: with count 1, A and B get 30 ms each of 60 ms; with count 2,
   * and B get 20 ms each (60 ms is a whole number of rounds at 1 ms and 2 ms slices).
   */
  private static final String GRID = """
      name: grid
      duration: 60ms
      replications: 2
      host: {cores_per_socket: 1}
      xen: {sched: fifo}
      domains:
        - {name: A, workload: {type: test-hog}}
        - {name: B, workload: {type: test-hog}}
      sweep:
        domains[0].count: [1, 2]
        xen.fifo_slice_us: [1000, 2000]
      """;

  @TempDir Path tmp;

  private static Sweep plan(String yaml, String... sets) {
    ObjectNode tree = ScenarioLoader.readTree(yaml, "test.yaml");
    for (String s : sets) {
      Overrides.apply(tree, s);
    }
    return Sweep.plan(tree, "test", TestScenarios.loader());
  }

  private static Table csv(Path dir) throws Exception {
    return Table.parseCsv(Files.readString(dir.resolve(Sweep.CSV), StandardCharsets.UTF_8));
  }

  private static String cell(Table t, int row, String col) {
    return t.rows().get(row).get(t.header().indexOf(col));
  }

  @Test
  void aTwoByTwoGridWithTwoReplicationsGivesFourRowsInGridOrder() throws Exception {
    Sweep sweep = plan(GRID);
    assertThat(sweep.points()).hasSize(4);
    Sweep.Outcome out = sweep.run(tmp, 2, null, null);
    assertThat(out.ran()).isEqualTo(4);
    Table t = csv(tmp);
    assertThat(t.header().subList(0, 5))
        .containsExactly("domains[0].count", "xen.fifo_slice_us", "point", "hash", "replications");
    assertThat(t.rows()).hasSize(4);
    // first key slowest
    assertThat(t.rows().stream().map(r -> r.get(0) + "/" + r.get(1)))
        .containsExactly("1/1000", "1/2000", "2/1000", "2/2000");
    assertThat(cell(t, 0, "replications")).isEqualTo("2");
    assertThat(cell(t, 0, "A.share")).isEqualTo("0.500000");
    assertThat(cell(t, 0, "A-0.share")).isEmpty();
    assertThat(cell(t, 3, "A-0.share")).isEqualTo("0.333333");
    assertThat(cell(t, 3, "B.share")).isEqualTo("0.333333");
    assertThat(cell(t, 3, "A.share")).isEmpty();
    // a deterministic scheduler: both replications agree, so the interval is 0
    assertThat(t.header()).contains("A.share_ci95", "jain_fairness", "jain_fairness_ci95");
    assertThat(t.header().indexOf("A.share_ci95")).isEqualTo(t.header().indexOf("A.share") + 1);
    assertThat(cell(t, 0, "A.share_ci95")).isEqualTo("0");
    // 1 ms slices switch twice as often as 2 ms ones: 60 against 30 per replication
    assertThat(cell(t, 0, "context_switches")).isEqualTo("60");
    assertThat(cell(t, 1, "context_switches")).isEqualTo("30");
    for (int r = 0; r < 4; r++) {
      assertThat(tmp.resolve(cell(t, r, "point")).resolve("summary.json")).isRegularFile();
    }
    assertThat(cell(t, 2, "point")).isEqualTo("2_1000");
    assertThat(Files.readString(tmp.resolve(Sweep.CSV))).endsWith("\n");
    JsonNode meta = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(tmp.resolve(Sweep.META).toFile());
    assertThat(meta.get("keys").get(1).get("key").asText()).isEqualTo("xen.fifo_slice_us");
  }

  @Test
  void aResumedSweepSkipsFinishedPointsAndRunsOnlyNewOnes() throws Exception {
    plan(GRID).run(tmp, 2, null, null);
    // mark a finished row: a re-run would overwrite the mark
    Path csv = tmp.resolve(Sweep.CSV);
    String marked = Files.readString(csv).replace("0.500000", "0.123456");
    Files.writeString(csv, marked);
    List<String> ran = new ArrayList<>();
    Sweep.Listener l = new Sweep.Listener() {
      @Override
      public void pointDone(Sweep.Point p) {
        synchronized (ran) {
          ran.add(p.label());
        }
      }
    };
    Sweep.Outcome again = plan(GRID).run(tmp, 2, l, null);
    assertThat(again.ran()).isZero();
    assertThat(again.skipped()).isEqualTo(4);
    assertThat(ran).isEmpty();
    assertThat(Files.readString(csv)).isEqualTo(marked);

    // a grown grid runs the new points only, and keeps grid order
    Sweep grown = plan(GRID.replace("[1, 2]", "[1, 2, 3]"));
    Sweep.Outcome out = grown.run(tmp, 2, l, null);
    assertThat(out.ran()).isEqualTo(2);
    assertThat(ran).containsExactlyInAnyOrder("domains[0].count=3, xen.fifo_slice_us=1000",
        "domains[0].count=3, xen.fifo_slice_us=2000");
    Table t = csv(tmp);
    assertThat(t.rows()).hasSize(6);
    assertThat(cell(t, 0, "A.share")).isEqualTo("0.123456");
    assertThat(cell(t, 5, "domains[0].count")).isEqualTo("3");

    // a changed scenario is a different point: everything runs again
    Sweep longer = plan(GRID.replace("duration: 60ms", "duration: 120ms"));
    assertThat(longer.run(tmp, 2, null, null).ran()).isEqualTo(4);
    assertThat(csv(tmp).rows()).hasSize(4);
  }

  @Test
  void sweepCsvDoesNotDependOnTheNumberOfThreads() throws Exception {
    plan(GRID).run(tmp.resolve("one"), 1, null, null);
    plan(GRID).run(tmp.resolve("four"), 4, null, null);
    assertThat(Files.readAllBytes(tmp.resolve("four").resolve(Sweep.CSV)))
        .isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(Sweep.CSV)));
    assertThat(Files.readAllBytes(tmp.resolve("four/2_2000/summary.json")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("one/2_2000/summary.json")));
  }

  @Test
  void rangesOfNumbersDecimalsAndDurations() {
    List<String> problems = new ArrayList<>();
    var tree = ScenarioLoader.readTree("""
        a: {from: 0, to: 2000, step: 500}
        b: {from: 0.5, to: 1.0, step: 0.25}
        c: {from: 1ms, to: 2ms, step: 500us}
        """, "t");
    assertThat(Sweep.values("a", tree.get("a"), problems)).map(JsonNode::asText)
        .containsExactly("0", "500", "1000", "1500", "2000");
    assertThat(Sweep.values("b", tree.get("b"), problems)).map(JsonNode::asText)
        .containsExactly("0.5", "0.75", "1");
    assertThat(Sweep.values("c", tree.get("c"), problems)).map(JsonNode::asText)
        .containsExactly("1ms", "1500us", "2ms");
    assertThat(problems).isEmpty();
  }

  @Test
  void badSweepKeysAndValuesNameWhatAndWhatIsAllowed() {
    var e = catchThrowableOfType(ScenarioException.class,
        () -> plan(GRID.replace("xen.fifo_slice_us", "xen.fifo_slise_us")));
    assertThat(e.problems()).singleElement().asString()
        .startsWith("sweep point domains[0].count=1, xen.fifo_slise_us=1000: "
            + "xen.fifo_slise_us: unknown key; known keys here: ");
    e = catchThrowableOfType(ScenarioException.class,
        () -> plan(GRID.replace("domains[0].count", "domains[5].count")));
    assertThat(e.problems()).containsExactly("sweep.domains[5].count: domains has no element [5]"
        + " \u2014 expected an index from 0 to 1");
    e = catchThrowableOfType(ScenarioException.class,
        () -> plan(GRID.replace("[1000, 2000]", "{from: 1000, to: 2000, step: 0}")));
    assertThat(e.problems()).containsExactly("sweep.xen.fifo_slice_us.step: 0 \u2014 expected a "
        + "step above 0");
    e = catchThrowableOfType(ScenarioException.class,
        () -> plan(GRID.replace("[1000, 2000]", "1000")));
    assertThat(e.problems()).singleElement().asString()
        .startsWith("sweep.xen.fifo_slice_us: 1000 \u2014 expected a list of values");
    e = catchThrowableOfType(ScenarioException.class,
        () -> plan(GRID.substring(0, GRID.indexOf("sweep:"))));
    assertThat(e.problems()).singleElement().asString().startsWith("sweep: (missing) \u2014 "
        + "expected a mapping of key paths to values");
  }

  @Test
  void aSweepCsvThatIsNotOneIsRefused() throws Exception {
    Files.writeString(tmp.resolve(Sweep.CSV), "a,b\n1,2\n");
    var e = catchThrowableOfType(ScenarioException.class, () -> plan(GRID).run(tmp, 1, null,
        null));
    assertThat(e.getMessage()).contains("sweep.csv: has no hash and point columns");
  }
}
