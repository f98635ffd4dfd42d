package org.xensim.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.xensim.core.host.CpuMask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xensim.core.cost.CostModel;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.RunState;
import org.xensim.core.domain.VCpu;
import org.xensim.core.engine.Simulation;
import org.xensim.core.host.Topology;
import org.xensim.core.observe.Listeners;
import org.xensim.core.observe.SimListener;
import org.xensim.core.sched.SchedParams;
import org.xensim.core.testsched.FifoProvider;
import org.xensim.core.testsched.TestWorkloads;
import org.xensim.core.time.Time;
import org.xensim.core.workload.Guest;
import org.xensim.core.workload.Workload;

/** The generic layer (schedule.c) driven by the test FIFO scheduler (1 ms slices). */
class GenericLayerTest {
  private final List<String> log = new ArrayList<>();
  private Simulation sim;
  private GenericLayer layer;
  private CpuPool pool;

  private void host(Topology topo, CostModel costs) {
    host(topo, costs, 1000);
  }

  private void host(Topology topo, CostModel costs, long sliceUs) {
    sim = new Simulation(1, 0);
    Listeners listeners = new Listeners();
    listeners.add(new SimListener() {
      @Override
      public void onSchedule(int cpu, long now) {
        log.add(now + " schedule " + cpu);
      }

      @Override
      public void onRun(int cpu, VCpu v, long sliceNs, long now) {
        log.add(now + " run " + cpu + " " + v);
      }

      @Override
      public void onIdle(int cpu, long now) {
        log.add(now + " idle " + cpu);
      }

      @Override
      public void onIpi(int from, int to, long now) {
        log.add(now + " ipi " + from + "->" + to);
      }
    });
    layer = new GenericLayer(sim, topo, costs, listeners);
    CpuMask all = topo.allCpus().clone();
    pool = layer.addPool("Pool-0", all, new FifoProvider(),
        new SchedParams(Map.of("fifo_slice_us", sliceUs)), "4.7");
  }

  private VCpu vcpu(String name, int cpu, Workload w) {
    Domain d = layer.createDomain(name, pool, SchedParams.EMPTY);
    CpuMask all = layer.topology().allCpus().clone();
    return layer.createVcpu(d, cpu, all, all.clone(), SchedParams.EMPTY, w);
  }

  /** Wakes at {@code at}, does {@code work}, blocks for good. */
  private static Workload burst(long at, long work) {
    return new Workload() {
      @Override
      public void start(Guest g) {
        g.setTimer(at);
      }

      @Override
      public void onTimer(Guest g) {
        g.addWork(work);
        g.unblock();
      }

      @Override
      public void onWorkDone(Guest g) {
        g.block();
      }
    };
  }

  @Test
  void runstatesOfAVcpuThatWakesRunsAndBlocks() {
    host(new Topology(1, 1, 1, 1), CostModel.ZERO);
    VCpu v = vcpu("A", 0, burst(Time.ms(2), Time.us(500)));
    layer.startWorkloads();
    sim.runUntil(Time.ms(5));
    v.changeRunstate(v.runstate(), sim.now());
    assertThat(v.runstate()).isEqualTo(RunState.BLOCKED);
    assertThat(v.runstateTime(RunState.RUNNING)).isEqualTo(Time.us(500));
    assertThat(v.runstateTime(RunState.RUNNABLE)).isZero();
    assertThat(v.runstateTime(RunState.BLOCKED)).isEqualTo(Time.ms(5) - Time.us(500));
    assertThat(log).containsExactly("2000000 schedule 0", "2000000 run 0 A.0",
        "2500000 schedule 0", "2500000 idle 0");
  }

