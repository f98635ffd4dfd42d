package org.xensim.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RandomStreamsTest {
  @Test
  void aStreamGivesTheSameNumbersWhateverOtherStreamsAreDrawn() {
    RandomStreams quiet = new RandomStreams(42, 0);
    RandomStreams busy = new RandomStreams(42, 0);
    busy.stream("web-0.0.arrival").nextLong();
    busy.stream("credit2.cpumask_any").nextInt(8);
    for (int i = 0; i < 100; i++) {
      assertThat(busy.stream("db.0.service").nextLong())
          .isEqualTo(quiet.stream("db.0.service").nextLong());
    }
  }

  @Test
  void namesSeedsAndReplicationsGiveDifferentStreams() {
    long a = new RandomStreams(42, 0).stream("x").nextLong();
    assertThat(new RandomStreams(42, 0).stream("y").nextLong()).isNotEqualTo(a);
    assertThat(new RandomStreams(43, 0).stream("x").nextLong()).isNotEqualTo(a);
    assertThat(new RandomStreams(42, 1).stream("x").nextLong()).isNotEqualTo(a);
    assertThat(new RandomStreams(42, 0).stream("x").nextLong()).isEqualTo(a);
  }

  @Test
  void replicationZeroKeepsTheScenarioSeedAndOthersAreDerived() {
    assertThat(RandomStreams.replicationSeed(42, 0)).isEqualTo(42);
    assertThat(RandomStreams.replicationSeed(42, 1)).isNotEqualTo(42)
        .isEqualTo(RandomStreams.replicationSeed(42, 1)).isNotNegative();
  }
}
