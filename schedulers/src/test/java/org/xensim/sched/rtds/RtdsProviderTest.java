package org.xensim.sched.rtds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xensim.core.scenario.ScenarioException;
import org.xensim.core.scenario.ScenarioLoader;
import org.xensim.core.sched.ParamSpec;
import org.xensim.core.sched.SchedulerProvider;
import org.xensim.sched.rtds.quantum.QuantumRtdsScheduler;

/** The provider: registration, versions, Xen's parameters and their checks. */
class RtdsProviderTest {
  private final RtdsProvider provider = new RtdsProvider();

  @Test
  void isFoundWithServiceLoaderAsRtds() {
    assertThat(ServiceLoader.load(SchedulerProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("rtds")))
        .hasSize(1).first().isInstanceOf(RtdsProvider.class);
  }

  @Test
  void versionSelectsTheModel() {
    assertThat(provider.versions()).containsExactly("4.7", "4.6");
    assertThat(new RtdsSim(1, "4.7").scheduler()).isInstanceOf(RtdsScheduler.class);
    assertThat(new RtdsSim(1, "4.6").scheduler()).isInstanceOf(QuantumRtdsScheduler.class);
    assertThatThrownBy(() -> new RtdsSim(1, "4.8"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4.8");
  }

  @Test
  void parametersCarryXensUnitsDefaultsAndLimits() {
    Map<String, ParamSpec> p = new java.util.TreeMap<>();
    provider.parameters().forEach(s -> p.put(s.name(), s));
    assertThat(p).containsOnlyKeys("period", "budget", "rtds46_idle_repoll");
    assertThat(p.get("period").scope()).isEqualTo(ParamSpec.Scope.VCPU);
    assertThat(p.get("period").unitNs()).isEqualTo(1000);
    assertThat(p.get("period").defaultValue()).isEqualTo(10_000L);
    assertThat(p.get("budget").defaultValue()).isEqualTo(4_000L);
    assertThat(p.get("period").allows(9)).isFalse();
    assertThat(p.get("budget").allows(10)).isTrue();
    assertThat(p.get("rtds46_idle_repoll").allows(0)).isFalse();
  }

  @Test
  void budgetAbovePeriodIsRejectedPerDomainAndPerVcpu() {
    assertThat(provider.checkDomain("domains[0]", Map.of("period", 10_000L, "budget", 4_000L),
        List.of(Map.of(), Map.of()))).isEmpty();
    assertThat(provider.checkDomain("domains[0]", Map.of("budget", 12_000L),
        List.of(Map.of(), Map.of()))).singleElement().asString()
        .contains("domains[0].budget").contains("12ms").contains("10ms");
    assertThat(provider.checkDomain("domains[1]", Map.of(),
        List.of(Map.of(), Map.of("period", 1_000L)))).singleElement().asString()
        .contains("domains[1].vcpu_params (vCPU 1).budget");
  }

  @Test
  void theLoaderReportsTheBudgetCheck(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("bad.yaml");
    Files.writeString(f, "name: bad\nduration: 10ms\nxen: {sched: rtds}\n"
        + "domains:\n  - {name: A, period: 10ms, budget: 12ms, workload: {type: cpu-hog}}\n");
    assertThatThrownBy(() -> ScenarioLoader.withInstalledProviders().load(f, List.of()))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("budget");
  }
}
