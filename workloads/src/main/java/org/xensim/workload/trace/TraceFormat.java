package org.xensim.workload.trace;

import java.util.Arrays;
import java.util.List;

/**
 * The trace formats a {@code trace} workload replays. A file is named {@code format:path} or
 * {@code path} plus {@code format:}; gzip is detected by content.
 */
public enum TraceFormat {
  DEMAND_CSV("demand-csv", "per-vCPU demand rows time_ns,domain,vcpu,event,amount_ns"),
  UTIL_CSV("util-csv", "per-VM CPU-utilisation samples (time, vm, util), as cloud VM traces "
      + "publish them; replayed as demand");

  /** The format of a file named without one. */
  public static final TraceFormat DEFAULT = DEMAND_CSV;

  private final String label;
  private final String description;

  TraceFormat(String label, String description) {
    this.label = label;
    this.description = description;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(TraceFormat::label).toList();
  }

  /** The format called {@code label}, or null. */
  public static TraceFormat named(String label) {
    for (TraceFormat f : values()) {
      if (f.label.equals(label)) {
        return f;
      }
    }
    return null;
  }

  /** A file reference split into format (null if none is given) and path. */
  public record Ref(TraceFormat format, String path) {

    /**
     * Splits {@code format:path}; a prefix that is no format's name is part of the path (so
     * {@code C:\traces\a.csv} stays a path).
     */
    public static Ref parse(String text) {
      int colon = text.indexOf(':');
      if (colon > 0) {
        TraceFormat f = named(text.substring(0, colon));
        if (f != null) {
          return new Ref(f, text.substring(colon + 1));
        }
      }
      return new Ref(null, text);
    }
  }
}
