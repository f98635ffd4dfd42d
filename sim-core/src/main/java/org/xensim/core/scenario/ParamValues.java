package org.xensim.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import org.xensim.core.sched.ParamSpec;
import org.xensim.core.sched.SchedulerProvider;
import org.xensim.core.time.Durations;

/** Reads one scheduler parameter's value as its {@link ParamSpec} says, checking Xen's range. */
final class ParamValues {
  private ParamValues() {}

  /**
   * Returns the value in the parameter's stored unit ({@code Long}, {@code Boolean} or
   * {@code String}), or null after reporting a problem.
   *
   * @param bareAllowed a bare number is read in the parameter's Xen unit (boot options)
   */
  static Object parse(ParamSpec spec, JsonNode v, String path, boolean bareAllowed,
      Problems problems) {
    switch (spec.kind()) {
      case BOOLEAN:
        if (v.isBoolean()) {
          return v.asBoolean();
        }
        if (v.isIntegralNumber() && (v.asLong() == 0 || v.asLong() == 1)) {
          return v.asLong() == 1;
        }
        if (v.asText().equals("true") || v.asText().equals("false")) {
          return Boolean.parseBoolean(v.asText());
        }
        problems.error(path, v, spec.allowedText());
        return null;
      case CHOICE:
        if (!spec.choices().contains(v.asText())) {
          problems.error(path, v, spec.allowedText());
          return null;
        }
        return v.asText();
      case INTEGER:
        if (!v.isIntegralNumber() || !v.canConvertToLong() || !spec.allows(v.asLong())) {
          problems.error(path, v, spec.allowedText() + " (" + spec.description() + ")");
          return null;
        }
        return v.asLong();
      default:
        return duration(spec, v, path, bareAllowed, problems);
    }
  }

  private static Object duration(ParamSpec spec, JsonNode v, String path, boolean bareAllowed,
      Problems problems) {
    long value;
    if (v.isNumber()) {
      if (!bareAllowed) {
        problems.error(path, v, Durations.EXPECTED + " (a bare number has no unit)");
        return null;
      }
      if (!v.isIntegralNumber()) {
        problems.error(path, v, "a whole number of " + spec.unitName());
        return null;
      }
      value = v.asLong();
    } else {
      long ns;
      try {
        ns = Durations.parse(v.asText());
      } catch (IllegalArgumentException e) {
        problems.error(path, v, Durations.EXPECTED);
        return null;
      }
      if (ns % spec.unitNs() != 0) {
        problems.error(path, v, "a whole number of " + spec.unitName() + " (Xen's unit for "
            + spec.name() + ")");
        return null;
      }
      value = ns / spec.unitNs();
    }
    if (!spec.allows(value)) {
      problems.error(path, v, spec.allowedText() + " (" + spec.description() + ")");
      return null;
    }
    return value;
  }

  /** Whether {@code provider} has parameter {@code key} at domain (or vCPU) level. */
  static boolean has(SchedulerProvider provider, String key, boolean perVcpu) {
    for (ParamSpec s : provider.parameters()) {
      if (s.name().equals(key) && (s.scope() == ParamSpec.Scope.VCPU
          || (!perVcpu && s.scope() == ParamSpec.Scope.DOMAIN))) {
        return true;
      }
    }
    return false;
  }
}
