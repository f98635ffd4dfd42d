package org.xensim.workload.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one text file as {@code FILE line N, column C (NAME): VALUE — expected
 * …}, stopping after {@link #LIMIT} so a wrong file does not flood the terminal.
 */
final class LineProblems {
  static final int LIMIT = 20;
  private final String file;
  private final List<String> problems = new ArrayList<>();

  LineProblems(String file) {
    this.file = file;
  }

  /** Records a bad value; false once the limit is reached (stop reading). */
  boolean bad(int line, int column, String name, String value, String expected) {
    String where = column > 0 ? ", column " + column + " (" + name + ")" : "";
    return add(file + " line " + line + where + ": " + (value.isEmpty() ? "\"\"" : value)
        + " \u2014 expected " + expected);
  }

  /** Records a problem not about one value; false once the limit is reached. */
  boolean add(String message) {
    if (full()) {
      return false;
    }
    problems.add(message);
    if (problems.size() == LIMIT) {
      problems.add(file + ": stopped after " + LIMIT + " problems");
      return false;
    }
    return true;
  }

  boolean any() {
    return !problems.isEmpty();
  }

  /** Problems recorded so far. */
  int count() {
    return problems.size();
  }

  /** The limit is reached: stop reading. */
  boolean full() {
    return problems.size() > LIMIT;
  }

  void throwIfAny() throws BadTraceException {
    if (!problems.isEmpty()) {
      throw new BadTraceException(problems);
    }
  }
}
