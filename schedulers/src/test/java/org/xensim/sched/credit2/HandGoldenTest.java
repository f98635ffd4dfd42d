package org.xensim.sched.credit2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-derived Credit2 goldens ({@code src/test/resources/golden/credit2/credit2-H*.yaml} with
 * the expected timeline beside each as JSON). Conventions of {@code shared/golden-examples.md}:
 * zero costs, vCPUs created at t = 0 in listed order on their {@code initial_cpu}, all wakes at
 * an instant before any pass, passes at one instant in the order their softirqs were raised,
 * timers due at one instant in arming order. Credits are written in ms (1 ms = 10^6 credits);
 * "X 9.5" = X has 9.5 ms of credit; {@code W} = 2^18.
 */
class HandGoldenTest {
  private static final String DIR = "/golden/credit2/";

  private static Credit2Sim run(String name) {
    SharedGoldenHarnessTest.check(DIR, name);
    Credit2Sim sim = ScenarioYaml.load(DIR + name + ".yaml");
    sim.runUntil(GoldenCheck.resource(DIR + name + ".json").untilNs());
    return sim;
  }

  /**
   * H1: weights 128 : 512 on one pCPU give exactly 1 : 4 per 12.5 ms reset cycle.
   *
   * <p>{@code max_weight} 512: A burns 4 credits/ns, B 1; {@code c2t} gives A credit/4 and B
   * credit (§4.5). Queue after the wakes: A 10, B 10 (FIFO).
   * <ol>
   *   <li>0: A (head, own pCPU); slice: head B 10 → rt 10 − 10 = 0 → MIN 0.5 ms. A burns 2 → 8.
   *   <li>0.5: B 10 &gt; 8 → B; A is re-queued only in context_saved, so the queue is empty for
   *       the slice: rt = 10 → 2 ms. B → 8.
   *   <li>2.5: head A 8 is not &gt; B 8 → B continues, rt 0 → 0.5 ms → B 7.5.
   *   <li>3.0: A 8 &gt; 7.5 → A, rt 8 → c2t 2 → 2 ms; A burns 8 → 0.
   *   <li>5.0: B 7.5 → B (no reset: the chosen vCPU has credit), 2 ms → 5.5; 7.0: head A 0 is
   *       not &gt; 0, so rt = 5.5 → 2 ms → 3.5; 9.0: → 1.5; 11.0: rt 1.5 → 1.5 ms → 0.
   *   <li>12.5: A 0 not &gt; B 0 → B continues with 0 → reset (§4.11): both + 10 → 10, 10;
   *       slice rt 0 → 0.5 → B 9.5.
   *   <li>13.0: A 10 → A, c2t 2.5 → 2 ms → A 2; 15.0: B 9.5 → 2 ms → 7.5; 17.0, 19.0: B
   *       continues (rt 5.5, 3.5 → 2 ms) → 3.5, then 21.0: rt 1.5 → 1.5 ms → 2.0; 22.5: A 2 not
   *       &gt; 2 → B, rt 0 → 0.5 → 1.5; 23.0: A 2 &gt; 1.5 → A, c2t(2) = 0.5 ms → A 0; 23.5:
   *       B 1.5 → 1.5 ms → 0; 25.0: B continues with 0 → reset → 10, 10, slice 0.5 → B 9.5.
   *   <li>25.5 = the state of 13.0: a 12.5 ms cycle with A 2 + 0.5 = 2.5 ms and B 10 ms.
   * </ol>
   * Passes: 9 in [0,13), 9 per cycle, 8 in [38,50) (38, 40, 42, 44, 46, 47.5, 48, 48.5): 35.
   * CPU at 50: A 10, B 40.
   */
  @Test
  void h1WeightShares() {
    run("credit2-H1-weights-1to4");
  }

