package org.xensim.sched.credit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Golden timelines for Credit (Xen 4.7): each scenario {@code golden/credit/NAME.yaml} is run
 * through the scenario loader and runner, and its timeline is compared with
 * {@code NAME.json} (the format of {@code shared/golden}; times within 1 µs).
 *
 * <p>The first five are the project's shared goldens ({@code shared/golden}, copied here): G1a/b
 * derived by hand in {@code shared/golden-examples.md}, {@code diff-credit-p1..p3} measured on
 * Xen's own {@code sched_credit.c}. The others are derived by hand below from
 * {@code shared/xen-4.7-schedulers.md} (§ numbers refer to it). Common conventions: zero costs,
 * Credit defaults (tslice 30 ms, ticks every 10 ms, ratelimit 1000 µs, weight 256, no cap),
 * accounting at 30, 60, … ms on pCPU 0 before the ticks of the same instant, ticks in pCPU order,
 * all timers of an instant before any scheduler pass (§9 rules 2 and 6); "credit" values are
 * Xen's (1 credit = 100 µs).
 */
class CreditGoldenTest {

  private static void assertGolden(String name) {
    assertThat(Timeline.check(name)).as("golden %s", name).isEmpty();
  }

  /** Shared G1a: two equal hogs on one pCPU alternate in strict 30 ms slices. */
  @Test
  void sharedG1aEqualWeights() {
    assertGolden("credit-G1a");
  }

  /** Shared G1b: weights 256 : 512 settle into a 90 ms cycle, A 30 ms then B 60 ms. */
  @Test
  void sharedG1bWeights1to2() {
    assertGolden("credit-G1b");
  }

  /** Shared, measured on Xen: cap 25 parks A's vCPUs at 30 ms; pCPU 0 steals B. */
  @Test
  void sharedDiffP1CapAndSteal() {
    assertGolden("diff-credit-p1");
  }

  /** Shared, measured on Xen: boosted script preempts a hog; 197 µs rate limit; steal. */
  @Test
  void sharedDiffP2BoostRatelimitSteal() {
    assertGolden("diff-credit-p2");
  }

  /** Shared, measured on Xen: tick-time migration to an idle pCPU; cap 25 parking. */
  @Test
  void sharedDiffP3TickMigrationAndCap() {
    assertGolden("diff-credit-p3");
  }

  /**
   * BOOST on wake against a hog, one pCPU: hog H, script S waking at 5, 45 and 75 ms.
   *
   * <ul>
   *   <li>0: H wakes UNDER → BOOST (§3.8), runs, slice 30.
   *   <li>5: S wakes → BOOST, queued [S, idle]. Tickle (§3.10): H is BOOST too and there are no
   *       idlers; BOOST is not &gt; BOOST → no tickle. S waits (quirk §3.16.1).
   *   <li>10: tick: H BOOST → UNDER, burns 100 → −100, becomes active. 20: −200, pick stays.
   *   <li>30: accounting: H alone active, gets 300 → 100, UNDER; tick burns → 0. Pass: H (30 ms
   *       &gt; rate limit) is queued UNDER behind BOOST S → S runs [30,31), blocks.
   *   <li>31: S never met a tick, so it stays BOOST (and inactive). H runs.
   *   <li>45: S wakes; H is UNDER, no idlers, 0 &gt; −1 → tickle pCPU 0. H has run 14 ms → S
   *       preempts: S [45,47), H from 47. 75: likewise (H ran 28 ms): S [75,75.5).
   *   <li>Invocations: 0, 30, 31, 45, 47, 75, 75.5 = 7. CPU: S 1 + 2 + 0.5 = 3.5 ms.
   * </ul>
   */
  @Test
  void boostOnWakeAgainstHog() {
    assertGolden("credit-boost-wake");
  }

