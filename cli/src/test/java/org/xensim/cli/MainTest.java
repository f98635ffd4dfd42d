package org.xensim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, with the test FIFO scheduler of sim-core's test jar. */
class MainTest {
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

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path scenario(String yaml) throws Exception {
    Path f = tmp.resolve("s.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  private static final String GOOD = """
      name: cli
      duration: 50ms
      host: {cores_per_socket: 2}
      xen: {sched: fifo}
      domains:
        - {name: A, count: 3, workload: {type: cpu-hog}}
        - {name: B, workload: {type: script, steps: ["wake 1ms", "run 1ms"]}}
      """;

  @Test
  void runWritesTheResultsFolderAndPrintsATable() throws Exception {
    Path dir = tmp.resolve("res");
    int rc = Main.execute("run", scenario(GOOD).toString(), "--output", dir.toString());
    assertThat(rc).as(stderr()).isZero();
    assertThat(dir.resolve("summary.json")).exists();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("A-0", "A-2", "B", "Jain fairness");
  }

  @Test
  void setAndSeedOverrideTheFile() throws Exception {
    Path dir = tmp.resolve("res");
    int rc = Main.execute("run", scenario(GOOD).toString(), "-o", dir.toString(),
        "--set", "domains[0].count=1", "--seed", "9", "--quiet");
    assertThat(rc).as(stderr()).isZero();
    String json = Files.readString(dir.resolve("summary.json"));
    assertThat(json).contains("\"seed\" : 9").doesNotContain("A-1");
  }

  @Test
  void aBadScenarioExitsWith2AndNamesEveryFieldWithoutAStackTrace() throws Exception {
    Path dir = tmp.resolve("res");
    int rc = Main.execute("run", scenario(GOOD.replace("50ms", "50").replace("count: 3", "cnt: 3"))
        .toString(), "--output", dir.toString());
    assertThat(rc).isEqualTo(2);
    assertThat(stderr()).contains("error: duration: 50 \u2014 expected a duration with a unit")
        .contains("error: domains[0].cnt: unknown key").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(dir).doesNotExist();
  }

  @Test
  void validateSaysOkOrListsProblems() throws Exception {
    assertThat(Main.execute("validate", scenario(GOOD).toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(": ok");
    assertThat(Main.execute("validate", scenario(GOOD.replace("fifo", "fifoo")).toString()))
        .isEqualTo(2);
    assertThat(stderr()).contains("xen.sched: fifoo \u2014 expected one of");
  }

  @Test
  void aMissingFileOrBadOptionIsBadInput() {
    assertThat(Main.execute("run", tmp.resolve("nope.yaml").toString())).isEqualTo(2);
    assertThat(stderr()).contains("cannot read");
    assertThat(Main.execute("run", "--frobnicate")).isEqualTo(2);
  }

  @Test
  void listShowsSchedulersWithParametersAndWorkloadTypes() {
    assertThat(Main.execute("list")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("fifo", "fifo_slice_us", "cpu-hog",
        "script");
  }
}
