package org.xensim.workload.dist;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.xensim.core.scenario.Fields;
import org.xensim.core.scenario.Problems;
import org.xensim.core.time.Durations;
import org.xensim.core.time.Time;
import org.xensim.workload.trace.TextInput;

/**
 * Reads a distribution from a scenario: a bare duration ({@code 3ms} = fixed) or a mapping
 * {@code {dist: NAME, …}}. Every problem is reported as {@code path: value — expected …}.
 */
public final class Distributions {
  /** What a distribution may look like, for messages. */
  public static final String EXPECTED = "a duration such as 2ms, or a distribution such as "
      + "{dist: exponential, mean: 2ms} (dist: " + String.join(", ", DistKind.labels()) + ")";

  private Distributions() {}

  /**
   * The distribution under {@code key} of {@code parent}; null if it is absent (reported when
   * {@code required}) or bad (reported).
   */
  public static Distribution parse(Fields parent, String key, boolean required) {
    JsonNode n = parent.get(key);
    Problems problems = parent.problems();
    String path = parent.at(key);
    if (n == null) {
      if (required) {
        problems.error(path, null, EXPECTED);
      }
      return null;
    }
    if (n.isValueNode()) {
      if (!n.isTextual()) {
        problems.error(path, n, EXPECTED + " (a bare number has no unit)");
        return null;
      }
      long ns = Fields.duration(n, path, -1, problems);
      return ns < 0 ? null : new Fixed(ns);
    }
    if (!n.isObject()) {
      problems.error(path, n, EXPECTED);
      return null;
    }
    Fields f = parent.nested(key);
    String name = f.string("dist", null);
    DistKind kind = name == null ? null : DistKind.named(name.toLowerCase(Locale.ROOT));
    if (kind == null) {
      problems.error(f.at("dist"), name, "one of " + String.join(", ", DistKind.labels()));
      return null;
    }
    int before = problems.errors().size();
    Distribution d = kind.parse(f);
    f.finish();
    return problems.errors().size() > before ? null : d;
  }

  /** Reports {@code d} unless its mean is above 0 (a zero-time loop would never end). */
  public static boolean requirePositiveMean(Distribution d, Fields parent, String key) {
    if (d != null && !(d.meanNs() > 0)) {
      parent.problems().error(parent.at(key), d.describe(), "a distribution with a mean above 0");
      return false;
    }
    return true;
  }

  // ------------------------------------------------------------------ one parser per kind

  static Distribution fixed(Fields f) {
    long v = required(f, "value", "a duration such as 3ms");
    return v < 0 ? null : new Fixed(v);
  }

  static Distribution exponential(Fields f) {
    boolean hasMean = f.has("mean");
    boolean hasRate = f.has("rate");
    if (hasMean == hasRate) {
      f.problems().error(f.path(), hasMean ? "both mean and rate" : "neither mean nor rate",
          "one of mean (a duration, e.g. 2ms) or rate (events per second, e.g. 500)");
      return null;
    }
    if (hasMean) {
      long mean = f.duration("mean", -1);
      if (mean == 0) {
        f.problems().error(f.at("mean"), f.get("mean"), "a duration above 0");
      }
      return mean > 0 ? new Exponential(mean) : null;
    }
    double rate = f.number("rate", -1, 0, 1e9);
    if (rate == 0) {
      f.problems().error(f.at("rate"), f.get("rate"), "a rate above 0 (events per second)");
    }
    return rate > 0 ? new Exponential(Time.NS_PER_S / rate) : null;
  }

  static Distribution uniform(Fields f) {
    long min = required(f, "min", "a duration such as 1ms");
    long max = required(f, "max", "a duration such as 3ms");
    if (min < 0 || max < 0) {
      return null;
    }
    if (max < min) {
      f.problems().error(f.at("max"), f.get("max"), "a duration not below min ("
          + Time.format(min) + ")");
      return null;
    }
    return new Uniform(min, max);
  }

  static Distribution normal(Fields f) {
    long mean = required(f, "mean", "a duration such as 2ms");
    long sd = required(f, "sd", "a duration such as 500us");
    return mean < 0 || sd < 0 ? null : new TruncatedNormal(mean, sd);
  }

  static Distribution lognormal(Fields f) {
    long mean = required(f, "mean", "a duration above 0 such as 300us");
    long sd = required(f, "sd", "a duration such as 200us");
    if (mean == 0) {
      f.problems().error(f.at("mean"), f.get("mean"), "a duration above 0");
      return null;
    }
    return mean < 0 || sd < 0 ? null : new LogNormal(mean, sd);
  }

  static Distribution pareto(Fields f) {
    double shape = shape(f);
    Double scale = scaleOrMean(f, shape, "pareto");
    if (shape <= 0 || scale == null) {
      return null;
    }
    double s = f.has("mean") ? scale * (shape - 1) / shape : scale;
    return new Pareto(s, shape);
  }

