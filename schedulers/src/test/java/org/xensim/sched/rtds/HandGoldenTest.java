package org.xensim.sched.rtds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-derived RTDS goldens ({@code golden/rtds/<name>.yaml} + {@code .json}), run end to end.
 * Every expected number comes from the rules of spec §5 (4.7) and §6 (4.6) and the event order
 * of §9, worked out below; none was copied from the model's output. Conventions: zero costs;
 * vCPUs created at 0 in listed order with deadlines on the grid (§5.4, §9 rule 11); hogs woken
 * at 0 in listed order before any pass (§9 rule 5); "pass" = one do_schedule call; "spurious" =
 * the extra pass a depleted re-queue tickles (§5.12.2); at one instant timers fire in arming
 * order and before the passes they raise (§9 rules 1, 2, 7). Notation X(d, b): deadline d,
 * budget b, in ms.
 */
class HandGoldenTest {
  @TempDir
  Path tmp;

  private void check(String name) {
    assertThat(GoldenRun.check("rtds", name, tmp)).isEmpty();
  }

  /**
   * EDF on one pCPU: A (1 ms / 4 ms), B (2 / 6), C (3 / 12), hogs.
   *
   * <ol>
   *   <li>0: runq [A(4,1), B(6,2), C(12,3)], replq head A, timer at 4. Pass: A, slice 1.
   *   <li>1: A depleted, B runs (slice 2); A's re-queue tickles (4 &lt; 6): spurious pass keeps
   *       B. 3: B depleted, C runs (slice 3); spurious (6 &lt; 12).
   *   <li>4: timer refills A (8, 1) from the depleted queue and tickles (8 &lt; 12). Pass: C has
   *       2 left; A preempts. 5: A depleted, C runs (slice 2 -> 7); spurious (8 &lt; 12).
   *   <li>6: timer refills B (12, 2); its tickle needs a strictly earlier deadline than running
   *       C's 12: none, C keeps the pCPU. 7: C depleted, B runs (slice 2); C's tickle: 12 = 12,
   *       none. 8: A refilled (12, 1), tie with running B, no tickle. 9: B depleted, A runs; no
   *       tickle (tie). 10: A depleted, idle; spurious (step 1, idle pCPU).
   *   <li>12: A, B, C refilled to (16,1) (18,2) (24,3): the state of t = 0 shifted by 12 ms.
   * </ol>
   *
   * <p>Runs per 12 ms: A [0,1) B [1,3) C [3,4) A [4,5) C [5,7) B [7,9) A [9,10). Passes per 12 ms:
   * 0, 1, 1, 3, 3, 4, 5, 5, 7, 9, 10, 10 = 12, so 24 in [0, 24). CPU at 24: A 6, B 8, C 6; every
   * vCPU gets its budget in every period (no budget miss).
   */
  @Test
  void edfOnOnePcpu() {
    check("rtds-edf-1cpu");
  }

