package org.xensim.workload.taskset;

import java.util.Arrays;
import java.util.List;

/** How task utilisations are drawn. */
public enum UtilMethod {
  /** UUniFast, with UUniFast-Discard when a task would exceed the cap. */
  UUNIFAST("uunifast"),
  /** Stafford's RandFixedSum: uniform, never rejects. */
  RANDFIXEDSUM("randfixedsum");

  private final String label;

  UtilMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(UtilMethod::label).toList();
  }

  public static UtilMethod named(String label) {
    for (UtilMethod m : values()) {
      if (m.label.equals(label)) {
        return m;
      }
    }
    return null;
  }
}
