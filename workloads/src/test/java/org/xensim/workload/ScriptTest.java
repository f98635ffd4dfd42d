package org.xensim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScriptTest {
  private static String scenario(String steps) {
    return """
        duration: 20ms
        xen: {sched: fifo}
        domains:
          - {name: A, workload: {type: script, steps: %s}}
        """.formatted(steps);
  }

  @Test
  void playsItsStepsExactlyOnAnUncontendedHost() {
    JsonNode v = Scenarios.run(scenario("[\"run 1ms\", \"wake 5ms\", \"run 2ms\", \"wake 10ms\", \"run 500us\"]"))
        .get("domains").get(0).get("vcpus").get(0);
    // Woken at 0 (it starts with run), then at 5 and 10 ms: 1 + 2 + 0.5 ms of CPU.
    assertThat(v.get("cpu_ns").asLong()).isEqualTo(3_500_000L);
    assertThat(v.get("wakes").asLong()).isEqualTo(3);
  }

  @Test
  void aWakeBeforeThePreviousOneIsAValidationError() {
    assertThat(Scenarios.problems(scenario("[\"wake 5ms\", \"run 2ms\", \"wake 4ms\", \"run 1ms\"]"), Path.of("")))
        .containsExactly("domains[0].workload.steps[2]: wake 4ms \u2014 expected a wake time not "
            + "already past: at least 5ms (the previous wake)");
  }

  @Test
  void aWakeInsideThePreviousRunFiresWhenTheRunEnds() {
    // Woken at 1 ms for 2 ms of work: the wake at 2 ms falls inside that run, so the vCPU blocks
    // at 3 ms and is woken again at once for its next 1 ms.
    JsonNode v = Scenarios.run(scenario("[\"wake 1ms\", \"run 2ms\", \"wake 2ms\", \"run 1ms\"]"))
        .get("domains").get(0).get("vcpus").get(0);
    assertThat(v.get("cpu_ns").asLong()).isEqualTo(3_000_000L);
    assertThat(v.get("wakes").asLong()).isEqualTo(2);
  }

  @Test
  void badStepsNameTheirIndex() {
    assertThat(Scenarios.problems(scenario("[\"sleep 1ms\", \"run 5\"]"), Path.of("")))
        .containsExactly(
            "domains[0].workload.steps[0]: sleep 1ms \u2014 expected \"wake T\" or \"run D\" with a duration, e.g. \"run 1.5ms\"",
            "domains[0].workload.steps[1]: run 5 \u2014 expected a duration with a unit (ns, us, ms, s, m, h), e.g. 10ms after run");
  }
}
