package org.xensim.core.sched;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validated scheduler parameter values by Xen name: {@code Long} (integers and durations, in the
 * parameter's own unit), {@code Boolean} or {@code String}. Read at set-up, never on the hot path.
 */
public final class SchedParams {
  public static final SchedParams EMPTY = new SchedParams(Map.of());

  private final Map<String, Object> values;

  public SchedParams(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** The values of {@code specs} in {@code scope}: given ones, else Xen's defaults. */
  public static SchedParams withDefaults(Iterable<ParamSpec> specs, ParamSpec.Scope scope,
      Map<String, Object> given) {
    Map<String, Object> all = new TreeMap<>();
    for (ParamSpec p : specs) {
      if (p.scope() == scope || (scope == ParamSpec.Scope.DOMAIN
          && p.scope() == ParamSpec.Scope.VCPU)) {
        all.put(p.name(), p.defaultValue());
      }
    }
    all.putAll(given);
    return new SchedParams(all);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public long getLong(String name) {
    return ((Number) require(name)).longValue();
  }

  public int getInt(String name) {
    return Math.toIntExact(getLong(name));
  }

  public boolean getBoolean(String name) {
    return (Boolean) require(name);
  }

  public String getString(String name) {
    return (String) require(name);
  }

  public Map<String, Object> asMap() {
    return values;
  }

  private Object require(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalStateException("no scheduler parameter " + name);
    }
    return v;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