  /**
   * Rate limit (§3.9 step 3), one pCPU, default 1000 µs: hog H, script S (wake 10.5 ms, run
   * 300 µs, wake 11.2 ms, run 300 µs).
   *
   * <ul>
   *   <li>0: H runs; 10: tick makes H UNDER.
   *   <li>10.5: S wakes BOOST, tickles (0 &gt; −1, no idlers); H has run 10.5 ms → S runs
   *       [10.5,10.8), blocks; H is switched in at 10.8 (runstate entry 10.8).
   *   <li>11.2: S wakes, tickles; H has run 0.4 ms &lt; 1 ms → H is kept and the slice is the
   *       full ratelimit (1 ms, not the 0.6 ms remainder Xen 4.8 would give) → next pass 12.2.
   *   <li>12.2: H has run 1.4 ms → S runs [12.2,12.5); H from 12.5.
   *   <li>Invocations: 0, 10.5, 10.8, 11.2, 12.2, 12.5 = 6.
   * </ul>
   */
  @Test
  void ratelimitHoldsPreemptionForTheFullRatelimit() {
    assertGolden("credit-ratelimit");
  }

  /**
   * The same with {@code sched_ratelimit_us: 0} (off): S preempts H at 11.2 at once, runs
   * [11.2,11.5). Invocations: 0, 10.5, 10.8, 11.2, 11.5 = 5.
   */
  @Test
  void ratelimitOff() {
    assertGolden("credit-ratelimit-off");
  }

  /**
   * Boot quirk (§2.14): {@code sched_ratelimit_us: 50} is outside Xen's range [100, 500000], but
   * {@code csched_init()} of the boot pool copies it before {@code scheduler_init()} corrects it,
   * so Pool-0 uses 50 µs. S wakes at 10.82, H switched in at 10.8 has run 20 µs &lt; 50 → kept
   * with a 50 µs slice; pass at 10.87 (70 µs) → S runs [10.87,11.17). (With the corrected
   * 1000 µs S would wait until 11.82.) Invocations: 0, 10.5, 10.8, 10.82, 10.87, 11.17 = 6.
   */
  @Test
  void ratelimitBootQuirkUsesRawValueInPool0() {
    assertGolden("credit-ratelimit-boot-quirk");
  }

  /**
   * Yield (§3.8, §3.3, §3.16.4), one pCPU: hog H, and Y that runs 500 µs then yields, forever
   * (test workload {@code test-yielder}).
   *
   * <ul>
   *   <li>0: both BOOST, H first: H [0,30). 30: H (UNDER) behind BOOST Y → Y runs.
   *   <li>30.5: Y yields (YIELD flag, local pass): Y has run 0.5 ms &lt; 1 ms → the rate limit
   *       keeps it, slice 1 ms; YIELD is not cleared (4.7 holds yields back; 4.8 does not).
   *   <li>31: Y yields again; 1.0 ms is not &lt; 1 ms → Y is queued with YIELD: it stops before
   *       H (BOOST &gt; UNDER) and steps behind that one lower-priority vCPU → H [31,61).
   *   <li>Y never meets a tick (ticks at 40, 50, … fall in H's runs), so it stays BOOST and
   *       inactive; 61 and 92 repeat 30: Y [61,62), Y [92,93).
   *   <li>Invocations: 0, 30, 30.5, 31, 61, 61.5, 62, 92, 92.5, 93 = 10. CPU: Y 3 ms, H 92 ms.
   * </ul>
   */
  @Test
  void yieldIsHeldByRatelimitThenGoesBehindOneLowerPriorityVcpu() {
    assertGolden("credit-yield-ratelimit");
  }

  /**
   * G3, caps (§3.12): one hog A with cap 50 on one pCPU runs 60 ms, is parked 60 ms.
   *
   * <ul>
   *   <li>0: A runs (BOOST); 10: UNDER, −100, active; 20: −200.
   *   <li>30: accounting: peak 300 capped to ceil(50·300/100) = 150 (per-vCPU cap 150); fair 300
   *       → 150. A = −50, OVER, not &lt; −150 → not parked; balance −50. Tick: −150. Pass: A is
   *       OVER, load balancing finds no other pCPU → A continues.
   *   <li>60: credit_total 350, peak 350 → capped 150. A = −350 + 150 = −200 &lt; −150 → PARKED,
   *       {@code vcpu_pause_nosync} → softirq → pass at 60: A not runnable → idle. Tick: −300.
   *   <li>90: −300 + 150 = −150 (OVER, not below −150). 120: −150 + 150 = 0 → UNDER, PARKED
   *       cleared then unpaused → the wake boosts it (quirk) → A runs again at 120.
   *   <li>120–240 repeats 0–120 shifted (150: −50 → continue; 180: −200 → park; 240: unpark).
   *   <li>Invocations: 0, 30, 60, 120, 150, 180, 240, 270 = 8; CPU time 180 ms.
   * </ul>
   */
  @Test
  void capParksWholePeriodsG3() {
    assertGolden("credit-G3-cap");
  }

