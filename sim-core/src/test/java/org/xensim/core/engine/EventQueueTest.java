package org.xensim.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class EventQueueTest {
  private final Simulation sim = new Simulation(1, 0);
  private final List<String> fired = new ArrayList<>();

  private Timer timer(String name) {
    return sim.newTimer(0, () -> fired.add(name + "@" + sim.now()));
  }

  @Test
  void firesInTimeOrder() {
    timer("c").set(30);
    timer("a").set(10);
    timer("b").set(20);
    sim.runUntil(100);
    assertThat(fired).containsExactly("a@10", "b@20", "c@30");
  }

  @Test
  void tiesFireInArmingOrder() {
    Timer first = timer("first");
    Timer second = timer("second");
    Timer third = timer("third");
    second.set(5);
    first.set(5);
    third.set(5);
    sim.runUntil(10);
    assertThat(fired).containsExactly("second@5", "first@5", "third@5");
  }

  @Test
  void reArmingTakesAFreshSequenceNumber() {
    Timer a = timer("a");
    Timer b = timer("b");
    a.set(5);
    b.set(5);
    a.set(5); // same expiry, armed again: now after b
    sim.runUntil(10);
    assertThat(fired).containsExactly("b@5", "a@5");
  }

  @Test
  void reArmMovesATimerEarlierOrLater() {
    Timer a = timer("a");
    Timer b = timer("b");
    a.set(50);
    b.set(20);
    a.set(10);
    b.set(60);
    sim.runUntil(100);
    assertThat(fired).containsExactly("a@10", "b@60");
  }

  @Test
  void stoppedTimersDoNotFireAndMayBeRearmed() {
    Timer a = timer("a");
    a.set(10);
    assertThat(a.isActive()).isTrue();
    a.stop();
    assertThat(a.isActive()).isFalse();
    a.stop(); // stopping twice is harmless, as stop_timer()
    sim.runUntil(20);
    assertThat(fired).isEmpty();
    a.set(30);
    sim.runUntil(40);
    assertThat(fired).containsExactly("a@30");
  }

  @Test
  void runUntilStopsBeforeTheEndAndAdvancesTheClock() {
    timer("a").set(10);
    timer("b").set(20);
    sim.runUntil(20);
    assertThat(fired).containsExactly("a@10");
    assertThat(sim.now()).isEqualTo(20);
    sim.runUntil(21);
    assertThat(fired).containsExactly("a@10", "b@20");
  }

  @Test
  void aHandlerMayArmTimersForTheSameInstant() {
    Timer later = timer("later");
    sim.newTimer(0, () -> {
      fired.add("first@" + sim.now());
      later.set(sim.now());
    }).set(7);
    sim.runUntil(8);
    assertThat(fired).containsExactly("first@7", "later@7");
  }

  @Test
  void anExpiryInThePastFiresAtOnceAndTimeNeverGoesBack() {
    Timer late = timer("late");
    sim.newTimer(0, () -> {
      fired.add("first@" + sim.now());
      late.set(sim.now() - 5);
    }).set(10);
    timer("after").set(10);
    sim.runUntil(20);
    assertThat(fired).containsExactly("first@10", "after@10", "late@10");
  }

  /** Property: whatever the arm/re-arm/stop sequence, events come out sorted by (time, seq). */
  @RepeatedTest(20)
  void matchesASortedReferenceUnderRandomOperations() {
    long seed = System.nanoTime();
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    EventQueue q = new EventQueue();
    int n = 200;
    Timer[] timers = new Timer[n];
    long[] when = new long[n];
    long[] seqOf = new long[n];
    boolean[] active = new boolean[n];
    long seq = 0;
    for (int i = 0; i < n; i++) {
      timers[i] = q.newTimer(0, () -> {});
    }
    for (int op = 0; op < 2000; op++) {
      int i = rng.nextInt(n);
      if (rng.nextInt(4) == 0) {
        timers[i].stop();
        active[i] = false;
      } else {
        long t = rng.nextInt(50);
        timers[i].set(t);
        when[i] = t;
        seqOf[i] = seq++;
        active[i] = true;
      }
    }
    long lastWhen = -1;
    long lastSeq = -1;
    int count = 0;
    while (!q.isEmpty()) {
      Timer t = q.poll();
      int i = indexOf(timers, t);
      assertThat(active[i]).as("seed %d: fired a stopped timer", seed).isTrue();
      assertThat(when[i] > lastWhen || (when[i] == lastWhen && seqOf[i] > lastSeq))
          .as("seed %d: order", seed).isTrue();
      lastWhen = when[i];
      lastSeq = seqOf[i];
      active[i] = false;
      count++;
    }
    int expected = 0;
    for (boolean a : active) {
      expected += a ? 1 : 0;
    }
    assertThat(expected).as("seed %d: every armed timer fired", seed).isZero();
    assertThat(count).isPositive();
  }

  /**
   * Property: handlers that arm timers for the current instant (the "due now" FIFO), later
   * instants, re-arm and cancel, still see every event in (expiry, arming sequence) order.
   */
  @RepeatedTest(20)
  void handlersArmingForNowKeepTheOrder() {
    long seed = System.nanoTime();
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
    Simulation s = new Simulation(1, 0);
    int n = 40;
    Timer[] timers = new Timer[n];
    long[] when = new long[n];
    long[] seqOf = new long[n];
    boolean[] active = new boolean[n];
    long[] seq = {0};
    List<String> problems = new ArrayList<>();
    int[] fired = {0};
    for (int i = 0; i < n; i++) {
      int id = i;
      timers[i] = s.newTimer(0, () -> {
        // The reference: the active timer with the least (when, seq) must be this one.
        int best = -1;
        for (int k = 0; k < n; k++) {
          if (active[k] && (best < 0 || when[k] < when[best]
              || (when[k] == when[best] && seqOf[k] < seqOf[best]))) {
            best = k;
          }
        }
        if (best != id || when[id] != s.now()) {
          problems.add("seed " + seed + ": fired " + id + "@" + s.now() + ", expected " + best);
        }
        active[id] = false;
        fired[0]++;
        for (int op = rng.nextInt(4); op > 0; op--) {
          int k = rng.nextInt(n);
          if (rng.nextInt(5) == 0) {
            timers[k].stop();
            active[k] = false;
          } else {
            long t = s.now() + (rng.nextBoolean() ? 0 : rng.nextInt(3));
            timers[k].set(t);
            when[k] = t;
            seqOf[k] = seq[0]++;
            active[k] = true;
          }
        }
      });
    }
    for (int i = 0; i < n; i++) {
      long t = rng.nextInt(5);
      timers[i].set(t);
      when[i] = t;
      seqOf[i] = seq[0]++;
      active[i] = true;
    }
    s.runUntil(200);
    assertThat(problems).isEmpty();
    assertThat(fired[0]).isGreaterThan(n);
  }

  private static int indexOf(Timer[] ts, Timer t) {
    for (int i = 0; i < ts.length; i++) {
      if (ts[i] == t) {
        return i;
      }
    }
    throw new AssertionError();
  }
}