  @Test
  void twoHogsShareOnePcpuAndWakesAtOneInstantCoalesceIntoOnePass() {
    host(new Topology(1, 1, 1, 1), CostModel.ZERO);
    VCpu a = vcpu("A", 0, new TestWorkloads.Hog());
    VCpu b = vcpu("B", 0, new TestWorkloads.Hog());
    layer.startWorkloads();
    sim.runUntil(Time.ms(10));
    assertThat(log.subList(0, 4)).containsExactly("0 schedule 0", "0 run 0 A.0",
        "1000000 schedule 0", "1000000 run 0 B.0");
    long passes = log.stream().filter(s -> s.contains("schedule")).count();
    assertThat(passes).isEqualTo(10);
    a.changeRunstate(a.runstate(), sim.now());
    b.changeRunstate(b.runstate(), sim.now());
    assertThat(a.runstateTime(RunState.RUNNING)).isEqualTo(Time.ms(5));
    assertThat(b.runstateTime(RunState.RUNNABLE)).isEqualTo(Time.ms(5));
    assertThat(a.runstateTime(RunState.RUNNING) + a.runstateTime(RunState.RUNNABLE))
        .isEqualTo(Time.ms(10));
  }

  @Test
  void aRemoteTickleArrivesAfterTheIpiLatency() {
    host(new Topology(1, 1, 2, 1), new CostModel(0, Time.us(3), 1.0, 0, 0, 0));
    vcpu("A", 0, new TestWorkloads.Hog());
    vcpu("B", 0, burst(Time.us(1500), Time.ms(1)));
    layer.startWorkloads();
    sim.runUntil(Time.ms(3));
    // The hog's wake runs on pCPU 0 (its processor): pCPU 0 is tickled locally, at once; the
    // FIFO scheduler also tickles idle pCPU 1, whose pass comes 3 us later.
    assertThat(log).startsWith("0 ipi 0->1", "0 schedule 0", "0 run 0 A.0", "3000 schedule 1");
    // B wakes at 1.5 ms on pCPU 0 (its processor), finds pCPU 1 idle: an IPI, a pass 3 us later.
    assertThat(log).contains("1500000 ipi 0->1", "1503000 schedule 1", "1503000 run 1 B.0");
  }

  @Test
  void workSlowsDownWhileTheSmtSiblingIsBusyButCpuTimeIsWallTime() {
    host(new Topology(1, 1, 1, 2), new CostModel(0, 0, 0.5, 0, 0, 0));
    VCpu a = vcpu("A", 0, burst(0, Time.ms(2)));
    VCpu b = vcpu("B", 1, burst(0, Time.ms(1)));
    layer.startWorkloads();
    sim.runUntil(Time.ms(10));
    a.changeRunstate(a.runstate(), sim.now());
    b.changeRunstate(b.runstate(), sim.now());
    // Both at half speed: B's 1 ms of work takes 2 ms; A then has 1 ms left at full speed.
    assertThat(b.runstateTime(RunState.RUNNING)).isEqualTo(Time.ms(2));
    assertThat(a.runstateTime(RunState.RUNNING)).isEqualTo(Time.ms(3));
  }

  @Test
  void contextSwitchCostDelaysWorkAndContextSaved() {
    host(new Topology(1, 1, 1, 1), new CostModel(Time.us(10), 0, 1.0, 0, 0, 0));
    VCpu a = vcpu("A", 0, burst(0, Time.us(100)));
    layer.startWorkloads();
    sim.runUntil(Time.us(5));
    assertThat(a.isRunning()).isTrue();
    sim.runUntil(Time.ms(1));
    // 10 us of switch before any work, then 100 us of work.
    assertThat(log).contains("110000 schedule 0", "110000 idle 0");
    assertThat(a.isRunning()).isFalse();
  }

  @Test
  void settingAffinityWhileBlockedRePlacesTheVcpuThroughPickCpu() {
    host(new Topology(1, 1, 4, 1), CostModel.ZERO);
    VCpu a = vcpu("A", 0, burst(Time.ms(1), Time.ms(1)));
    CpuMask only2 = new CpuMask();
    only2.set(2);
    layer.setAffinity(a, only2, true);
    assertThat(a.processor()).isEqualTo(2);
    assertThat(a.hasPauseFlag(VCpu.VPF_MIGRATING)).isFalse();
    assertThat(a.runstate()).isEqualTo(RunState.BLOCKED);
    layer.startWorkloads();
    sim.runUntil(Time.ms(3));
    assertThat(log).contains("1000000 run 2 A.0");
  }