  /**
   * Global EDF on two pCPUs with migrations: A (6 ms / 10 ms) on pCPU 0, B (6 / 10) on pCPU 1,
   * C (3 / 5) on pCPU 0, hogs.
   *
   * <ol>
   *   <li>0: wakes tickle 0 (A), 1 (B), 0 (C, coalesced); runq [C(5), B(10), A(10)] (LIFO tie).
   *       Pass 0 (raised first): C, slice 3. Pass 1: B, slice 6.
   *   <li>3: C depleted; pCPU 0 takes A (slice 6 -> 9). C's tickle: no idle pCPU, latest
   *       deadline A(10) on pCPU 0 (B's equal 10 on pCPU 1 does not replace it), 5 &lt; 10: spurious
   *       pass on 0 keeps A.
   *   <li>5: timer refills C (10, 3); tickle: 10 is not earlier than 10: none. 6: B depleted on
   *       pCPU 1, which takes C: migration 0 -> 1 (slice 3 -> 9). B's tickle: none (tie).
   *   <li>9: A's slice (armed at 3) fires before C's (armed at 6): pass 0 (A depleted, idle,
   *       tickles its idle pCPU 0), pass 1 (C depleted, idle, tickles 1), then both spurious.
   *   <li>10: timer refills C (15,3), B (20,6), A (20,6) in replq order; runq [C, A, B]; the
   *       tickles (list order A, B, C) raise 0 (A's processor) then 1 (B's and C's). Pass 0
   *       takes C (1 -> 0), pass 1 takes A (0 -> 1).
   *   <li>13: C depleted on 0, B moves 1 -> 0 (slice 6 -> 19); C's tickle picks pCPU 0 (B(20)
   *       is found first): spurious on 0. 15: C refilled (20, 3), tie, no tickle. 16: A
   *       depleted on 1, C moves 0 -> 1 (slice 3 -> 19). 19: passes 0, 1, spurious 0, 1.
   *   <li>20: refills in replq order C (25), B (30), A (30): runq [C, A, B]; tickles raise 1
   *       (A's processor) first, then 0 (B's). Pass 1 takes C (no move), pass 0 takes A (1 -> 0).
   *   <li>23: C depleted on 1, B moves 0 -> 1; C's tickle: latest deadline A(30) on pCPU 0 is
   *       found first, so pCPU 0 gets the spurious pass (A burns 3, keeps running, slice 3 ->
   *       26). 25: C refilled (30), tie. 26: A depleted on 0, C moves 1 -> 0 (slice 3 -> 29).
   *       29: B's slice (armed 23) before C's (armed 26): passes 1, 0, spurious 1, 0.
   * </ol>
   *
   * <p>Passes: 2+2+1+4+2+2+1+4+2+2+1+4 = 27. CPU 18 ms each; migrations A 2, B 2, C 4; C gets 3
   * ms in every 5 ms period, A and B 6 in every 10 (no budget miss).
   */
  @Test
  void globalEdfOnTwoPcpusWithMigrations() {
    check("rtds-gedf-2cpu");
  }

  /**
   * The deferrable server (spec §5.9, quirks §5.12.1 and §5.12.8): H (12 ms / 20 ms) hog, S
   * (3 ms / 10 ms) scripted: run 1, wake at 9 and run 4, wake at 24 and run 3.
   *
   * <ol>
   *   <li>0: S(10, 3) before H(20, 12); S runs, blocks at 1 with 2 ms of budget left; its
   *       context_saved removes it from replq (timer re-armed at 20). H runs (slice 12).
   *   <li>9: S wakes before its deadline: keeps 2 ms and deadline 10 (deferrable server), tickles
   *       (10 &lt; 20); H burns 8 (4 left); S runs with slice 2.
   *   <li>10: the timer refills running S in place: (20, 3), last_start stays 9. Tie with
   *       queued H(20): no tickle. 11: S's slice ends, burn charges 11 - 9 = 2 ms (1 ms of the
   *       old period, quirk §5.12.1): 1 left, S keeps the pCPU (tie, running wins); 12: S
   *       depleted after one contiguous budget [9, 12) (the b &gt; x case of §5.12.8), 1 ms of
   *       work still to do. H runs its 4 ms to 16; idle (plus spurious pass) until 20.
   *   <li>20: both refilled: S(30, 3) runs [20, 21) and blocks with 2 left; H(40, 12) runs.
   *   <li>24: S wakes with 2 ms and 6 ms to its deadline (b &lt;= x): runs [24, 26), depleted
   *       (spurious pass: 30 &lt; 40); 30: refilled S(40, 3) ties with running H(40): no tickle,
   *       waits. 35: H depleted (burned 3 + 9 = 12); S runs [35, 36), blocks for good. 40: H
   *       refilled, runs [40, 52).
   * </ol>
   *
   * <p>Passes: 0, 1, 9, 11, 12, 16, 16, 20, 21, 24, 26, 26, 35, 36, 40 = 15. CPU at 50: S 8, H 34.
   * Budget misses: S twice: in [0, 10) it ran 2 &lt; 3 and was running at 10; in [10, 20) it
   * ran 2 (charged 3) and was waiting, depleted, at 20. None for H (12 in each period).
   */
  @Test
  void deferrableServer() {
    check("rtds-deferrable");
  }

