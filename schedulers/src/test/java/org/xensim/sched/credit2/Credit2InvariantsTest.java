package org.xensim.sched.credit2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xensim.core.domain.VCpu;
import org.xensim.core.golden.InvariantChecker;
import org.xensim.core.observe.SimListener;
import org.xensim.core.run.ReplicationRun;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.scenario.ScenarioLoader;

/**
 * Invariants of the Credit2 model over random small hosts (seeded; the seed and scenario are in
 * every message), with and without context-switch / IPI / SMT costs, every runqueue option,
 * random migrate resistance, weights and hard affinities: the project's {@link InvariantChecker},
 * and Credit2's own state after every pass: each runqueue's queue is sorted by credit (never
 * re-sorted in Xen, so this follows from the rules), holds only runnable, unscheduled vCPUs
 * assigned to it whose {@code processor} is one of its pCPUs; every vCPU is assigned to exactly
 * one runqueue; {@code idle} holds exactly the pCPUs running their idle vCPU; the load count
 * stays within [0, assigned vCPUs].
 */
class Credit2InvariantsTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 30).map(i -> 0xC2_0000L + i);
  }

  static String randomScenario(long seed) {
    UniformRandomProvider r = RandomSource.L64_X128_MIX.create(seed);
    int nodes = 1 + r.nextInt(2);
    int sockets = 1 + r.nextInt(2);
    int cores = 1 + r.nextInt(2);
    int threads = 1 + r.nextInt(2);
    int ncpu = nodes * sockets * cores * threads;
    StringBuilder y = new StringBuilder();
    y.append("name: inv").append(seed).append("\nseed: ").append(seed)
        .append("\nduration: 300ms\n");
    String costs = r.nextBoolean() ? "" : String.format(Locale.ROOT,
        ", costs: {context_switch: %dus, ipi_latency: %dus, smt_rate: 0.6}", r.nextInt(150),
        r.nextInt(10));
    y.append(String.format(Locale.ROOT, "host: {nodes: %d, sockets_per_node: %d, "
        + "cores_per_socket: %d, threads_per_core: %d%s}%n", nodes, sockets, cores, threads,
        costs));
    String[] layouts = {"core", "socket", "node", "all"};
    int[] resist = {500, 0, 1000, 100};
    int[] shift = {18, 4, 10};
    y.append(String.format(Locale.ROOT, "xen: {sched: credit2, credit2_runqueue: %s, "
            + "sched_credit2_migrate_resist: %d, credit2_load_window_shift: %d}%n",
        layouts[r.nextInt(4)], resist[r.nextInt(4)], shift[r.nextInt(3)]));
    y.append("domains:\n");
    int ndom = 1 + r.nextInt(5);
    for (int d = 0; d < ndom; d++) {
      y.append("  - {name: D").append(d).append(", vcpus: ").append(1 + r.nextInt(3));
      y.append(", weight: ").append(r.nextInt(3) == 0 ? 1 + r.nextInt(2048) : 256);
      if (r.nextBoolean()) {
        int lo = r.nextInt(ncpu);
        int hi = lo + r.nextInt(ncpu - lo);
        y.append(", cpus: \"").append(lo).append('-').append(hi).append('"');
        if (r.nextBoolean()) {
          y.append(", initial_cpu: ").append(lo + r.nextInt(hi - lo + 1));
        }
      } else if (r.nextBoolean()) {
        y.append(", initial_cpu: ").append(r.nextInt(ncpu));
      }
      if (r.nextBoolean()) {
        y.append(", workload: {type: cpu-hog}}\n");
      } else {
        y.append(", workload: {type: script, steps: [");
        long t = r.nextInt(3_000);
        for (int k = 0; k < 40; k++) {
          long run = 20 + r.nextInt(4_000);
          y.append(k == 0 ? "" : ", ").append("\"wake ").append(t).append("us\", \"run ")
              .append(run).append("us\"");
          t += run + 1 + r.nextInt(8_000);
        }
        y.append("]}}\n");
      }
    }
    return y.toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void invariantsHold(long seed) {
    String yaml = randomScenario(seed);
    Scenario s = ScenarioLoader.withInstalledProviders()
        .build(ScenarioLoader.readTree(yaml, "inv.yaml"), "inv");
    ReplicationRun run = new ReplicationRun(s, 0);
    InvariantChecker common = new InvariantChecker(c -> 0);
    StateChecker own = new StateChecker(run);
    run.withListener(common).withListener(own).run(null);
    assertThat(own.passes).as("scenario ran:\n%s", yaml).isPositive();
    assertThat(common.violations()).as("seed %s:\n%s", seed, yaml).isEmpty();
    assertThat(own.violations).as("seed %s:\n%s", seed, yaml).isEmpty();
  }

  /** Checks the scheduler's state whenever a pass has set a pCPU's new vCPU. */
  private static final class StateChecker implements SimListener {
    final ReplicationRun run;
    final List<String> violations = new ArrayList<>();
    int passes;

    StateChecker(ReplicationRun run) {
      this.run = run;
    }

    @Override
    public void onRun(int cpu, VCpu v, long sliceNs, long now) {
      check(now);
    }

    @Override
    public void onIdle(int cpu, long now) {
      check(now);
    }

    private void fail(long now, String what) {
      if (violations.size() < 10) {
        violations.add("t=" + now + ": " + what);
      }
    }

    private void check(long now) {
      passes++;
      Credit2Private prv = ((Credit2Scheduler) run.layer().pools().get(0).scheduler()).priv();
      int assigned = 0;
      for (int i = prv.activeQueues.nextSetBit(0); i >= 0;
          i = prv.activeQueues.nextSetBit(i + 1)) {
        Credit2Runqueue rq = prv.rqd[i];
        assigned += rq.svc.size();
        for (int k = 0; k < rq.runq.size(); k++) {
          Credit2Vcpu q = rq.runq.get(k);
          if (k > 0 && rq.runq.get(k - 1).credit < q.credit) {
            fail(now, "rq" + i + " not sorted at " + k + ": " + rq.runq);
          }
          if (q.rqd != rq || !rq.svc.contains(q) || !q.onRunq) {
            fail(now, q + " queued on rq" + i + " but assigned to " + q.rqd);
          }
          if (!q.vcpu.isRunnable() || q.hasFlag(Credit2Constants.CSFLAG_SCHEDULED)
              || q.vcpu.isRunning()) {
            fail(now, q + " queued but not runnable, or scheduled");
          }
          if (!rq.active.get(q.vcpu.processor())) {
            fail(now, q + " queued on rq" + i + " with processor " + q.vcpu.processor());
          }
        }
        if (rq.load < 0 || rq.load > rq.svc.size()) {
          fail(now, "rq" + i + " load " + rq.load + " with " + rq.svc.size() + " vCPUs");
        }
        for (int c = rq.active.nextSetBit(0); c >= 0; c = rq.active.nextSetBit(c + 1)) {
          if (rq.idle.get(c) != prv.ctx.curr(c).isIdle()) {
            fail(now, "pCPU " + c + " idle bit " + rq.idle.get(c) + " but runs "
                + prv.ctx.curr(c));
          }
        }
      }
      if (assigned != run.layer().vcpus().size()) {
        fail(now, assigned + " vCPUs assigned, " + run.layer().vcpus().size() + " exist");
      }
    }
  }
}