  /**
   * H2a: migration resistance with the default 500 µs; one runqueue {0,1} (the two threads of
   * one core, default {@code credit2_runqueue=core}); equal-weight hogs A (pCPU 0), B (1), C (0).
   * <ol>
   *   <li>0: wakes tickle pCPU 0 (A), 1 (B), 0 (C, coalesced). Passes in raise order: pCPU 0
   *       takes A (slice: head B 10, rt 0 → 0.5), pCPU 1 takes B (head C → 0.5).
   *   <li>0.5 (pCPU 0's timer was armed first): C (own pCPU, 10 &gt; 9.5), queue empty → 2 ms.
   *       Re-queued A 9.5 tickles nobody: C 10 is not below it, no pCPU is idle, and pCPU 1's B
   *       (burnt to 9.5) + 0.5 &gt; 9.5. pCPU 1: head A is on pCPU 0 and 9.5 + 0.5 &gt; 9.5:
   *       resisted; B continues, rt 9.5 − 9.5 = 0 → 0.5.
   *   <li>1.0 pCPU 1: B 9.0 + 0.5 = 9.5 is not &gt; A 9.5 → A is pulled (+50 µs → 9.55), 2 ms.
   *   <li>2.5 pCPU 0: C 8.0 + 0.5 is not &gt; B 9.0 → B pulled (→ 9.05), 2 ms.
   *   <li>3.0 pCPU 1: A 7.55 + 0.5 = 8.05 &gt; C 8.0 → resisted; A continues, rt &lt; 0 → 0.5.
   *   <li>3.5: A 7.05 + 0.5 is not &gt; 8.0 → C pulled (→ 8.05), 2 ms.
   *   <li>4.5 pCPU 0: B 7.05 + 0.5 &gt; A 7.05 → resisted, B continues 0.5 → 6.55; 5.0: A pulled.
   *   <li>5.5 pCPU 1: C 6.05 + 0.5 is not &gt; B 6.55 → B pulled; 7.0 pCPU 0: A 5.10 → C
   *       (6.05) pulled; 7.5 pCPU 1: B 4.60 → A (5.10) pulled.
   * </ol>
   * Passes in [0,8): pCPU 0 at 0, 0.5, 2.5, 4.5, 5.0, 7.0; pCPU 1 at 0, 0.5, 1.0, 3.0, 3.5, 5.5,
   * 7.5: 13.
   */
  @Test
  void h2aMigrationResistDefault() {
    run("credit2-H2a-resist-default");
  }

  /**
   * H2b: the same scenario with {@code sched_credit2_migrate_resist: 1000}.
   * <ol>
   *   <li>0 and 0.5 as in H2a (0.5: C starts on pCPU 0 for 2 ms; pCPU 1 keeps B).
   *   <li>1.0 pCPU 1: B 9.0 + 1.0 &gt; A 9.5 → resisted, rt &lt; 0 → 0.5; 1.5: 8.5 + 1 is not
   *       &gt; 9.5 → A pulled (→ 9.55, 2 ms).
   *   <li>2.5 pCPU 0: C 8.0 + 1 &gt; B 8.5 → resisted, rt &lt; 0 → 0.5; 3.0: C 7.5 → B pulled
   *       (→ 8.55, 2 ms); C's re-queue tickles nobody (A burnt to 8.05, + 1 &gt; 7.5).
   *   <li>3.5, 4.0, 4.5 pCPU 1: A 7.55, 7.05, 6.55 + 1 &gt; C 7.5 → resisted, 0.5 ms slices
   *       (at 3.5 rt = 0.05 ms → MIN).
   *   <li>5.0: pCPU 0 (timer armed at 3.0) before pCPU 1 (armed 4.5): pCPU 0 picks C (own
   *       pCPU, 7.5 &gt; B 6.55), 2 ms; pCPU 1: A 6.05 + 1 &gt; B 6.55 → A continues 0.5.
   *   <li>5.5: A 5.55 + 1 is not &gt; 6.55 → B pulled (→ 6.60, 2 ms).
   *   <li>7.0 pCPU 0: C 5.5 + 1 &gt; A 5.55 → resisted, 0.5. 7.5: pCPU 1 (armed 5.5) first:
   *       B 4.60 → A (own pCPU) 5.55; then pCPU 0: C 5.0 + 1 &gt; B 4.6 → C continues.
   * </ol>
   * Passes: pCPU 0 at 0, 0.5, 2.5, 3.0, 5.0, 7.0, 7.5; pCPU 1 at 0, 0.5, 1.0, 1.5, 3.5, 4.0, 4.5,
   * 5.0, 5.5, 7.5: 17.
   */
  @Test
  void h2bMigrationResist1000() {
    run("credit2-H2b-resist-1000");
  }

