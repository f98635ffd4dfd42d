package org.xensim.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xensim.core.time.Durations;

/**
 * Reads the fields of one YAML mapping, reporting every bad value with its path to
 * {@link Problems}, and, at {@link #finish()}, every key nobody read (a typo such as
 * {@code wieght}).
 */
public final class Fields {
  private final ObjectNode node;
  private final String path;
  private final Problems problems;
  private final Set<String> known = new LinkedHashSet<>();
  private Path baseDir = Path.of("");

  public Fields(JsonNode node, String path, Problems problems) {
    this.node = node != null && node.isObject() ? (ObjectNode) node : null;
    this.path = path;
    this.problems = problems;
    if (node != null && !node.isObject() && !node.isNull()) {
      problems.error(path, node, "a mapping of keys to values");
    }
  }

  public String path() {
    return path;
  }

  /** Sets the folder that relative file names are resolved against (the scenario's). */
  public Fields withBaseDir(Path dir) {
    this.baseDir = dir;
    return this;
  }

  /** The folder relative file names are resolved against (the scenario file's folder). */
  public Path baseDir() {
    return baseDir;
  }

  /** The mapping under {@code key} (absent = empty), with the same problems and folder. */
  public Fields nested(String key) {
    return new Fields(get(key), at(key), problems).withBaseDir(baseDir);
  }

  public String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public Problems problems() {
    return problems;
  }

  /** Marks {@code key} as known and returns its node, or null if absent. */
  public JsonNode get(String key) {
    known.add(key);
    if (node == null) {
      return null;
    }
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v;
  }

  public boolean has(String key) {
    return get(key) != null;
  }

  /** Keys present but not yet read. */
  public List<String> unreadKeys() {
    List<String> out = new ArrayList<>();
    if (node != null) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!known.contains(k)) {
          out.add(k);
        }
      }
    }
    return out;
  }

  /** Reports every key that was never read. */
  public void finish() {
    for (String k : unreadKeys()) {
      problems.error(at(k), "unknown key; known keys here: " + String.join(", ", known));
    }
  }

  public String string(String key, String def) {
    JsonNode v = get(key);
    if (v == null) {
      return def;
    }
    if (!v.isValueNode()) {
      problems.error(at(key), v, "a single value");
      return def;
    }
    return v.asText();
  }

  public String choice(String key, String def, List<String> allowed) {
    String v = string(key, def);
    if (v != null && !allowed.contains(v)) {
      problems.error(at(key), v, "one of " + String.join(", ", allowed));
      return def;
    }
    return v;
  }

  public long integer(String key, long def, long min, long max) {
    JsonNode v = get(key);
    if (v == null) {
      return def;
    }
    long x;
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      x = v.asLong();
    } else if (v.isTextual() && v.asText().replace("_", "").matches("-?[0-9]+")) {
      x = Long.parseLong(v.asText().replace("_", ""));
    } else {
      problems.error(at(key), v, "an integer from " + min + " to " + max);
      return def;
    }
    if (x < min || x > max) {
      problems.error(at(key), v, "an integer from " + min + " to " + max);
      return def;
    }
    return x;
  }

  public double number(String key, double def, double min, double max) {
    JsonNode v = get(key);
    if (v == null) {
      return def;
    }
    double x;
    if (v.isNumber()) {
      x = v.asDouble();
    } else {
      try {
        x = Double.parseDouble(v.asText());
      } catch (NumberFormatException e) {
        problems.error(at(key), v, "a number from " + min + " to " + max);
        return def;
      }
    }
    if (!(x >= min && x <= max)) {
      problems.error(at(key), v, "a number from " + min + " to " + max);
      return def;
    }
    return x;
  }

  public boolean bool(String key, boolean def) {
    JsonNode v = get(key);
    if (v == null) {
      return def;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    String s = v.asText();
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    if (v.isIntegralNumber() && (v.asInt() == 0 || v.asInt() == 1)) {
      return v.asInt() == 1;
    }
    problems.error(at(key), v, "true or false");
    return def;
  }

  /** A duration with a unit (bare numbers are an error here). */
  public long duration(String key, long def) {
    JsonNode v = get(key);
    if (v == null) {
      return def;
    }
    return duration(v, at(key), def, problems);
  }

  /** A duration at {@code path}; {@code def} if it is bad. */
  public static long duration(JsonNode v, String path, long def, Problems problems) {
    if (!v.isTextual()) {
      problems.error(path, v, Durations.EXPECTED + " (a bare number has no unit)");
      return def;
    }
    try {
      long ns = Durations.parse(v.asText());
      if (ns < 0) {
        problems.error(path, v, "a duration of at least 0");
        return def;
      }
      return ns;
    } catch (IllegalArgumentException e) {
      String why = e.getMessage().startsWith("expected") ? "" : " (" + e.getMessage() + ")";
      problems.error(path, v, Durations.EXPECTED + why);
      return def;
    }
  }
}
