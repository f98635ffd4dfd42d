package org.xensim.sched.credit;

import java.util.List;
import org.xensim.core.domain.VCpu;
import org.xensim.core.observe.SimListener;
import org.xensim.core.run.ReplicationRun;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;

/** Runs a scenario written inline in a test and gives access to the Credit instances. */
final class CreditSim {
  final ReplicationRun run;

  private CreditSim(ReplicationRun run) {
    this.run = run;
  }

  /** Loads {@code yaml} with the installed providers (credit, cpu-hog, script, ...). */
  static CreditSim of(String yaml, SimListener... listeners) {
    Scenario s = ScenarioLoader.withInstalledProviders()
        .build(ScenarioLoader.readTree(yaml, "test"), "test");
    ReplicationRun r = new ReplicationRun(s, 0);
    for (SimListener l : listeners) {
      r.withListener(l);
    }
    return new CreditSim(r);
  }

  /** Runs the whole duration (events strictly before it). */
  CreditSim run() {
    run.run(null);
    return this;
  }

  CreditScheduler scheduler(int pool) {
    return (CreditScheduler) run.layer().pools().get(pool).scheduler();
  }

  List<VCpu> vcpus() {
    return run.layer().vcpus();
  }
}