  @Test
  void aVcpuIsNeverOnTwoPcpusAndTimeNeverGoesBack() {
    host(new Topology(1, 1, 3, 1), CostModel.ZERO);
    for (int i = 0; i < 5; i++) {
      vcpu("H" + i, i % 3, new TestWorkloads.Hog());
    }
    List<long[]> checks = new ArrayList<>();
    layer.startWorkloads();
    for (long t = Time.us(250); t <= Time.ms(20); t += Time.us(250)) {
      sim.runUntil(t);
      List<VCpu> running = new ArrayList<>();
      for (int c = 0; c < 3; c++) {
        VCpu v = layer.curr(c);
        if (!v.isIdle()) {
          assertThat(running).doesNotContain(v);
          running.add(v);
        }
      }
      checks.add(new long[] {t, running.size()});
    }
    assertThat(checks).allSatisfy(c -> assertThat(c[1]).isEqualTo(3));
    long last = -1;
    for (String line : log) {
      long t = Long.parseLong(line.substring(0, line.indexOf(' ')));
      assertThat(t).isGreaterThanOrEqualTo(last);
      last = t;
    }
  }

  /**
   * A guest busy from 1 ms (endless demand) stops at 3 ms: block, then dropWork. A second guest
   * timer made with newTimer runs its own action. The vCPU runs exactly [1, 3) ms; its demand is
   * then 0, so new work at 5 ms (0.5 ms) is all it does next.
   */
  @Test
  void dropWorkEndsABusyPhaseAndNewTimerGivesASecondClock() {
    host(new Topology(1, 1, 1, 1), CostModel.ZERO);
    List<String> fired = new ArrayList<>();
    VCpu v = vcpu("A", 0, new Workload() {
      org.xensim.core.engine.Timer stop;

      @Override
      public void start(Guest g) {
        stop = g.newTimer(() -> {
          fired.add(g.now() + " on cpu " + sim.currentCpu());
          g.block();
          g.dropWork();
          g.setTimer(Time.ms(5));
        });
        g.setTimer(Time.ms(1));
        stop.set(Time.ms(3));
      }

      @Override
      public void onTimer(Guest g) {
        g.addWork(g.now() < Time.ms(2) ? Long.MAX_VALUE : Time.us(500));
        g.unblock();
      }

      @Override
      public void onWorkDone(Guest g) {
        assertThat(g.workRemaining()).isZero();
        g.block();
      }
    });
    layer.startWorkloads();
    sim.runUntil(Time.ms(10));
    v.changeRunstate(v.runstate(), sim.now());
    assertThat(fired).containsExactly(Time.ms(3) + " on cpu 0");
    assertThat(v.runstateTime(RunState.RUNNING)).isEqualTo(Time.ms(2) + Time.us(500));
    assertThat(log).contains("3000000 idle 0", "5000000 run 0 A.0", "5500000 idle 0");
  }

  @Test
  void aPassRaisedDuringAContextSwitchWaitsForContextSaved() {
    host(new Topology(1, 1, 1, 1), new CostModel(Time.us(10), 0, 1.0, 0, 0, 0), 4);
    vcpu("A", 0, burst(0, Time.ms(5)));
    vcpu("B", 0, burst(0, Time.ms(1)));
    layer.startWorkloads();
    sim.runUntil(Time.us(30));
    // A's 4 us slice ends inside its 10 us switch-in: the pass runs when the switch is done.
    assertThat(log).startsWith("0 schedule 0", "0 run 0 A.0", "10000 schedule 0",
        "10000 run 0 B.0", "20000 schedule 0");
  }
}
