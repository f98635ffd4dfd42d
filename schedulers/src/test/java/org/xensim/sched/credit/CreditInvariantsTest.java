package org.xensim.sched.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xensim.core.domain.VCpu;
import org.xensim.core.golden.InvariantChecker;
import org.xensim.core.observe.SimListener;
import org.xensim.core.schedule.CpuPool;

/**
 * Invariants of the Credit model over random small hosts and workloads (seeded Commons RNG; the
 * seed is in the test name and every message): the project's {@link InvariantChecker} (never on
 * two pCPUs, never outside hard affinity or the pool, time never goes back), and Credit's own:
 * every runqueue holds only runnable vCPUs whose {@code processor} is that pCPU (or the pCPU's
 * own idle vCPU). The Credit code's own
 * checks (Xen's {@code BUG_ON}s) throw if a vCPU is queued twice or removed when not queued.
 */
class CreditInvariantsTest {

  static List<Long> seeds() {
    List<Long> s = new ArrayList<>();
    for (long i = 1; i <= 40; i++) {
      s.add(0x5EED_0000L + i);
    }
    return s;
  }

  /**
   * Builds a random scenario: 1–16 pCPUs, half of them with context-switch and IPI costs and an
   * SMT slowdown, 1–4 domains, hogs and scripts, caps, hard and soft affinities.
   */
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
        ", costs: {context_switch: %dus, ipi_latency: %dus, smt_rate: 0.6}", r.nextInt(20),
        r.nextInt(10));
    y.append(String.format(Locale.ROOT, "host: {nodes: %d, sockets_per_node: %d, "
        + "cores_per_socket: %d, threads_per_core: %d%s}%n", nodes, sockets, cores, threads,
        costs));
    int[] tslices = {30, 10, 5, 2, 1};
    int[] ratelimits = {1000, 0, 197, 50, 100};
    y.append(String.format(Locale.ROOT, "xen: {sched: credit, sched_credit_tslice_ms: %d, "
            + "sched_ratelimit_us: %d, tickle_one_idle_cpu: %b, sched_smt_power_savings: %b, "
            + "vcpu_migration_delay: %d}%n", tslices[r.nextInt(tslices.length)],
        ratelimits[r.nextInt(ratelimits.length)], r.nextBoolean(), r.nextInt(4) == 0,
        r.nextInt(3) == 0 ? 500 : 0));
    y.append("domains:\n");
    int ndom = 1 + r.nextInt(4);
    for (int d = 0; d < ndom; d++) {
      y.append("  - {name: D").append(d).append(", vcpus: ").append(1 + r.nextInt(3));
      y.append(", weight: ").append(r.nextInt(3) == 0 ? 1 + r.nextInt(65535) : 256);
      int[] caps = {0, 0, 25, 50, 150};
      y.append(", cap: ").append(caps[r.nextInt(caps.length)]);
      String cpus = null;
      if (r.nextBoolean()) {
        int lo = r.nextInt(ncpu);
        int hi = lo + r.nextInt(ncpu - lo);
        cpus = lo + "-" + hi;
        y.append(", cpus: \"").append(cpus).append('"');
        if (r.nextBoolean()) {
          y.append(", initial_cpu: ").append(lo + r.nextInt(hi - lo + 1));
        }
      } else if (r.nextBoolean()) {
        y.append(", initial_cpu: ").append(r.nextInt(ncpu));
      }
      if (r.nextInt(3) == 0) {
        int c = r.nextInt(ncpu);
        y.append(", cpus_soft: \"").append(c).append('"');
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
          t += run + r.nextInt(8_000);
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
    Checker checker = new Checker(seed + "\n" + yaml);
    InvariantChecker common = new InvariantChecker(cpu -> poolOf(yaml, cpu));
    CreditSim sim = CreditSim.of(yaml, checker, common);
    checker.pools = sim.run.layer().pools();
    sim.run();
    assertThat(checker.passes).as("scenario ran").isPositive();
    assertThat(common.violations()).as("%s", yaml).isEmpty();
  }

  /** These scenarios have one pool. */
  private static int poolOf(String yaml, int cpu) {
    return 0;
  }

  /** Watches every pass and context switch. */
  static final class Checker implements SimListener {
    private final String scenario;
    private final Map<VCpu, Integer> runningOn = new HashMap<>();
    List<CpuPool> pools;
    long last = Long.MIN_VALUE;
    int passes;

    Checker(String scenario) {
      this.scenario = scenario;
    }

    private void time(long now) {
      assertThat(now).as("time goes forward\n%s", scenario).isGreaterThanOrEqualTo(last);
      last = now;
    }

    @Override
    public void onSchedule(int cpu, long now) {
      time(now);
      passes++;
      for (CpuPool p : pools) {
        CreditPrivate prv = ((CreditScheduler) p.scheduler()).priv();
        for (CreditPcpu spc : prv.pcpu) {
          if (spc == null) {
            continue;
          }
          for (ListHead<CreditVcpu> it = spc.runq.next(); it != spc.runq; it = it.next()) {
            VCpu v = it.owner().vcpu;
            if (v.isIdle()) {
              assertThat(v.processor()).as("idle vCPU on its own runq at %d\n%s", now, scenario)
                  .isEqualTo(spc.cpu);
            } else {
              assertThat(v.processor()).as("%s queued on pCPU %d at %d\n%s", v, spc.cpu, now,
                  scenario).isEqualTo(spc.cpu);
              assertThat(v.isRunnable()).as("%s queued but not runnable at %d\n%s", v, now,
                  scenario).isTrue();
            }
          }
        }
      }
    }

    @Override
    public void onContextSwitch(int cpu, VCpu prev, VCpu next, long costNs, long now) {
      time(now);
      if (!prev.isIdle()) {
        runningOn.remove(prev, cpu);
      }
      if (!next.isIdle()) {
        Integer other = runningOn.put(next, cpu);
        assertThat(other).as("%s runs on pCPU %d and %s at %d\n%s", next, cpu, other, now,
            scenario).isNull();
        assertThat(next.hardAffinity().get(cpu)).as("%s on pCPU %d outside hard affinity %s at "
            + "%d\n%s", next, cpu, next.hardAffinity(), now, scenario).isTrue();
      }
    }
  }
}
