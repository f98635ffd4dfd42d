package org.xensim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.xensim.core.run.ScenarioRunner;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;

/** {@code generate taskset}, {@code convert util}, {@code list} and trace errors end to end. */
class WorkloadCommandsTest {
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

  @Test
  void generateTasksetIsReproducibleBySeedAndWritesAScenarioThatRuns() throws Exception {
    Path a = tmp.resolve("a.yaml");
    Path b = tmp.resolve("b.yaml");
    Path c = tmp.resolve("c.yaml");
    String[] common = {"--tasks", "6", "--util", "0.75", "--pcpus", "1", "--duration", "2s"};
    assertThat(Main.execute(concat(common, "--seed", "5", "-o", a.toString()))).as(stderr())
        .isZero();
    assertThat(Main.execute(concat(common, "--seed", "5", "-o", b.toString()))).isZero();
    assertThat(Main.execute(concat(common, "--seed", "6", "-o", c.toString()))).isZero();
    assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
    assertThat(Files.readString(c)).isNotEqualTo(Files.readString(a));
    String yaml = Files.readString(a);
    assertThat(yaml).contains("xen: {sched: rtds}", "name: taskset-n6-u0.75-s5",
        "total utilisation: drawn 0.750000000000");

    // One pCPU under RTDS (EDF) with budgets = WCETs and bandwidth <= 1: no job misses.
    ScenarioLoader loader = ScenarioLoader.withInstalledProviders();
    Scenario s = loader.load(a, List.of());
    assertThat(loader.warnings()).isEmpty();
    JsonNode sum = ScenarioRunner.runToFolder(s, tmp.resolve("res"), null);
    long jobs = 0;
    for (JsonNode d : sum.get("domains")) {
      jobs += d.get("vcpus").get(0).get("jobs").asLong();
    }
    assertThat(s.domains()).hasSize(6);
    assertThat(jobs).isPositive();
    assertThat(sum.get("totals").get("deadline_misses").asLong()).isZero();
  }

  @Test
  void generateTasksetRejectsBadOptionsNamingThem() {
    int rc = Main.execute("generate", "taskset", "--tasks", "3", "--util", "3.5", "--periods",
        "fibonacci", "--period-min", "10");
    assertThat(rc).isEqualTo(2);
    assertThat(stderr()).contains("error: --periods: fibonacci \u2014 expected one of uniform, "
        + "log-uniform, harmonic").doesNotContain("Exception");
    err.reset();
    rc = Main.execute("generate", "taskset", "--tasks", "3", "--util", "3.5");
    assertThat(rc).isEqualTo(2);
    assertThat(stderr()).contains("error: --util: 3.5 \u2014 expected a total utilisation above "
        + "0 and at most tasks x max-task-util (3.0)");
  }

  @Test
  void convertUtilWritesDemandThatATraceWorkloadReplays() throws Exception {
    Files.writeString(tmp.resolve("readings.csv"), """
        0,vm-a,1,90,50
        300,vm-a,1,90,25
        0,vm-b,0,10,5
        """);
    Path demand = tmp.resolve("a.csv.gz");
    int rc = Main.execute("convert", "util", tmp.resolve("readings.csv").toString(), "--vm",
        "vm-a", "--columns", "util=5", "--vcpus", "2", "--quantum", "1s", "-o",
        demand.toString());
    assertThat(rc).as(stderr()).isZero();
    assertThat(stderr()).contains("converted 2 samples (interval 300s) of VM vm-a into 1200 "
        + "demand rows");
    Path scenario = tmp.resolve("s.yaml");
    Files.writeString(scenario, """
        duration: 10s
        host: {cores_per_socket: 2}
        xen: {sched: credit}
        domains:
          - {name: vm-a, vcpus: 2, workload: {type: trace, file: a.csv.gz}}
        """);
    assertThat(Main.execute("run", scenario.toString(), "-o", tmp.resolve("r").toString(),
        "--quiet")).as(stderr()).isZero();
    String json = Files.readString(tmp.resolve("r/summary.json"));
    assertThat(json).contains("\"share\" : 1.0"); // 50 % of each of 2 vCPUs = 1 pCPU
  }

  @Test
  void validateNamesABadTraceRowByLineAndColumn() throws Exception {
    Files.writeString(tmp.resolve("t.csv"), "0,web,0,wake,1ms\n2ms,web,0,wakeup\n");
    Path scenario = tmp.resolve("s.yaml");
    Files.writeString(scenario, """
        duration: 10ms
        xen: {sched: credit}
        domains:
          - {name: web, workload: {type: trace, file: t.csv}}
        """);
    assertThat(Main.execute("validate", scenario.toString())).isEqualTo(2);
    assertThat(stderr()).isEqualTo("error: domains[0].workload.file: t.csv line 2, column 4 "
        + "(event): wakeup \u2014 expected wake, block or work" + System.lineSeparator());
  }

  @Test
  void listShowsWorkloadTypesDistributionsAndTraceFormats() {
    assertThat(Main.execute("list")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("periodic", "server", "onoff",
        "trace", "io", "hz, tick_cost, tick_phase", "lognormal", "empirical", "demand-csv",
        "util-csv");
  }

  private static String[] concat(String[] common, String... more) {
    String[] all = new String[common.length + more.length + 2];
    all[0] = "generate";
    all[1] = "taskset";
    System.arraycopy(common, 0, all, 2, common.length);
    System.arraycopy(more, 0, all, 2 + common.length, more.length);
    return all;
  }
}
