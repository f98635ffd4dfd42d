package org.xensim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.xensim.core.time.Time;

/** {@code onoff}: busy and idle phases in wall time. */
class OnOffTest {

  /** on 2 ms, off 6 ms, from an on phase at 0: busy [0,2), [8,10), … — 13 phases in 100 ms. */
  @Test
  void fixedPhasesAlternateExactly() {
    JsonNode v = Scenarios.vcpu(Scenarios.run("""
        duration: 100ms
        xen: {sched: fifo}
        domains:
          - {name: b, workload: {type: onoff, on: 2ms, off: 6ms}}
        """), "b", 0);
    assertThat(v.get("wakes").asLong()).isEqualTo(13);
    assertThat(v.get("cpu_ns").asLong()).isEqualTo(Time.ms(26));
  }

  @Test
  void startOffBeginsWithAnIdlePhase() {
    JsonNode v = Scenarios.vcpu(Scenarios.run("""
        duration: 100ms
        xen: {sched: fifo}
        domains:
          - {name: b, workload: {type: onoff, on: 2ms, off: 6ms, start: off}}
        """), "b", 0);
    // busy [6,8), [14,16), … [94,96): 12 phases
    assertThat(v.get("cpu_ns").asLong()).isEqualTo(Time.ms(24));
  }

  /**
   * Exponential on (mean 2 ms) and off (mean 6 ms) over 100 s (12 500 cycles): utilisation
   * 2 / (2 + 6) within 3 % (its standard error is about 1 %). Sharing the only pCPU with a
   * hog does not stretch the phases, which are wall time: the guest gets less CPU, but it still
   * wakes about once per on phase (within 5 % of the uncontended count: a guest preempted as its
   * on phase ends blocks only once it runs again, up to a 1 ms FIFO slice later, so the shortest
   * off phases, about 4 % of them here, pass without a block).
   */
  @Test
  void utilisationConvergesAndContentionDoesNotStretchThePhases() {
    String phases = "{type: onoff, on: {dist: exponential, mean: 2ms}, "
        + "off: {dist: exponential, mean: 6ms}}";
    JsonNode alone = Scenarios.vcpu(Scenarios.run("""
        duration: 100s
        xen: {sched: fifo}
        domains:
          - {name: b, workload: %s}
        """.formatted(phases)), "b", 0);
    assertThat(alone.get("share").asDouble()).isCloseTo(0.25, within(0.0075));
    long phasesRun = alone.get("wakes").asLong();
    assertThat(phasesRun).isBetween(12_000L, 13_000L);

    JsonNode shared = Scenarios.vcpu(Scenarios.run("""
        duration: 100s
        xen: {sched: fifo}
        domains:
          - {name: b, workload: %s}
          - {name: hog, workload: {type: cpu-hog}}
        """.formatted(phases)), "b", 0);
    assertThat(shared.get("share").asDouble()).isLessThan(0.2);
    assertThat((double) shared.get("wakes").asLong())
        .isCloseTo(phasesRun, within(0.05 * phasesRun));
  }
}
