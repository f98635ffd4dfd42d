package org.xensim.sched.credit2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runqueue layout ({@code cpu_to_runqueue()}, spec §4.4): pCPUs join in ascending order and
 * take the first runqueue whose first pCPU matches under {@code credit2_runqueue}, or a new one.
 * Expected groups follow from the topology rules alone (pCPUs numbered node, socket, core,
 * thread; {@code core} = same socket and core id).
 */
class RunqueueLayoutTest {

  /** The runqueues' pCPU lists, in id order. */
  @SuppressWarnings("unchecked")
  private static List<String> layout(int nodes, int sockets, int cores, int threads, String opt) {
    Credit2Sim sim = new Credit2Sim(nodes, sockets, cores, threads)
        .boot("credit2_runqueue", opt).build();
    List<String> out = new ArrayList<>();
    for (Map<String, Object> rq
        : (List<Map<String, Object>>) sim.scheduler().summary().get("runqueues")) {
      out.add((String) rq.get("cpus"));
    }
    for (int c = 0; c < nodes * sockets * cores * threads; c++) {
      assertThat(sim.scheduler().runqueueOf(c)).isGreaterThanOrEqualTo(0);
    }
    return out;
  }

  /** 2 nodes of 1 socket of 2 cores of 2 threads: 8 pCPUs, the spec's §4.4 example. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "core   | 0-1;2-3;4-5;6-7",
      "socket | 0-3;4-7",
      "node   | 0-3;4-7",
      "all    | 0-7"})
  void twoNodesTwoSocketsFourCoresTwoThreads(String opt, String groups) {
    assertThat(layout(2, 1, 2, 2, opt)).containsExactly(groups.split(";"));
  }

  /** 2 nodes × 2 sockets × 4 cores × 2 threads = 32 pCPUs: socket and node now differ. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "core   | 0-1;2-3;4-5;6-7;8-9;10-11;12-13;14-15;16-17;18-19;20-21;22-23;24-25;26-27;28-29;30-31",
      "socket | 0-7;8-15;16-23;24-31",
      "node   | 0-15;16-31",
      "all    | 0-31"})
  void twoNodesOfTwoSocketsOfFourCoresOfTwoThreads(String opt, String groups) {
    assertThat(layout(2, 2, 4, 2, opt)).containsExactly(groups.split(";"));
  }

  /** One node with two sockets: {@code node} puts both sockets together. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "core   | 0;1;2;3",
      "socket | 0-1;2-3",
      "node   | 0-3"})
  void oneNodeTwoSockets(String opt, String groups) {
    assertThat(layout(1, 2, 2, 1, opt)).containsExactly(groups.split(";"));
  }

  @ParameterizedTest
  @CsvSource({"core", "socket", "node", "all"})
  void defaultIsCore(String unused) {
    Credit2Sim sim = new Credit2Sim(1, 1, 2, 2).build();
    assertThat(sim.scheduler().summary()).containsEntry("credit2_runqueue", "core");
    assertThat(sim.scheduler().runqueueOf(1)).isZero();
    assertThat(sim.scheduler().runqueueOf(2)).isEqualTo(1);
  }
}