  static Distribution weibull(Fields f) {
    double shape = shape(f);
    Double scale = scaleOrMean(f, shape, "weibull");
    if (shape <= 0 || scale == null) {
      return null;
    }
    double s = f.has("mean") ? Weibull.scaleForMean(scale, shape) : scale;
    return new Weibull(s, shape);
  }

  static Distribution empirical(Fields f) {
    boolean hasValues = f.has("values");
    boolean hasFile = f.has("file");
    String unit = f.choice("unit", null, java.util.List.of("ns", "us", "ms", "s"));
    if (hasValues == hasFile) {
      f.problems().error(f.path(), hasValues ? "both values and file" : "neither values nor file",
          "one of values (a list such as [1ms, 2ms, 5ms]) or file (one value per line)");
      return null;
    }
    return hasValues ? values(f, unit) : valuesFile(f, unit);
  }

  // ------------------------------------------------------------------ helpers

  private static long required(Fields f, String key, String expected) {
    if (!f.has(key)) {
      f.problems().error(f.at(key), null, expected);
      return -1;
    }
    return f.duration(key, -1);
  }

  private static double shape(Fields f) {
    if (!f.has("shape")) {
      f.problems().error(f.at("shape"), null, "a number above 0 such as 1.5");
      return -1;
    }
    double shape = f.number("shape", -1, 0, 1e6);
    if (shape == 0) {
      f.problems().error(f.at("shape"), f.get("shape"), "a number above 0 such as 1.5");
      return -1;
    }
    return shape;
  }

  /** The scale, or the mean (the caller converts); null after a reported problem. */
  private static Double scaleOrMean(Fields f, double shape, String name) {
    boolean hasScale = f.has("scale");
    boolean hasMean = f.has("mean");
    if (hasScale == hasMean) {
      f.problems().error(f.path(), hasScale ? "both scale and mean" : "neither scale nor mean",
          "one of scale or mean (a duration)");
      return null;
    }
    String key = hasScale ? "scale" : "mean";
    long v = f.duration(key, -1);
    if (v == 0) {
      f.problems().error(f.at(key), f.get(key), "a duration above 0");
      return null;
    }
    if (v < 0) {
      return null;
    }
    if (hasMean && name.equals("pareto") && shape > 0 && shape <= 1) {
      f.problems().error(f.at("shape"), f.get("shape"),
          "a shape above 1 when a mean is given (a pareto with shape <= 1 has no mean; "
              + "give scale)");
      return null;
    }
    return (double) v;
  }

  private static Distribution values(Fields f, String unit) {
    JsonNode list = f.get("values");
    if (!list.isArray() || list.isEmpty()) {
      f.problems().error(f.at("values"), list, "a non-empty list of durations such as [1ms, 2ms]");
      return null;
    }
    long[] out = new long[list.size()];
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      String path = f.at("values") + "[" + i + "]";
      JsonNode v = list.get(i);
      long ns = value(v.asText(), unit, path, "", f.problems());
      ok &= ns >= 0;
      out[i] = ns;
    }
    return ok ? new Empirical(out, list.size() + "-value list") : null;
  }

  private static Distribution valuesFile(Fields f, String unit) {
    String name = f.string("file", "");
    String path = f.at("file");
    Path file;
    try {
      file = f.baseDir().resolve(name);
    } catch (InvalidPathException e) {
      f.problems().error(path, name, "a file name");
      return null;
    }
    long[] out = new long[16];
    int n = 0;
    int errors = 0;
    try (BufferedReader in = TextInput.open(file)) {
      String line;
      int lineNr = 0;
      while ((line = in.readLine()) != null) {
        lineNr++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        long ns = value(t, unit, path, name + " line " + lineNr + ": ", f.problems());
        if (ns < 0) {
          if (++errors >= 10) {
            f.problems().error(path, name, "a file of durations (stopped after 10 bad lines)");
            return null;
          }
          continue;
        }
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = ns;
      }
    } catch (IOException e) {
      f.problems().error(path, name, "a readable file (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + ")");
      return null;
    }
    if (errors > 0) {
      return null;
    }
    if (n == 0) {
      f.problems().error(path, name, "a file with at least one value");
      return null;
    }
    return new Empirical(Arrays.copyOf(out, n), name);
  }

  /** One value: a duration with a unit, or a bare number in {@code unit}; -1 if reported bad. */
  private static long value(String text, String unit, String path, String where,
      Problems problems) {
    String t = text.strip();
    try {
      if (unit != null && t.matches("[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
        return Durations.parse(t + unit);
      }
      return Durations.parse(t);
    } catch (IllegalArgumentException e) {
      problems.error(path, where + t, Durations.EXPECTED
          + (unit == null ? ", or a bare number with unit: set" : ", or a bare number in " + unit));
      return -1;
    }
  }
}
