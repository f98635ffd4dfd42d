package org.xensim.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xensim.core.host.CpuMasks;
import org.xensim.core.time.Time;

class ScenarioLoaderTest {
  private static final String BASE = """
      name: t
      duration: 20ms
      host: {nodes: 1, sockets_per_node: 2, cores_per_socket: 2, threads_per_core: 2}
      xen: {sched: fifo, fifo_slice_us: 500}
      domains:
        - {name: web, count: 3, vcpus: 2, weight: 512, cpus: "0-3", workload: {type: test-hog}}
        - {name: io, workload: {type: test-burst, at: 1ms, work: 250us, every: 2ms}}
      """;

  private static List<String> problems(String yaml, String... sets) {
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> TestScenarios.load(yaml, sets));
    assertThat(e).as("expected a validation error").isNotNull();
    return e.problems();
  }

  @Test
  void readsAValidScenarioWithXensNames() {
    Scenario s = TestScenarios.load(BASE);
    assertThat(s.name()).isEqualTo("t");
    assertThat(s.seed()).isEqualTo(1);
    assertThat(s.durationNs()).isEqualTo(Time.ms(20));
    assertThat(s.topology().nrCpus()).isEqualTo(8);
    assertThat(s.xenVersion()).isEqualTo("4.7");
    assertThat(s.pools()).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("Pool-0");
      assertThat(p.params()).containsEntry("fifo_slice_us", 500L);
    });
    assertThat(s.domains()).extracting(Scenario.DomainSpec::name)
        .containsExactly("web-0", "web-1", "web-2", "io");
    assertThat(s.domains().get(0).params()).containsEntry("weight", 512L);
    assertThat(CpuMasks.format(s.domains().get(1).hard())).isEqualTo("0-3");
    assertThat(s.output().dir()).isEqualTo("results/t");
  }

  @Test
  void setOverridesAnyKeyByItsPath() {
    Scenario s = TestScenarios.load(BASE, "seed=7", "domains[0].count=1",
        "xen.fifo_slice_us=2ms", "output.trace=true", "host.costs.smt_rate=0.6");
    assertThat(s.seed()).isEqualTo(7);
    assertThat(s.domains()).hasSize(2);
    assertThat(s.pools().get(0).params()).containsEntry("fifo_slice_us", 2000L);
    assertThat(s.output().trace()).isTrue();
    assertThat(s.costs().smtRate()).isEqualTo(0.6);
  }

  @Test
  void reportsEveryProblemAtOnceWithPathValueAndExpectation() {
    String yaml = """
        duration: 10
        replications: 0
        host: {nodes: 0, cores_per_socket: 2, costs: {context_switch: fast}}
        xen: {sched: cfs, fifo_slice_us: 0}
        domains:
          - {name: A, wieght: 256, vcpus: 1, cpus: "0-9", workload: {type: cpu-burner}}
        """;
    List<String> p = problems(yaml);
    assertThat(p).anySatisfy(m -> assertThat(m).startsWith("duration: 10 \u2014 expected a duration with a unit"));
    assertThat(p).anySatisfy(m -> assertThat(m).startsWith("replications: 0 \u2014 expected an integer from 1"));
    assertThat(p).anySatisfy(m -> assertThat(m).startsWith("host.nodes: 0 \u2014 expected"));
    assertThat(p).anySatisfy(m -> assertThat(m).startsWith("host.costs.context_switch: fast \u2014 expected"));
    assertThat(p).anySatisfy(m -> assertThat(m).isEqualTo("xen.sched: cfs \u2014 expected one of fifo"));
    assertThat(p).anySatisfy(m -> assertThat(m).startsWith("xen.fifo_slice_us: 0 \u2014 expected 1us to"));
    assertThat(p).anySatisfy(m -> assertThat(m).startsWith("domains[0].wieght: unknown key"));
    assertThat(p).anySatisfy(m -> assertThat(m).startsWith("domains[0].cpus: 0-9 \u2014 expected a cpu list"));
    assertThat(p).anySatisfy(m -> assertThat(m).startsWith("domains[0].workload.type: cpu-burner \u2014 expected one of test-burst, test-hog"));
  }

  @Test
  void unknownKeysAnywhereAreErrorsNamingTheKnownOnes() {
    assertThat(problems(BASE.replace("host:", "hots: {}\nhost:")))
        .anySatisfy(m -> assertThat(m).startsWith("hots: unknown key; known keys here: name, seed, duration"));
    assertThat(problems(BASE.replace("fifo_slice_us: 500", "fifo_slice: 500")))
        .containsExactly("xen.fifo_slice: unknown key; known keys here: version, sched");
  }

  @Test
  void bootOptionsTakeBareNumbersInXensUnitButDomainDurationsNeedAUnit() {
    Scenario s = TestScenarios.load(BASE, "xen.fifo_slice_us=1500");
    assertThat(s.pools().get(0).params()).containsEntry("fifo_slice_us", 1500L);
    assertThat(problems(BASE, "xen.fifo_slice_us=1500ns"))
        .containsExactly("xen.fifo_slice_us: 1500ns \u2014 expected a whole number of us (Xen's unit for fifo_slice_us)");
    assertThat(problems(BASE, "domains[1].workload.at=5"))
        .singleElement().asString().startsWith("domains[1].workload.at: 5 \u2014 expected a duration");
  }

  @Test
  void poolsMustNotOverlapAndMustCoverTheHost() {
    String pools = BASE + """
        pools:
          - {name: Pool-0, cpus: "0-4"}
          - {name: rt, sched: fifo, cpus: "4-6"}
        """;
    List<String> p = problems(pools);
    assertThat(p).anySatisfy(m -> assertThat(m).contains("pools[1].cpus: 4-6 \u2014 expected pCPUs in no other pool (pools overlap on 4)"));
    assertThat(p).anySatisfy(m -> assertThat(m).contains("pCPUs 7 are in no pool"));
  }

  @Test
  void domainsMustNameAnExistingPoolAndAnInitialCpuInsideIt() {
    assertThat(problems(BASE, "domains[1].pool=rt"))
        .containsExactly("domains[1].pool: rt \u2014 expected one of the pools: Pool-0");
    assertThat(problems(BASE, "domains[0].initial_cpu=5"))
        .containsExactly("domains[0].initial_cpu: 5 \u2014 expected a pCPU of pool Pool-0 (0-7) and of cpus (0-3)");
  }

  @Test
  void versionsTheSchedulerDoesNotModelAreRejected() {
    assertThat(problems(BASE, "xen.version=\"4.12\""))
        .containsExactly("xen.version: 4.12 \u2014 expected a Xen version that scheduler fifo models: 4.7, 4.6");
  }

  @Test
  void yamlSyntaxErrorsNameLineAndColumn() {
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> ScenarioLoader.readTree("duration: 1s\ndomains: [\n  {name: A\n", "bad.yaml"));
    assertThat(e.problems()).singleElement().asString().startsWith("bad.yaml: line ");
  }

  @Test
  void badOverridesAreReportedNotThrownAsCrashes() {
    var e = catchThrowableOfType(ScenarioException.class, () -> TestScenarios.load(BASE, "domains[9].count=1"));
    assertThat(e.problems()).containsExactly(
        "--set domains[9].count: domains has no element [9] \u2014 expected an index from 0 to 1");
    e = catchThrowableOfType(ScenarioException.class, () -> TestScenarios.load(BASE, "seed"));
    assertThat(e.problems().get(0)).contains("expected KEY=VALUE");
  }
}
