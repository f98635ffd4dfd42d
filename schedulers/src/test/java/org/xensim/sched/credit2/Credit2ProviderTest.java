package org.xensim.sched.credit2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xensim.core.sched.Capability;
import org.xensim.core.sched.ParamSpec;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.time.Time;

/** The provider's names, defaults and ranges are Xen 4.7's (spec §4.1). */
class Credit2ProviderTest {
  private final Credit2Provider p = new Credit2Provider();

  @Test
  void identity() {
    assertThat(p.name()).isEqualTo("credit2");
    assertThat(p.versions()).containsExactly("4.7");
    assertThat(p.xenSource()).contains("sched_credit2.c").contains("RELEASE-4.7.0");
    assertThat(p.capabilities()).containsExactlyInAnyOrder(Capability.WEIGHT,
        Capability.RUNQUEUE_LAYOUT);
  }

  @Test
  void parameters() {
    Map<String, ParamSpec> byName =
        p.parameters().stream().collect(Collectors.toMap(ParamSpec::name, x -> x));
    assertThat(byName.keySet()).containsExactlyInAnyOrder("credit2_runqueue",
        "sched_credit2_migrate_resist", "credit2_load_window_shift", "credit2_balance_under",
        "credit2_balance_over", "weight");
    assertThat(byName.get("credit2_runqueue").defaultValue()).isEqualTo("core");
    assertThat(byName.get("credit2_runqueue").choices())
        .containsExactly("core", "socket", "node", "all");
    ParamSpec resist = byName.get("sched_credit2_migrate_resist");
    assertThat(resist.defaultValue()).isEqualTo(500L);
    assertThat(resist.unitNs()).isEqualTo(Time.NS_PER_US);
    assertThat(byName.get("credit2_load_window_shift").defaultValue()).isEqualTo(18L);
    assertThat(byName.get("credit2_balance_under").defaultValue()).isEqualTo(0L);
    assertThat(byName.get("credit2_balance_over").defaultValue()).isEqualTo(-3L);
    ParamSpec weight = byName.get("weight");
    assertThat(weight.scope()).isEqualTo(ParamSpec.Scope.DOMAIN);
    assertThat(weight.defaultValue()).isEqualTo(256L);
    assertThat(weight.allows(1)).isTrue();
    assertThat(weight.allows(65535)).isTrue();
    assertThat(weight.allows(0)).isFalse();
    assertThat(weight.allows(65536)).isFalse();
  }

  @Test
  void optionsFromParams() {
    Credit2Options d = Credit2Options.from(SchedParams.EMPTY);
    assertThat(d).isEqualTo(Credit2Options.DEFAULTS);
    Credit2Options o = Credit2Options.from(new SchedParams(Map.of("credit2_runqueue", "socket",
        "sched_credit2_migrate_resist", 1000L, "credit2_balance_over", -2L)));
    assertThat(o.runqueue()).isEqualTo(RunqueueOption.SOCKET);
    assertThat(o.migrateResistNs()).isEqualTo(1_000_000L);
    assertThat(o.balanceOver()).isEqualTo(-2);
  }
}
