package org.xensim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xensim.core.time.Time;

/** {@code hz}: guest timer ticks on any workload type. */
class GuestTicksTest {

  /** An idle guest at 250 Hz from phase 0: 250 wakes in 1 s, each running the 5 us handler. */
  @Test
  void anIdleGuestWakesBrieflyOnEveryTick() {
    JsonNode v = Scenarios.vcpu(Scenarios.run("""
        duration: 1s
        xen: {sched: fifo}
        domains:
          - {name: idle, workload: {type: script, steps: ["wake 10s", "run 1ms"], hz: 250,
                                    tick_phase: 0ms}}
        """), "idle", 0);
    assertThat(v.get("wakes").asLong()).isEqualTo(250);
    assertThat(v.get("cpu_ns").asLong()).isEqualTo(250 * Time.us(5));
  }

  /** A busy guest takes its ticks without waking: a hog wakes once, whatever its hz. */
  @Test
  void aBusyGuestTakesTicksWithoutWaking() {
    JsonNode v = Scenarios.vcpu(Scenarios.run("""
        duration: 1s
        xen: {sched: fifo}
        domains:
          - {name: hog, workload: {type: cpu-hog, hz: 1000}}
        """), "hog", 0);
    assertThat(v.get("wakes").asLong()).isEqualTo(1);
    assertThat(v.get("share").asDouble()).isEqualTo(1.0);
  }

  /**
   * Ticks at 1 kHz from 0.5 ms, cost 10 us, on an io guest (1 ms bursts, 3 ms blocks): a tick
   * landing in a burst lengthens it by the handler's 10 us (bursts [0, 1.01) and [4.01, 5.02)
   * ms, the second block starting 3 ms after the first burst ended), and a tick in a block wakes
   * the guest for 10 us ([1.5, 1.51) ms, …).
   */
  @Test
  void ticksStretchBurstsAndWakeBlockedGuests() {
    RunIntervals runs = new RunIntervals();
    Scenarios.run("""
        duration: 6ms
        xen: {sched: fifo}
        domains:
          - {name: io, workload: {type: io, burst: 1ms, block: 3ms, hz: 1000, tick_cost: 10us,
                                  tick_phase: 500us}}
        """, runs);
    runs.close(Time.ms(6));
    assertThat(runs.of("io.0")).startsWith("0-1010000", "1500000-1510000", "2500000-2510000",
        "3500000-3510000", "4010000-5020000");
  }

  @Test
  void badTickKeysAreReported() {
    List<String> p = Scenarios.problems("""
        duration: 1s
        xen: {sched: fifo}
        domains:
          - {name: a, workload: {type: cpu-hog, hz: 100, tick_cost: 10ms}}
          - {name: b, workload: {type: cpu-hog, tick_cost: 10us}}
          - {name: c, workload: {type: cpu-hog, hz: 0}}
        """);
    assertThat(p).containsExactly(
        "domains[0].workload.tick_cost: 10ms \u2014 expected a duration above 0 and below the "
            + "tick period (10ms at hz 100)",
        "domains[1].workload.hz: (missing) \u2014 expected the tick rate (e.g. hz: 250) when "
            + "tick_cost or tick_phase is given",
        "domains[2].workload.hz: 0 \u2014 expected an integer from 1 to 10000");
  }
}