  /**
   * SMT-aware placement (§3.11, §3.15): 1 socket × 2 cores × 2 threads; hogs A on pCPU 0 and B on
   * its sibling pCPU 1.
   *
   * <ul>
   *   <li>0: each wakes on its own idle pCPU and runs. 10: both ticked: UNDER, active (no pick:
   *       only active vCPUs are checked, §3.16.9).
   *   <li>20, tick 0: pick(A): idlers {2,3} plus 0 (runq idle) → core of 2 has 2 idle threads
   *       &gt; 1 → answer 2 (cycle(idle_bias 3, {2,3}) = 2) → A flagged {@code _VPF_migrating}.
   *       Tick 1: pick(B) likewise answers 2 → B flagged too.
   *   <li>Pass 0: A out, pCPU 0 idle; {@code vcpu_migrate}: pick(A) → 2 (idle_bias of 2 := 2);
   *       A queued on 2 unboosted, tickles idle pCPU 2. Pass 1: B out, idle; pick(B) now sees
   *       idlers {0,1,2,3}: core 1 has 2 idle threads, not more than core 0's 2 → stays on 1; B
   *       queued on 1, tickles 1. Pass 2: A runs. Pass 1 again: B runs.
   *   <li>30: accounting; ticks' picks keep A on 2 and B on 1. 50: both slices end, both
   *       continue.
   *   <li>Invocations: pCPU 0: 0, 20; pCPU 1: 0, 20, 20, 50; pCPU 2: 20, 50 → 8.
   * </ul>
   */
  @Test
  void smtHogsOnSiblingsAreSplitOntoIdleCore() {
    assertGolden("credit-smt-split");
  }

  /**
   * {@code sched_smt_power_savings} (§3.11 step 5): the same host, A on pCPU 0 and B on pCPU 2
   * (different cores). At the 20 ms tick pick(A) moves when its core has <em>more</em> idle
   * threads than the other: core 1 (idle {3}) has fewer → answer cycle(3, {3}) = 3. pick(B) at
   * tick 2 (idlers {1,3} + 2): core 0 has {1} → answer 1, B flagged too. Pass 0: A out, re-pick
   * → 3, tickle 3. Pass 2: B out; re-pick sees idlers {0,1,2,3}, no core has more → stays on 2;
   * tickle 2. Pass 3: A runs; pass 2: B runs. Both share core 1 from 20 ms. Invocations: pCPU 0:
   * 0, 20; pCPU 2: 0, 20, 20, 50; pCPU 3: 20, 50 → 8.
   */
  @Test
  void smtPowerSavingsConsolidates() {
    assertGolden("credit-smt-power-savings");
  }

  /**
   * An idle pCPU that is never tickled never looks for work (§3.10, §3.16.6), then the tick-time
   * migration, the migration pick returning the old busy pCPU, and a steal (§3.11 step 3,
   * §3.13). 2 cores; A pinned to pCPU 0, B allowed on 0–1, both created on pCPU 0.
   *
   * <ul>
   *   <li>0: both wakes tickle only pCPU 0 (its current vCPU is idle, step 1); pCPU 1 stays idle.
   *       A runs, B waits BOOST.
   *   <li>10: A active. 20: pick(A) — hard {0} → stays. 30: A gets 300 → 100, tick → 0; pass:
   *       A (UNDER) behind B (BOOST) → B runs, A waits; pCPU 1 still idle.
   *   <li>40: B UNDER, active. 50: pick(B): idlers {1}, runq of 0 not idle → answer 1 → B
   *       flagged; pass 0: A runs. {@code vcpu_migrate}(B): pick sees pCPU 0 idle (its runq is
   *       idle; A running there is not checked) → stays 0; queued unboosted; tickle: idlers {1}
   *       suit B → last_tickle_cpu = 1 → pass 1: idle, load balance steals B.
   *   <li>Invocations: pCPU 0: 0, 30, 50; pCPU 1: 50 → 4.
   * </ul>
   */
  @Test
  void idlePcpuNeverTickledThenStealsAfterTickMigration() {
    assertGolden("credit-idle-untickled");
  }

