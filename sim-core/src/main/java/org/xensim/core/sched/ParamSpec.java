package org.xensim.core.sched;

import java.util.List;
import java.util.Locale;
import org.xensim.core.time.Time;

/**
 * One parameter of a scheduler, with Xen's name, unit, default and allowed range. It is the
 * single source of validation, {@code xensim list} and help text.
 *
 * @param name Xen's name ({@code sched_ratelimit_us}, {@code weight}, ...)
 * @param scope where the scenario sets it
 * @param kind how its value is written
 * @param unitNs for {@link Kind#DURATION}: the unit the value is stored and a bare number is read
 *     in (1000 for a {@code _us} option); 1 otherwise
 * @param defaultValue Xen's default (a {@code Long}, {@code Boolean} or {@code String})
 * @param min smallest allowed value (inclusive, in the stored unit)
 * @param max largest allowed value (inclusive, in the stored unit)
 * @param zeroAllowed 0 is allowed besides [min, max] (0 = "off" for many Xen options)
 * @param choices the allowed words of a {@link Kind#CHOICE}
 * @param description one line for help
 */
public record ParamSpec(String name, Scope scope, Kind kind, long unitNs, Object defaultValue,
    long min, long max, boolean zeroAllowed, List<String> choices, String description) {

  /** Where a parameter is set. */
  public enum Scope {
    /** A Xen boot option under {@code xen:} that a pool may override. */
    POOL,
    /** Per domain, as {@code xl sched-*} sets it. */
    DOMAIN,
    /** Per domain, or per vCPU through {@code vcpu_params}. */
    VCPU
  }

  /** How a value is written. */
  public enum Kind {
    INTEGER,
    DURATION,
    BOOLEAN,
    CHOICE
  }

  public static ParamSpec integer(String name, Scope scope, long def, long min, long max,
      String description) {
    return new ParamSpec(name, scope, Kind.INTEGER, 1, def, min, max, false, List.of(),
        description);
  }

  public static ParamSpec duration(String name, Scope scope, long unitNs, long def, long min,
      long max, boolean zeroAllowed, String description) {
    return new ParamSpec(name, scope, Kind.DURATION, unitNs, def, min, max, zeroAllowed,
        List.of(), description);
  }

  public static ParamSpec bool(String name, Scope scope, boolean def, String description) {
    return new ParamSpec(name, scope, Kind.BOOLEAN, 1, def, 0, 1, true, List.of(), description);
  }

  public static ParamSpec choice(String name, Scope scope, String def, List<String> choices,
      String description) {
    return new ParamSpec(name, scope, Kind.CHOICE, 1, def, 0, 0, false, choices, description);
  }

  /** Whether {@code value} (in the stored unit) lies in the allowed range. */
  public boolean allows(long value) {
    return (zeroAllowed && value == 0) || (value >= min && value <= max);
  }

  /** The allowed values in words, for error messages and help. */
  public String allowedText() {
    switch (kind) {
      case BOOLEAN:
        return "true or false";
      case CHOICE:
        return "one of " + String.join(", ", choices);
      case DURATION:
        return (zeroAllowed && min > 0 ? "0 or " : "") + Time.format(min * unitNs) + " to "
            + (max == Long.MAX_VALUE ? "unbounded" : Time.format(max * unitNs))
            + (unitNs == 1 ? "" : " (bare numbers in " + unitName() + ")");
      default:
        return (zeroAllowed && min > 0 ? "0 or " : "") + "an integer from " + min + " to " + max;
    }
  }

  /** The unit of a bare number, e.g. {@code us}. */
  public String unitName() {
    if (kind != Kind.DURATION) {
      return "";
    }
    if (unitNs == Time.NS_PER_MS) {
      return "ms";
    }
    if (unitNs == Time.NS_PER_US) {
      return "us";
    }
    return unitNs == 1 ? "ns" : unitNs + "ns";
  }

  /** The default as a scenario would write it. */
  public String defaultText() {
    if (kind == Kind.DURATION) {
      long v = (Long) defaultValue;
      return unitNs == 1 ? Time.format(v) : v + unitName();
    }
    return String.valueOf(defaultValue).toLowerCase(Locale.ROOT);
  }
}
