package org.xensim.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code --set KEY=VALUE} overrides to a scenario tree. A key is a path of names and list
 * indices ({@code xen.sched}, {@code domains[0].count}); the value is read as YAML, so
 * {@code 4}, {@code true}, {@code [1, 2]} and {@code 10ms} mean what they would in the file.
 */
public final class Overrides {
  private static final Pattern STEP = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[[0-9]+\\])*)");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Overrides() {}

  /** Applies one {@code KEY=VALUE}. */
  public static void apply(ObjectNode root, String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new ScenarioException("--set " + assignment + ": expected KEY=VALUE, e.g. xen.sched=credit2");
    }
    set(root, assignment.substring(0, eq).trim(), parseValue(assignment.substring(eq + 1)));
  }

  /** Reads {@code text} as a YAML value (a string if it is not valid YAML). */
  public static JsonNode parseValue(String text) {
    try {
      JsonNode v = YAML.readTree(text);
      return v == null || v.isMissingNode() ? TextNode.valueOf(text) : v;
    } catch (Exception e) {
      return TextNode.valueOf(text);
    }
  }

  /** Sets the node at {@code path}, creating mappings on the way. */
  public static void set(ObjectNode root, String path, JsonNode value) {
    set(root, path, value, "--set " + path);
  }

  /**
   * Sets the node at {@code path}, creating mappings on the way; problems are reported as
   * {@code origin: …}.
   */
  public static void set(ObjectNode root, String path, JsonNode value, String origin) {
    if (path.isEmpty()) {
      throw new ScenarioException(origin + ": an empty key \u2014 expected a key path such as "
          + "xen.sched or domains[0].count");
    }
    String[] steps = path.split("\\.", -1);
    JsonNode cur = root;
    for (int s = 0; s < steps.length; s++) {
      Matcher m = STEP.matcher(steps[s]);
      if (!m.matches()) {
        throw new ScenarioException(origin + ": '" + steps[s]
            + "' \u2014 expected a key name or name[index], as in domains[0].count");
      }
      boolean last = s == steps.length - 1;
      String name = m.group(1);
      String idx = m.group(2);
      ObjectNode obj = (ObjectNode) cur;
      if (idx.isEmpty()) {
        if (last) {
          obj.set(name, value);
          return;
        }
        JsonNode child = obj.get(name);
        if (child == null || !child.isObject()) {
          child = obj.putObject(name);
        }
        cur = child;
        continue;
      }
      JsonNode arr = obj.get(name);
      String[] indices = idx.substring(1, idx.length() - 1).split("\\]\\[");
      for (int k = 0; k < indices.length; k++) {
        int i = Integer.parseInt(indices[k]);
        if (arr == null || !arr.isArray()) {
          throw new ScenarioException(origin + ": " + name + " is not a list in the scenario"
              + " \u2014 expected a path to an existing list element");
        }
        if (i >= arr.size()) {
          throw new ScenarioException(origin + ": " + name + " has no element [" + i
              + "] \u2014 expected an index from 0 to " + (arr.size() - 1));
        }
        boolean lastIndex = k == indices.length - 1;
        if (last && lastIndex) {
          ((ArrayNode) arr).set(i, value);
          return;
        }
        arr = arr.get(i);
      }
      if (!arr.isObject()) {
        throw new ScenarioException(origin + ": " + steps[s]
            + " is not a mapping \u2014 expected a path through mappings");
      }
      cur = arr;
    }
  }
}
