package org.xensim.sched.rtds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shared goldens, built by hand on the generic layer (scaffolding until the runner). */
class SharedGoldenDirectTest {
  private static final Path GOLDEN = Path.of("/work/shared/golden");

  private static void check(String name, RtdsSim sim) {
    GoldenTimeline g = GoldenTimeline.read(GOLDEN.resolve(name + ".json"));
    sim.run(g.untilNs);
    assertThat(g.differences(sim.timeline)).isEmpty();
  }

  @Test
  void g10() {
    check("rtds-G10", new RtdsSim(1, "4.7").hogs("v1", 1, "5ms", "2ms", 0, null)
        .hogs("v2", 1, "10ms", "3ms", 0, null));
  }

  @Test
  void p1() {
    check("diff-rtds-p1", new RtdsSim(2, "4.7").hogs("A", 1, "5ms", "1.64ms", 0, "0")
        .hogs("B", 1, "50ms", "12.509ms", 0, null).hogs("C", 1, "25ms", "7.086ms", 0, "0-1"));
  }

  @Test
  void p2() {
    check("diff-rtds-p2", new RtdsSim(2, "4.7").hogs("A", 2, "42.999ms", "21.499ms", 1, "0-1")
        .hogs("B", 1, "10ms", "2.659ms", 0, "0-1"));
  }

  @Test
  void p3() {
    check("diff-rtds-p3", new RtdsSim(2, "4.7").hogs("A", 1, "10ms", "2.957ms", 1, null)
        .hogs("B", 2, "19.272ms", "10.029ms", 1, "1"));
  }

  @Test
  void q1() {
    check("diff-rtds46-p1", new RtdsSim(1, "4.6").hogs("A", 2, "11.637ms", "4.654ms", 0, null)
        .hogs("B", 1, "25ms", "25ms", 0, null));
  }

  @Test
  void q2() {
    check("diff-rtds46-p2", new RtdsSim(2, "4.6").hogs("A", 2, "50ms", "50ms", 0, null)
        .hogs("B", 1, "43.884ms", "16.744ms", 1, null));
  }

  @Test
  void q3() {
    check("diff-rtds46-p3", new RtdsSim(2, "4.6").hogs("A", 1, "25ms", "11.655ms", 0, "0-1")
        .hogs("B", 2, "25ms", "25ms", 1, "0-1"));
  }
}