  /**
   * H3: a reset decided on one pCPU refills a runqueue shared by two pCPUs. One runqueue {0,1};
   * A pinned to pCPU 0, B and C pinned to pCPU 1.
   * <ol>
   *   <li>0: pCPU 0 takes A, pCPU 1 takes B; the slices are 0.5 ms (heads B, then C, at 10).
   *   <li>0.5: pCPU 0 skips C (hard affinity) and keeps A, but the slice uses the queue head
   *       regardless of affinity (quirk §4.15.3): rt = 9.5 − 10 &lt; 0 → 0.5 ms. pCPU 1: C, 2 ms.
   *   <li>A therefore runs in 0.5 ms slices (the head is always a pCPU 1 vCPU with more credit)
   *       while B and C swap every 2 ms on pCPU 1: at 2.5 (B 9.5 → runs), 4.5 (C 8), 6.5 (B 7.5),
   *       8.5 (C 6.0); pCPU 1's timer is always armed before pCPU 0's, so it passes first.
   *   <li>10.0: A reaches 0 → reset on pCPU 0: A 0 → 10; B (queued, 5.5) → 15.5 clipped to 10.5;
   *       C (running on pCPU 1, last burnt at 8.5 with 6.0) → 10.5 and start_time 10: its
   *       1.5 ms since 8.5 is never charged (quirk §4.15.2, masked here by the clip).
   *   <li>10.5: C burns 0.5 → 10.0 &lt; B 10.5 → B; then 12.5 (C), ..., 18.5 (B 6.5); 20.0: A's
   *       second reset refills B (running) and C (6.0) to 10.5. B and C never reach 0 themselves.
   * </ol>
   * pCPU 0 runs A throughout with a pass every 0.5 ms (44 in [0,22)); pCPU 1 swaps at 0.5 and
   * every 2 ms after (12 passes): 56. Two resets, both on pCPU 0's runqueue.
   */
  @Test
  void h3ResetOnSharedRunqueue() {
    run("credit2-H3-shared-reset");
    Credit2Sim sim = ScenarioYaml.load(DIR + "credit2-H3-shared-reset.yaml");
    sim.runUntil(10_000_001);
    assertThat(sim.svc("A").credit).isEqualTo(10_000_000);
    assertThat(sim.svc("B").credit).isEqualTo(10_500_000);
    assertThat(sim.svc("C").credit).isEqualTo(10_500_000);
    assertThat(sim.svc("C").startTime).isEqualTo(10_000_000);
    sim.sim().runUntil(22_000_000);
    assertThat(runqueue(sim, 0)).containsEntry("resets", 2L).containsEntry("cpus", "0-1");
  }

  /**
   * H4a: the 4.7 tickle tries the woken vCPU's own pCPU first, although another pCPU of the
   * runqueue is idle (quirk §4.15.4). One runqueue {0,1}; hog A on pCPU 0; B on pCPU 0 wakes at
   * 1 ms and runs 1 ms.
   * <ol>
   *   <li>0: A alone, slice 2 ms.
   *   <li>1.0: B wakes; tickle step 1 burns A → 9.0 &lt; B 10 → tickle pCPU 0 (pCPU 1 idle).
   *       pCPU 0 takes B; re-queued A tickles: B 10 is not below 9.0, step 2 finds idle pCPU 1
   *       (cycle from 0), which pulls A at once (+50 µs, slice 2 ms).
   *   <li>2.0: B blocks, pCPU 0 goes idle. pCPU 1 keeps A (passes at 3.0, 5.0).
   * </ol>
   * (4.8 would have sent B to idle pCPU 1 and left A on pCPU 0.) Passes: 0, 1.0, 2.0 on pCPU 0;
   * 1.0, 3.0, 5.0 on pCPU 1: 6.
   */
  @Test
  void h4aTickleOwnPcpuFirst() {
    run("credit2-H4a-tickle-own-first");
  }