  /**
   * {@code vcpu_migration_delay} (§3.13, {@code __csched_vcpu_is_cache_hot()}): the scenario
   * above with a 1000 µs delay, to 80 ms. Up to 50 ms nothing differs. At 50 pCPU 1 is tickled
   * and tries to steal B, but B was switched out at 50 (0 µs ago &lt; 1 ms): cache-hot, not taken.
   * Nobody tickles pCPU 1 again, so it idles while B waits on pCPU 0: at 60 the accounting makes
   * both UNDER (B 100, A 300 → 200 after the tick), A keeps its slice until 80, where it is
   * queued behind B (FIFO among UNDER) and B runs. Invocations: pCPU 0: 0, 30, 50; pCPU 1: 50.
   */
  @Test
  void cacheHotVcpuIsNotStolen() {
    assertGolden("credit-migration-delay");
  }

  /**
   * Tickle quirk (§3.10 step 2.4, 4.7 only) and last_tickle_cpu rotation: 3 pCPUs; hog H pinned
   * to 0; script S on pCPU 0 with hard affinity {0,2}.
   *
   * <ul>
   *   <li>5: S wakes BOOST on 0 while H is BOOST; idlers {1,2}; S may use idler 2, so one idler
   *       is tickled, but chosen from all idlers: cycle(last 0, {1,2}) = 1. pCPU 1 cannot steal
   *       S (affinity) → stays idle; S waits on pCPU 0's runq.
   *   <li>30: H (UNDER after accounting) queued behind BOOST S → S [30,31), then H.
   *   <li>42: S wakes again; H is UNDER; hard step: suitable idler exists → tickle
   *       cycle(1, {1,2}) = 2 → pCPU 2 steals S: S [42,43) on pCPU 2.
   *   <li>Invocations: pCPU 0: 0, 30, 31; pCPU 1: 5; pCPU 2: 42, 43 → 6.
   * </ul>
   */
  @Test
  void tickleChoosesAmongAllIdlersAndRotates() {
    assertGolden("credit-tickle-quirk");
  }

  /**
   * The same with {@code tickle_one_idle_cpu: false}: at 5 the tickle raises every idler of the
   * pool, pCPUs 1 and 2, in ascending order. Pass 1 cannot take S (affinity) and stays idle;
   * pass 2 steals S: S [5,6) on pCPU 2, which is now its processor. At 42 S wakes on idle pCPU 2
   * (step 1: tickle only 2): S [42,43). H keeps pCPU 0 (its slice end at 30 is a pass that keeps
   * it). Invocations: pCPU 0: 0, 30; pCPU 1: 5; pCPU 2: 5, 6, 42, 43 → 7.
   */
  @Test
  void tickleAllIdlersWhenTickleOneIdleCpuIsOff() {
    assertGolden("credit-tickle-all-idlers");
  }

