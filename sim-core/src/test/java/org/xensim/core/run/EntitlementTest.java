package org.xensim.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The water filling behind {@code entitled_share}, on hand-computed cases. */
class EntitlementTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  private static double[] fill(double capacity, double[] limit, double[] weight, int[] dom,
      double[] domCap) {
    double[] out = new double[limit.length];
    boolean[] open = new boolean[limit.length];
    for (int i = 0; i < open.length; i++) {
      open[i] = limit[i] > 0;
    }
    Entitlement.fill(out, limit, weight, open, dom, domCap, capacity);
    return out;
  }

  @Test
  void weightsShareOnePcpuInProportion() {
    double[] e = fill(1, new double[] {1, 1}, new double[] {256, 512}, new int[] {0, 1},
        new double[] {INF, INF});
    assertThat(e[0]).isEqualTo(1.0 / 3, within(1e-12));
    assertThat(e[1]).isEqualTo(2.0 / 3, within(1e-12));
  }

  /** A vCPU that wants 10 % gets 10 %; work conservation gives the other the remaining 90 %. */
  @Test
  void whatALightVcpuDoesNotWantGoesToTheOthers() {
    double[] e = fill(1, new double[] {0.1, 1}, new double[] {256, 256}, new int[] {0, 1},
        new double[] {INF, INF});
    assertThat(e[0]).isEqualTo(0.1, within(1e-12));
    assertThat(e[1]).isEqualTo(0.9, within(1e-12));
  }

  /** Weight is per vCPU: 4 + 1 vCPUs of equal weight on 2 pCPUs get 0.4 each. */
  @Test
  void aDomainWithMoreVcpusGetsMore() {
    double[] e = fill(2, new double[] {1, 1, 1, 1, 1}, new double[] {256, 256, 256, 256, 256},
        new int[] {0, 0, 0, 0, 1}, new double[] {INF, INF});
    for (double x : e) {
      assertThat(x).isEqualTo(0.4, within(1e-12));
    }
  }

  /**
   * Domain 0 (two vCPUs) is capped at 50 % of a pCPU: 0.25 per vCPU; domain 1's one vCPU is
   * bounded by a pCPU; the rest of the 2 pCPUs stays unused.
   */
  @Test
  void aCapBoundsTheDomainsVcpusTogether() {
    double[] e = fill(2, new double[] {1, 1, 1}, new double[] {256, 256, 256},
        new int[] {0, 0, 1}, new double[] {0.5, INF});
    assertThat(e[0]).isEqualTo(0.25, within(1e-12));
    assertThat(e[1]).isEqualTo(0.25, within(1e-12));
    assertThat(e[2]).isEqualTo(1.0, within(1e-12));
  }

  /** Three equal hogs and a 10 % vCPU on one pCPU: 0.1, then 0.3 each. */
  @Test
  void fillingProceedsInRoundsAsBoundsAreReached() {
    double[] e = fill(1, new double[] {1, 1, 1, 0.1}, new double[] {1, 1, 1, 1},
        new int[] {0, 1, 2, 3}, new double[] {INF, INF, INF, INF});
    assertThat(e[3]).isEqualTo(0.1, within(1e-12));
    assertThat(e[0]).isEqualTo(0.3, within(1e-12));
  }
}
