package org.xensim.sched.rtds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project's shared RTDS goldens (copied unchanged from {@code shared/golden/} into
 * {@code golden/shared/}): G10, hand-derived in {@code golden-examples.md}, and the six
 * {@code diff-*} timelines measured on Xen's own {@code sched_rt.c} (4.7 and 4.6). Each runs end
 * to end through the scenario loader and runner and is checked as {@code check-timeline} checks.
 */
class SharedGoldenTest {
  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"rtds-G10", "diff-rtds-p1", "diff-rtds-p2", "diff-rtds-p3",
      "diff-rtds46-p1", "diff-rtds46-p2", "diff-rtds46-p3"})
  void matchesTimeline(String name) {
    assertThat(GoldenRun.check("shared", name, tmp)).isEmpty();
  }
}
