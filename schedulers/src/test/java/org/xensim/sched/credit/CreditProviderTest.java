package org.xensim.sched.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xensim.core.sched.Capability;
import org.xensim.core.sched.ParamSpec;
import org.xensim.core.sched.SchedulerProvider;
import org.xensim.core.sched.SchedulerRegistry;

/** The provider's registration and parameters, and csched_init() / __csched_set_tslice(). */
class CreditProviderTest {

  @Test
  void foundByServiceLoaderAsCredit() {
    SchedulerProvider p = SchedulerRegistry.load().find("credit").orElseThrow();
    assertThat(p).isInstanceOf(CreditSchedulerProvider.class);
    assertThat(p.versions()).first().isEqualTo("4.7");
    assertThat(p.xenSource()).contains("sched_credit.c").contains("RELEASE-4.7.0");
    assertThat(p.capabilities()).contains(Capability.WEIGHT, Capability.CAP,
        Capability.SOFT_AFFINITY);
  }

  @Test
  void parametersCarryXenNamesDefaultsAndRanges() {
    Map<String, ParamSpec> ps = new CreditSchedulerProvider().parameters().stream()
        .collect(Collectors.toMap(ParamSpec::name, s -> s));
    assertThat(ps).containsOnlyKeys("sched_credit_tslice_ms", "sched_ratelimit_us",
        "tickle_one_idle_cpu", "vcpu_migration_delay", "sched_smt_power_savings", "weight",
        "cap");
    assertThat(ps.get("sched_credit_tslice_ms").defaultValue()).isEqualTo(30L);
    assertThat(ps.get("sched_credit_tslice_ms").allows(0)).isFalse();
    assertThat(ps.get("sched_credit_tslice_ms").allows(1000)).isTrue();
    assertThat(ps.get("sched_credit_tslice_ms").allows(1001)).isFalse();
    assertThat(ps.get("sched_ratelimit_us").defaultValue()).isEqualTo(1000L);
    assertThat(ps.get("sched_ratelimit_us").unitName()).isEqualTo("us");
    assertThat(ps.get("sched_ratelimit_us").allows(0)).isTrue();
    assertThat(ps.get("tickle_one_idle_cpu").defaultValue()).isEqualTo(true);
    assertThat(ps.get("vcpu_migration_delay").defaultValue()).isEqualTo(0L);
    assertThat(ps.get("sched_smt_power_savings").defaultValue()).isEqualTo(false);
    assertThat(ps.get("weight").scope()).isEqualTo(ParamSpec.Scope.DOMAIN);
    assertThat(ps.get("weight").defaultValue()).isEqualTo(256L);
    assertThat(ps.get("weight").allows(0)).isFalse();
    assertThat(ps.get("weight").allows(65535)).isTrue();
    assertThat(ps.get("weight").allows(65536)).isFalse();
    assertThat(ps.get("cap").defaultValue()).isEqualTo(0L);
    assertThat(ps.get("cap").allows(65535)).as("0xFFFF means 'unchanged' in Xen").isFalse();
  }

  private static Map<String, Object> summary(String xen, int pool) {
    String yaml = "name: p\nduration: 1ms\n"
        + "host: {nodes: 1, sockets_per_node: 1, cores_per_socket: 2, threads_per_core: 1}\n"
        + "xen: " + xen + "\n"
        + "pools:\n  - {name: Pool-0, sched: credit, cpus: \"0\"}\n"
        + "  - {name: second, sched: credit, cpus: \"1\"}\n"
        + "domains:\n  - {name: A, vcpus: 1, workload: {type: cpu-hog}}\n";
    return CreditSim.of(yaml).scheduler(pool).summary();
  }

  /** __csched_set_tslice(): 3 ticks per slice, 1 below 3 ms; 10 credits per ms. */
  @Test
  void tsliceDerivesTickAndCredits() {
    assertThat(summary("{sched: credit}", 0)).containsEntry("tslice_ms", 30)
        .containsEntry("tick_period_us", 10000).containsEntry("credits_per_tslice", 300)
        .containsEntry("ratelimit_us", 1000L);
    assertThat(summary("{sched: credit, sched_credit_tslice_ms: 10}", 0))
        .containsEntry("tick_period_us", 3333).containsEntry("credits_per_tslice", 100);
    assertThat(summary("{sched: credit, sched_credit_tslice_ms: 2}", 0))
        .containsEntry("tick_period_us", 2000).containsEntry("credits_per_tslice", 20);
  }

  /** csched_init(): a ratelimit above the time slice becomes 1000 · tslice_ms. */
  @Test
  void ratelimitAboveTsliceIsClamped() {
    assertThat(summary("{sched: credit, sched_credit_tslice_ms: 1, sched_ratelimit_us: 5000}",
        0)).containsEntry("ratelimit_us", 1000L);
  }

  /**
   * Spec §2.14: the boot scheduler (Pool-0's) copies an out-of-range {@code sched_ratelimit_us}
   * before scheduler_init() resets it; pools created later read the reset default 1000.
   */
  @Test
  void outOfRangeBootRatelimitIsUsedByPool0Only() {
    String xen = "{sched: credit, sched_ratelimit_us: 50}";
    assertThat(summary(xen, 0)).containsEntry("ratelimit_us", 50L);
    assertThat(summary(xen, 1)).containsEntry("ratelimit_us", 1000L);
    String ok = "{sched: credit, sched_ratelimit_us: 500}";
    assertThat(summary(ok, 1)).containsEntry("ratelimit_us", 500L);
  }

  @Test
  void masterIsThePoolsFirstPcpu() {
    assertThat(summary("{sched: credit}", 1)).containsEntry("master", 1);
  }
}