  /**
   * Replenishment while running (quirk §5.12.1, spec golden G14): A with budget = period = 10 ms,
   * alone. 0: A runs, slice 10. 10: the replenishment timer (armed at 0) fires before the slice
   * timer (armed at the pass): A is refilled to (20, 10) in place, last_start stays 0; runq is
   * empty so nothing is tickled. The pass then charges 10 - 0 = 10 ms to the fresh budget: A is
   * depleted, the pCPU idles (plus the spurious pass of A's depleted re-queue) until 20, when
   * the timer refills A and tickles. Runs [0, 10), [20, 30): 50 % instead of 100 %. Passes: 0,
   * 10, 10, 20, 30, 30 = 6. Budget misses 2: [10, 20) and [30, 40), runnable and served 0.
   */
  @Test
  void replenishmentWhileRunningChargesTheOldPeriod() {
    check("rtds-replenish-running");
  }

  /**
   * EDF ties (quirk §5.12.4): P (3 ms / 10 ms), Q (3 / 10), R (1 / 5), hogs woken P, Q, R.
   *
   * <ol>
   *   <li>0: runq [R(5), Q(10), P(10)]: Q, woken after P, is queued before it (LIFO). R runs.
   *   <li>1: R depleted, Q runs; R's re-queue tickles (5 &lt; 10); in that pass Q and the queue
   *       head P tie and the running Q keeps the pCPU.
   *   <li>4: Q depleted, P runs. 5: R refilled (10, 1), tie with running P: a tickle needs a
   *       strictly earlier deadline, so R waits until P is depleted at 7. R runs [7, 8); idle.
   *   <li>10: refills in replq order R, Q, P, each inserted before equal deadlines: runq
   *       [R(15), P(20), Q(20)]: P now runs before Q. R [10,11), P [11,14) (spurious pass at 11
   *       keeps P in the tie), Q [14,17); 15: R(20) waits again (tie); R [17,18); idle.
   *   <li>20: the same refill order as at 10: [20, 30) repeats [10, 20).
   * </ol>
   *
   * <p>Passes in [0, 10): 0, 1, 1 (spurious), 4, 7, 8, 8 (spurious, idle) = 7; the same 7 in
   * each later 10 ms: 21 in [0, 30). No budget misses.
   */
  @Test
  void edfTies() {
    check("rtds-edf-tie");
  }

  /**
   * A deadline missed because of a tie (overload): A (2.5 ms / 10 ms) and B (100 ms / 100 ms),
   * hogs. Every 10 ms the timer refills A, which tickles (deadline 10k + 10 &lt; 100) and runs
   * 2.5 ms; B runs the rest (passes per period: refill, A depleted, spurious = 3). At 90 A is
   * refilled to deadline 100, equal to running B's: no tickle (strictly earlier needed), B keeps
   * its slice (40 ms left, to 122.5) and A gets nothing in [90, 100). Runs A [10k, 10k+2.5),
   * B [10k+2.5, 10k+10) for k &lt; 9, then B [82.5, 100). Passes 1 + 2 + 8 x 3 = 27. CPU A 22.5,
   * B 77.5. Budget misses: A in [90, 100), B in [0, 100) (77.5 &lt; 100, still runnable).
   */
  @Test
  void deadlineMissedBecauseOfATie() {
    check("rtds-edf-tie-miss");
  }

  /**
   * 4.7 side of the quantum contrast (spec §6.2, golden G13): A (2.5 ms / 10 ms), B (200 ms /
   * 200 ms) soaks up the rest and never has the earlier deadline. Per 10 ms: the refill of A
   * tickles (A's deadline is earlier) and A preempts B; A runs exactly its budget (slice =
   * remaining budget, 2.5 ms) and is depleted; its re-queue tickles a spurious pass. 3 passes per
   * period (the first period: the wake pass instead of the refill), 30 in [0, 100). CPU A 25,
   * B 75; no budget miss (B's first period ends at 200).
   */
  @Test
  void eventDrivenSideOfTheQuantumContrast() {
    check("rtds-quantum-contrast");
  }

