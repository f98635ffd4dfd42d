package org.xensim.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Merges the summaries of several replications: every measured number becomes
 * {@code {"mean", "ci95", "values"}}, where {@code ci95} is the half-width of the 95 % confidence
 * interval of the mean (Student t with n - 1 degrees of freedom, Commons Math); identifiers and
 * texts stay plain (the first replication's).
 */
public final class Replications {
  private static final Set<String> IDENTIFIERS =
      Set.of("vcpu", "cpu", "simulated_ns", "warmup_ns", "id");

  private Replications() {}

  public static ObjectNode merge(List<ObjectNode> runs) {
    if (runs.size() == 1) {
      return runs.get(0);
    }
    ObjectNode out = (ObjectNode) mergeNode(runs, null);
    ArrayNode seeds = out.putArray("seeds");
    runs.forEach(r -> seeds.add(r.get("seed").asLong()));
    out.set("seed", runs.get(0).get("seed"));
    out.put("replications", runs.size());
    return out;
  }

  private static JsonNode mergeNode(List<? extends JsonNode> nodes, String key) {
    JsonNode first = nodes.stream().filter(n -> !n.isMissingNode()).findFirst().orElseThrow();
    if (first.isObject()) {
      // the union of the keys, in order of first appearance: a number some runs lack (a domain
      // that waited behind another only in some runs) counts as 0 in those runs
      Set<String> keys = new LinkedHashSet<>();
      nodes.forEach(n -> n.fieldNames().forEachRemaining(keys::add));
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      for (String k : keys) {
        o.set(k, mergeNode(nodes.stream().map(n -> n.path(k)).toList(), k));
      }
      return o;
    }
    if (first.isArray()) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < first.size(); i++) {
        int idx = i;
        a.add(mergeNode(nodes.stream().map(n -> n.path(idx)).toList(), key));
      }
      return a;
    }
    if (first.isNumber() && (key == null || !IDENTIFIERS.contains(key))) {
      SummaryStatistics st = new SummaryStatistics();
      ArrayNode values = JsonNodeFactory.instance.arrayNode();
      for (JsonNode n : nodes) {
        st.addValue(n.asDouble());
        values.add(n.isMissingNode() ? JsonNodeFactory.instance.numberNode(0) : n);
      }
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("mean", st.getMean());
      o.put("ci95", ci95(st));
      o.set("values", values);
      return o;
    }
    return first;
  }

  /** Half-width of the 95 % confidence interval of the mean (Student t). */
  public static double ci95(SummaryStatistics st) {
    long n = st.getN();
    if (n < 2) {
      return 0;
    }
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    return t * st.getStandardDeviation() / Math.sqrt(n);
  }
}
