package org.xensim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xensim.core.run.ReplicationRun;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;

/** docs/scenario-reference.yaml stays true: it loads, builds and means what its comments say. */
class ReferenceScenarioTest {
  @Test
  void theReferenceScenarioIsValidAndReadAsDocumented() {
    ScenarioLoader loader = ScenarioLoader.withInstalledProviders();
    Scenario s = loader.load(Path.of("..", "docs", "scenario-reference.yaml"), List.of());
    assertThat(loader.warnings()).isEmpty();
    assertThat(s.topology().nrCpus()).isEqualTo(8);
    assertThat(s.pools()).extracting(Scenario.Pool::name).containsExactly("Pool-0", "rt");
    assertThat(s.pools().get(0).params()).containsEntry("sched_ratelimit_us", 1000L)
        .containsEntry("sched_credit_tslice_ms", 30L);
    assertThat(s.domains()).extracting(Scenario.DomainSpec::name)
        .containsExactly("web-0", "web-1", "db", "batch", "ctrl", "scripted");
    assertThat(s.domains().get(4).vcpuParams().get(1)).containsEntry("budget", 5000L);
    new ReplicationRun(s, 0);
  }
}
