package org.xensim.core.scenario;

import java.util.List;

/** A scenario (or a command's arguments) is wrong; carries every problem found. */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public ScenarioException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public ScenarioException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
