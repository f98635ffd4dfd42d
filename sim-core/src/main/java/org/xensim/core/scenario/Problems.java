package org.xensim.core.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects every problem of a scenario, so validation reports them all at once. */
public final class Problems {
  private final List<String> errors = new ArrayList<>();
  private final Set<String> warnings = new LinkedHashSet<>();

  /** Records {@code path: value — expected …}. */
  public void error(String path, Object value, String expected) {
    errors.add(path + ": " + show(value) + " \u2014 expected " + expected);
  }

  /** Records a problem that is not about one value. */
  public void error(String path, String message) {
    errors.add(path + ": " + message);
  }

  public void warn(String message) {
    warnings.add(message);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public List<String> errors() {
    return errors;
  }

  public List<String> warnings() {
    return new ArrayList<>(warnings);
  }

  /** Throws a {@link ScenarioException} if any error was recorded. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ScenarioException(errors);
    }
  }

  private static String show(Object value) {
    if (value == null) {
      return "(missing)";
    }
    String s = value instanceof com.fasterxml.jackson.databind.JsonNode n && n.isValueNode()
        ? n.asText() : String.valueOf(value);
    return s.isEmpty() ? "\"\"" : s;
  }
}