  /**
   * A waker that no idler may run kicks the running vCPU away (§3.10 step 2.3): 2 pCPUs; hog H
   * on pCPU 0 (UNDER from its 10 ms tick); script S pinned to 0 wakes at 15.
   *
   * <ul>
   *   <li>15: S is BOOST; idlers {1}, none in S's affinity; BOOST &gt; UNDER and H could use idler
   *       1 → H is flagged {@code _VPF_migrating}, pCPU 0 tickled. Pass 0: H not runnable → S
   *       runs.
   *   <li>{@code context_saved}(H) → {@code vcpu_migrate}: pick(H) counts pCPU 0 as idle (its
   *       runq is idle; S running there is not checked) and core-for-core it is no worse than 1 →
   *       answer 0. H is queued on 0 unboosted; tickle: idler 1 suits H → pCPU 1 steals it.
   *   <li>17: S blocks → pCPU 0 idle. 20: pick(H) keeps pCPU 1.
   *   <li>Invocations: pCPU 0: 0, 15, 17; pCPU 1: 15 → 4.
   * </ul>
   */
  @Test
  void wakerPinnedToBusyPcpuKicksRunningVcpuAway() {
    assertGolden("credit-kicked-away");
  }

  /**
   * Soft affinity in tickle and steal (§3.14, §3.13): 2 pCPUs; H pinned to 0; hogs X and Y and
   * script Z all created on pCPU 0, Y with soft affinity {1}.
   *
   * <ul>
   *   <li>0: H, X, Y wake; pCPU 0 is idle, so each tickles only pCPU 0; H runs, runq 0 is
   *       [X, Y] (BOOST, FIFO). pCPU 1 is idle and not tickled.
   *   <li>5: Z wakes on 0 (BOOST, behind Y). H is BOOST too, idlers {1}: Z has no useful soft
   *       affinity, its hard step finds idler 1 → tickle cycle(0, {1}) = 1.
   *   <li>Pass 1: load balancing does the soft step first over all peers: X (no useful soft
   *       affinity) is skipped, Y's soft ∩ hard = {1} holds pCPU 1 → Y is stolen although X is
   *       ahead of it. Y runs on 1 from 5.
   *   <li>10/20: ticks; pick(Y) keeps 1 (soft step: 1 is idle once Y is discounted).
   *   <li>30: H (UNDER) is queued behind BOOST X and Z → X runs on 0. 35: Y's slice ends, it
   *       continues (runq 1 holds only the idle vCPU).
   *   <li>Invocations: pCPU 0: 0, 30; pCPU 1: 5, 35 → 4.
   * </ul>
   */
  @Test
  void softAffineWorkIsStolenFirst() {
    assertGolden("credit-soft-affinity-steal");
  }

  /**
   * Weights 256 : 768 on one pCPU (§3.6): once both are active each accounting hands out
   * A ceil(300·256/1024) = 75, B ceil(300·768/1024) = 225.
   *
   * <ul>
   *   <li>[0,60) as G1: A then B (both BOOST at first); at 30 A alone gets 300.
   *   <li>60: B −200+225 = 25, A 0+75 = 75; B (tick −75) queued behind A → A [60,90).
   *   <li>90: B 150, A −50 OVER → B [90,120); 120: B 175 UNDER (tick −150), A −75 → B continues.
   *   <li>150: B −125 OVER, A 0 → A [150,180); balance −125.
   *   <li>180: credit_total 425: B fair ceil(425·768/1024) = 319 → 94; A ceil(425·256/1024) = 107
   *       → −93 OVER; balance 1 → B [180,270) (210: 119, 240: 44, both UNDER ahead of OVER A).
   *   <li>270: B −31 OVER, A 32 → A [270,300). 300: B 94, A −193 (after tick), balance 1 = the
   *       state at 180, so a 120 ms cycle B 90 / A 30 (3 : 1).
   *   <li>Invocations every 30 ms: 14 in [0,420); CPU A 150, B 270 ms.
   * </ul>
   */
  @Test
  void weights1to3() {
    assertGolden("credit-weights-1to3");
  }

  /**
   * The harness itself can fail: {@code selfcheck-wrong.json} is the rate-limit scenario with the
   * Xen 4.8 behaviour (slice = remaining 0.6 ms) written in; every difference is reported.
   */
  @Test
  void harnessReportsAWrongTimeline() {
    assertThat(Timeline.check("selfcheck-wrong"))
        .hasSize(3)
        .anySatisfy(s -> assertThat(s).startsWith("pcpu 0:"))
        .anySatisfy(s -> assertThat(s).contains("schedule calls"))
        .anySatisfy(s -> assertThat(s).contains("cpu time of S"));
  }
}