  /**
   * H4b: tickle step 2 takes the next idle pCPU after the vCPU's own, wrapping. One runqueue
   * ({@code all}) of pCPUs 0–3. B on pCPU 1 runs 2 ms from 0, then wakes at 3 ms for 1 ms; A on
   * pCPU 1 wakes at 2.5 ms and runs on.
   * <ol>
   *   <li>0: B runs, slice 2 ms; 2.0: B blocked with 8.0, pCPU 1 idle.
   *   <li>2.5: A wakes: pCPU 1 idle → tickled → A (slice 2 ms).
   *   <li>3.0: B wakes with 8.0; A burnt to 9.5 is not below it → step 2: idle untickled pCPUs
   *       {0,2,3}, {@code cycle(1)} = 2 → pCPU 2 runs B [3,4), then idles.
   *   <li>4.5: A continues on pCPU 1.
   * </ol>
   * pCPUs 0 and 3 stay idle. Passes: pCPU 1 at 0, 2.0, 2.5, 4.5; pCPU 2 at 3.0, 4.0: 6.
   */
  @Test
  void h4bTickleNextIdleAfterOwn() {
    run("credit2-H4b-tickle-idle-cycle");
  }

  /**
   * H5: a balancing decision between two runqueues, with the load averages worked out. Two
   * cores, per-core runqueues rq0 {0}, rq1 {1}; equal hogs A, B, C all on pCPU 0.
   *
   * <p>Timeline: a tickle never leaves the runqueue, so pCPU 1 is never woken and the three share
   * pCPU 0. From 0 the slices are all 0.5 ms (the runner's credit is always within 0.5 ms of the
   * queue head): A, B, C [1,2), A [2,2.5); then a 4.5 ms pattern from t0 = 3.0 + 4.5k, where at
   * t0 B runs with x = 9.0 − 1.5k and C, A wait with x: B continues; C; A, A continues; B; C,
   * C continues; A; B (continues at the next t0). The chosen credits in period k are x, x, x,
   * x−0.5 (three times), x−1 (three times), so the first chosen credit ≤ 0 is at k = 6, t = 30.0:
   * B continues with 0 → reset (all 0 → 10), then {@code balance_load}.
   *
   * <p>Loads at 30.0 ({@code t = 30e6 >> 10 = 29296}): rq0's only updates were the three wakes
   * at t = 0 (δ = 0: avgload 0, b_avgload kept at 3 · W/2 = 393216 from the inserts), so
   * avgload = 29296 · 3 = 87888 and b_avgload = 87888 + (W − 29296) · 1.5 = 437160. rq1 was never
   * updated: 0, 0. load_delta = 437160; the threshold uses rq1 (last visited), load_max 437160
   * ≥ W · 1 → over-loaded, 437160 ≥ W/8 → balance. Each vCPU's avgload: W/2 since t = 0, runnable
   * since → 29296 + (W − 29296)/2 = 145720. Push A (first in rq0's list): |437160 − 2·145720| =
   * 145720 &lt; 437160; B and C tie, not better. A is queued (B runs, queue C, A), so it moves at
   * once: rq0 load 3 → 2, b_avgload 437160 − 145720 = 291440; A's processor = the only pCPU of
   * rq1; rq1 b_avgload 145720, load 1; the tickle wakes idle pCPU 1, which runs A from 30.0 (no
   * compensation: processor already 1). pCPU 0: B finishes its 0.5 ms (head C 10), then C and B
   * swap 2 ms slices.
   *
   * <p>Passes in [0,36): pCPU 0 every 0.5 ms up to 30.0 (61), then 30.5, 32.5, 34.5; pCPU 1 at
   * 30.0, 32.0, 34.0: 67.
   */
  @Test
  void h5BalancePushBetweenRunqueues() {
    Credit2Sim sim = run("credit2-H5-balance-push");
    Credit2Private prv = sim.scheduler().priv();
    Credit2Runqueue rq0 = prv.rqd[0];
    Credit2Runqueue rq1 = prv.rqd[1];
    assertThat(rq0.avgload).isEqualTo(87888);
    assertThat(rq0.bAvgload).isEqualTo(291440);
    assertThat(rq0.load).isEqualTo(2);
    assertThat(rq1.avgload).isZero();
    assertThat(rq1.bAvgload).isEqualTo(145720);
    assertThat(rq1.load).isEqualTo(1);
    assertThat(sim.svc("A").avgload).isEqualTo(145720);
    assertThat(sim.svc("B").avgload).isEqualTo(145720);
    assertThat(sim.svc("A").rqd).isSameAs(rq1);
    assertThat(runqueue(sim, 0)).containsEntry("resets", 1L).containsEntry("balance_attempts", 1L)
        .containsEntry("balanced_out", 1L).containsEntry("balanced_in", 0L);
    assertThat(runqueue(sim, 1)).containsEntry("resets", 0L).containsEntry("balanced_in", 1L)
        .containsEntry("cpus", "1");
  }

