package org.xensim.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.xensim.core.host.CpuMask;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class TopologyTest {
  /** 2 nodes x 2 sockets x 4 cores x 2 threads = 32 pCPUs. */
  private final Topology big = new Topology(2, 2, 4, 2);
  /** 1 node x 2 sockets x 2 cores x 2 threads, the contract's numbering example. */
  private final Topology small = new Topology(1, 2, 2, 2);

  private static CpuMask mask(int... cpus) {
    CpuMask b = new CpuMask();
    for (int c : cpus) {
      b.set(c);
    }
    return b;
  }

  @Test
  void numbersThreadsThenCoresThenSocketsThenNodes() {
    assertThat(small.nrCpus()).isEqualTo(8);
    assertThat(small.siblingMask(0)).isEqualTo(mask(0, 1));
    assertThat(small.siblingMask(3)).isEqualTo(mask(2, 3));
    assertThat(small.socketMask(2)).isEqualTo(mask(0, 1, 2, 3));
    assertThat(small.socketMask(5)).isEqualTo(mask(4, 5, 6, 7));
    assertThat(small.socketOf(4)).isEqualTo(1);
    assertThat(small.coreOf(6)).isEqualTo(1);
    assertThat(small.threadOf(7)).isEqualTo(1);
  }

  @Test
  void masksOfAFourLevelHost() {
    assertThat(big.nrCpus()).isEqualTo(32);
    assertThat(big.nodeOf(15)).isZero();
    assertThat(big.nodeOf(16)).isEqualTo(1);
    assertThat(big.socketOf(8)).isEqualTo(1);
    assertThat(big.socketOf(31)).isEqualTo(3);
    assertThat(big.coreOf(9)).isZero();
    assertThat(big.globalCoreOf(9)).isEqualTo(4);
    CpuMask node1 = new CpuMask();
    node1.set(16, 32);
    assertThat(big.nodeMask(1)).isEqualTo(node1);
    assertThat(big.socketCpus(2).cardinality()).isEqualTo(8);
    assertThat(big.socketCpus(2).nextSetBit(0)).isEqualTo(16);
    assertThat(big.distance(0, 1)).isEqualTo(Topology.Distance.CORE);
    assertThat(big.distance(0, 2)).isEqualTo(Topology.Distance.SOCKET);
    assertThat(big.distance(0, 8)).isEqualTo(Topology.Distance.NODE);
    assertThat(big.distance(0, 16)).isEqualTo(Topology.Distance.REMOTE_NODE);
  }

  @Test
  void cycleWrapsAndNeverPrefersItselfWhenOthersExist() {
    CpuMask m = mask(1, 4, 6);
    assertThat(CpuMasks.cycle(4, m)).isEqualTo(6);
    assertThat(CpuMasks.cycle(6, m)).isEqualTo(1);
    assertThat(CpuMasks.cycle(0, m)).isEqualTo(1);
    assertThat(CpuMasks.cycle(4, mask(4))).isEqualTo(4);
    assertThat(CpuMasks.next(6, m)).isEqualTo(CpuMasks.NONE);
    assertThat(CpuMasks.first(new CpuMask())).isEqualTo(CpuMasks.NONE);
  }

  @Test
  void anyIsUniformAndDrawsNothingForOneMember() {
    var rng = RandomSource.L64_X128_MIX.create(42L);
    int[] hits = new int[8];
    for (int i = 0; i < 8000; i++) {
      hits[CpuMasks.any(mask(1, 3, 5, 7), rng)]++;
    }
    assertThat(hits[0] + hits[2] + hits[4] + hits[6]).isZero();
    for (int c : new int[] {1, 3, 5, 7}) {
      assertThat(hits[c]).isBetween(1800, 2200);
    }
    var a = RandomSource.L64_X128_MIX.create(7L);
    var b = RandomSource.L64_X128_MIX.create(7L);
    assertThat(CpuMasks.any(mask(3), a)).isEqualTo(3);
    assertThat(a.nextLong()).as("a one-member mask draws nothing").isEqualTo(b.nextLong());
  }

  @Test
  void parsesXlCpuLists() {
    assertThat(CpuMasks.parse("0-3,8,10-11", big)).isEqualTo(mask(0, 1, 2, 3, 8, 10, 11));
    assertThat(CpuMasks.parse("all", small).cardinality()).isEqualTo(8);
    assertThat(CpuMasks.parse("node:1", big)).isEqualTo(big.nodeMask(1));
    assertThat(CpuMasks.parse("socket:1", small)).isEqualTo(mask(4, 5, 6, 7));
    assertThat(CpuMasks.parse("all,^2-3", small)).isEqualTo(mask(0, 1, 4, 5, 6, 7));
    assertThat(CpuMasks.format(mask(0, 1, 2, 3, 8, 10, 11))).isEqualTo("0-3,8,10-11");
  }

  @Test
  void rejectsBadCpuListsWithAReason() {
    assertThatThrownBy(() -> CpuMasks.parse("0-9", small)).hasMessageContaining("pCPU 9 does not exist");
    assertThatThrownBy(() -> CpuMasks.parse("3-1", small)).hasMessageContaining("backwards");
    assertThatThrownBy(() -> CpuMasks.parse("x", small)).hasMessageContaining("not a number");
  }
}
