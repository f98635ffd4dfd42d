package org.xensim.workload.dist;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.xensim.core.scenario.Fields;

/** The distribution names a scenario may use, each with the keys it reads and its parser. */
public enum DistKind {
  FIXED("fixed", "value", Distributions::fixed),
  EXPONENTIAL("exponential", "mean or rate (per second)", Distributions::exponential),
  UNIFORM("uniform", "min, max", Distributions::uniform),
  NORMAL("normal", "mean, sd (truncated at 0)", Distributions::normal),
  LOGNORMAL("lognormal", "mean, sd (of the durations)", Distributions::lognormal),
  PARETO("pareto", "shape, and scale or mean", Distributions::pareto),
  WEIBULL("weibull", "shape, and scale or mean", Distributions::weibull),
  EMPIRICAL("empirical", "values (a list) or file (one per line), unit for bare numbers",
      Distributions::empirical);

  private final String name;
  private final String keys;
  private final Function<Fields, Distribution> parser;

  DistKind(String name, String keys, Function<Fields, Distribution> parser) {
    this.name = name;
    this.keys = keys;
    this.parser = parser;
  }

  /** The scenario's {@code dist:} value. */
  public String label() {
    return name;
  }

  /** The keys it reads, for {@code xensim list} and error messages. */
  public String keys() {
    return keys;
  }

  /** Reads the keys of this kind from {@code f}; null after reporting a problem. */
  Distribution parse(Fields f) {
    return parser.apply(f);
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(DistKind::label).toList();
  }

  /** The kind called {@code name}, or null. */
  public static DistKind named(String name) {
    for (DistKind k : values()) {
      if (k.name.equals(name)) {
        return k;
      }
    }
    return null;
  }
}
