package org.xensim.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;
import org.xensim.core.random.RandomStreams;
import org.xensim.core.scenario.ScenarioLoader;

class ReplicationsTest {
  private static ObjectNode run(String json) {
    return ScenarioLoader.readTree(json, "t");
  }

  /**
   * Values 1, 2 and 6: mean 3, sample standard deviation √7; the 95 % half-width is
   * t(0.975; 2) · √7 / √3 with t(0.975; 2) = 4.302653 (the textbook table), here from Commons Math.
   */
  @Test
  void ci95IsStudentTHalfWidthAsCommonsMathComputesIt() {
    List<ObjectNode> runs = List.of(run("{seed: 1, x: 1, cpu: 0}"), run("{seed: 2, x: 2, cpu: 0}"),
        run("{seed: 3, x: 6, cpu: 0}"));
    JsonNode x = Replications.merge(runs).get("x");
    double[] values = {1, 2, 6};
    double t = new TDistribution(2).inverseCumulativeProbability(0.975);
    double expected = t * new StandardDeviation().evaluate(values) / Math.sqrt(3);
    assertThat(x.get("mean").asDouble()).isEqualTo(3.0);
    assertThat(x.get("ci95").asDouble()).isEqualTo(expected, within(1e-12));
    assertThat(x.get("ci95").asDouble()).isEqualTo(4.302653 * Math.sqrt(7) / Math.sqrt(3),
        within(1e-5));
    assertThat(x.get("values")).hasSize(3);
  }

  @Test
  void twoReplicationsUseTheWideT1() {
    JsonNode x = Replications.merge(List.of(run("{seed: 1, x: 1}"), run("{seed: 2, x: 3}")))
        .get("x");
    // t(0.975; 1) = 12.706205, sd = √2, n = 2
    assertThat(x.get("ci95").asDouble()).isEqualTo(12.706205, within(1e-5));
  }

  @Test
  void identifiersStayPlainAndSeedsAreListed() {
    ObjectNode merged = Replications.merge(List.of(run("{seed: 5, cpu: 3, name: a, x: 1}"),
        run("{seed: 9, cpu: 3, name: b, x: 2}")));
    assertThat(merged.get("cpu").asInt()).isEqualTo(3);
    assertThat(merged.get("name").asText()).isEqualTo("a");
    assertThat(merged.get("seed").asLong()).isEqualTo(5);
    assertThat(merged.get("seeds")).hasSize(2);
    assertThat(merged.get("replications").asInt()).isEqualTo(2);
  }

  @Test
  void aFigureSomeRunsLackCountsAsZeroInThem() {
    JsonNode w = Replications.merge(List.of(run("{seed: 1, w: {A: 4}}"),
        run("{seed: 2, w: {B: 2}}"))).get("w");
    assertThat(w.get("A").get("mean").asDouble()).isEqualTo(2.0);
    assertThat(w.get("B").get("values").toString()).isEqualTo("[0,2]");
  }

  @Test
  void replicationSeedsAreDerivedDistinctAndReplicationZeroKeepsTheScenarioSeed() {
    Set<Long> seeds = new HashSet<>();
    for (int r = 0; r < 1000; r++) {
      seeds.add(RandomStreams.replicationSeed(42, r));
    }
    assertThat(seeds).hasSize(1000);
    assertThat(RandomStreams.replicationSeed(42, 0)).isEqualTo(42);
  }
}
