package org.xensim.workload.trace;

import java.util.List;

/** A trace file that cannot be replayed; each problem names the file, line and column. */
public final class BadTraceException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public BadTraceException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