  /**
   * H6a: hard affinity in the candidate walk and the tickle. One runqueue {0,1}; A and B both
   * pinned to pCPU 1. When re-queued vCPUs tickle, step 2 masks the idle pCPU 0 out by affinity
   * and step 3 only has pCPU 1 (skipped as the own pCPU), so pCPU 0 is never woken; pCPU 1 runs
   * exactly G6a's timeline (22 passes in [0,40)) and pCPU 0 stays idle with no pass at all.
   */
  @Test
  void h6aAffinityInTickleAndCandidate() {
    run("credit2-H6a-affinity-tickle");
  }

  /**
   * H6b: hard affinity in the balancer. H5 with A and B pinned to pCPU 0: everything up to the
   * reset at 30.0 is as in H5 (pCPU 0 is the only pCPU of rq0), and the loads are the same, but
   * A and B are not migrateable to rq1 (their affinity misses it), so the first migrateable push
   * candidate, C (queued), gives the same best difference 145720 and moves. pCPU 1 runs C from
   * 30.0; pCPU 0: B until 30.5, then A and B swap 2 ms slices. 67 passes.
   */
  @Test
  void h6bAffinityInBalancer() {
    Credit2Sim sim = run("credit2-H6b-affinity-balance");
    assertThat(sim.svc("C").rqd.id).isEqualTo(1);
    assertThat(sim.svc("A").rqd.id).isZero();
  }

  /**
   * H7: with a context-switch cost, close credits ping-pong at every switch (quirk §4.15.11). H1
   * (A 128 burns 4 credits/ns, B 512 burns 1) with {@code context_switch: 150us}: the next vCPU
   * is charged from the decision time, and context_saved (re-queue and tickle of the previous
   * vCPU) runs 0.15 ms later; a pass raised meanwhile waits for it.
   * <ol>
   *   <li>0: A (slice 0.5); 0.5: A 8 → B 10 (2 ms); context_saved(A) at 0.65 burns B to 9.85,
   *       not below 8: no tickle.
   *   <li>2.5: B 8.0 (charged from 0.65), A 8 not &gt; 8 → B continues 0.5 ms; 3.0: B 7.5 → A 8
   *       (c2t 2 ms).
   *   <li>3.15: context_saved(B) burns A for 0.15 ms → 7.4 &lt; B 7.5 → tickle → pass: B; 3.3:
   *       context_saved(A) burns B → 7.35 &lt; A 7.4 → A (c2t 1.85 ms); 3.45: A burnt to 6.8
   *       &lt; 7.35 → B (2 ms); at 3.6 B is burnt to 7.2, not below 6.8: the ping-pong ends.
   *   <li>5.45: B 5.35 → A 6.8 (c2t 1.7 ms); 7.15: A 0 → B 5.35 (2 ms); 9.15, 11.15: B continues
   *       (rt 3.35 → 2 ms, then 1.35 ms); 12.5: B 0, A 0 → B continues, reset → 10, 10; 0.5 ms.
   *   <li>13.0: A 10 &gt; B 9.5 → A; 13.15 B (A burnt 9.4 &lt; 9.5), 13.3 A (B 9.35 &lt; 9.4),
   *       13.45 B (A 8.8 &lt; 9.35), 2 ms; 15.45: A 8.8 &gt; B 7.35 → A.
   * </ol>
   * Passes in [0,16): 0, 0.5, 2.5, 3.0, 3.15, 3.3, 3.45, 5.45, 7.15, 9.15, 11.15, 12.5, 13.0, 13.15,
   * 13.3, 13.45, 15.45: 17.
   */
  @Test
  void h7SwitchCostPingPong() {
    run("credit2-H7-switch-cost-pingpong");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> runqueue(Credit2Sim sim, int id) {
    List<Map<String, Object>> rqs =
        (List<Map<String, Object>>) sim.scheduler().summary().get("runqueues");
    return rqs.stream().filter(m -> m.get("id").equals(id)).findFirst().orElseThrow();
  }
}