  /**
   * 4.6 quantum overrun and invocation count (spec §6.1, golden G13), same vCPUs as
   * {@link #eventDrivenSideOfTheQuantumContrast}. A's quantum is min(2.5, MAX_SCHEDULE) = 1 ms:
   * passes at 0, 1, 2 leave it 1.5, 0.5; the pass at 3 burns 1 ms more and clamps to 0, so A ran
   * 3 ms (0.5 ms overrun, free). Its re-queue goes to the depleted queue and, the run queue being
   * empty, tickles nobody. B runs in 1 ms quanta (passes at 4 … 9). At 10 B's quantum pass scans
   * the depleted queue, refills A (20, 2.5), and A (earlier deadline) takes the pCPU. So A runs
   * [10k, 10k+3), B [10k+3, 10k+10), one pass every ms: 100 passes in [0, 100) against 4.7's 30,
   * and no idle re-polls (the pCPU is never idle). CPU A 30, B 70; no budget miss.
   */
  @Test
  void quantumOverrunAndInvocationCount() {
    check("rtds46-quantum-overrun");
  }

  /**
   * 4.6 idle re-polls ({@code xen.rtds46_idle_repoll: 300us}, spec §10.1): A (2 ms / 10 ms) alone.
   * Passes at 0 and 1 (A's 1 ms quanta) and 2 (A depleted: idle). Xen's idle slice of 0 is
   * modelled as a re-poll every 300 us: passes at 2.3, 2.6, …; each scans the depleted queue.
   * The 27th, at 2 + 27 x 0.3 = 10.1, is the first at or after A's deadline 10: it refills A
   * (deadline 20) and runs it, 0.1 ms late. A runs [10.1, 12.1) (passes 11.1, 12.1), re-polls
   * 12.4 … 20.2 (27) refill it at 20.2: [20.2, 22.2), then re-polls 22.5 … 29.7 (25; the next is
   * at 30.0, the end). Schedule calls (re-polls excluded): 0, 1, 2, 11.1, 12.1, 21.2, 22.2 = 7;
   * idle re-polls 27 + 27 + 25 = 79. A gets 2 ms in every period: no budget miss.
   */
  @Test
  void idleRepollsAreCountedApartAndDelayReplenishment() {
    check("rtds46-idle-repoll");
  }

  /**
   * Tickle pile-up (quirk §5.12.3): two pCPUs, A and B (4 ms / 10 ms) both created on pCPU 0.
   * At 0 both wakes tickle pCPU 0 through step 1 (its own pCPU is idle), the second one without
   * looking at the tickled mask, so pCPU 1 is never woken: runq [B, A] (LIFO tie), pCPU 0 runs B
   * and A waits. 4: B depleted, pCPU 0 takes A; B's re-queue tickle finds idle pCPU 1 in step 2
   * and tickles it for nothing (runq empty). 8: A depleted; spurious pass on idle pCPU 0. 10:
   * refill order B, A puts A first (runq [A, B]) and both tickles go to pCPU 0 again: A [10, 14),
   * B [14, 18) (the tickle at 14 again wakes pCPU 1 for nothing). 20 repeats 10. pCPU 1 never
   * runs anything. Passes per 10 ms: 1 + 2 + 2 = 5, 15 in [0, 30). No migration, no miss.
   */
  @Test
  void tickleStepOnePilesWakesOntoOnePcpu() {
    check("rtds-tickle-pileup");
  }

  /**
   * Per-vCPU parameters ({@code vcpu_params}, {@code xl sched-rtds -v}): domain A with two vCPUs,
   * 2 ms / 10 ms for the domain and 1 ms / 5 ms for vCPU 1. At 0: A.1 (5, 1) before A.0 (10, 2).
   * A.1 [0, 1), depleted, tickle 5 &lt; 10: spurious; A.0 [1, 3), depleted, idle pCPU: spurious.
   * 5: A.1 refilled, tickles the idle pCPU: [5, 6), spurious. 10: refills A.1 (15) and A.0 (20):
   * A.1 [10, 11), A.0 [11, 13), A.1 [15, 16); 20 repeats 10. Passes per 10 ms: 0, 1, 1, 3, 3, 5,
   * 6, 6 = 8, 24 in [0, 30). CPU 6 ms each; no miss.
   */
  @Test
  void perVcpuParameters() {
    check("rtds-vcpu-params");
  }
}
