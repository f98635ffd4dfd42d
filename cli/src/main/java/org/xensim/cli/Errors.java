package org.xensim.cli;

import org.xensim.core.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns failures into exit codes and one-line messages; stack traces only with --debug. */
final class Errors implements IExecutionExceptionHandler {
  static final int BAD_INPUT = 2;
  static final int FAILURE = 1;
  static boolean debug;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    if (ex instanceof ScenarioException se) {
      for (String p : se.problems()) {
        cl.getErr().println("error: " + p);
      }
      return BAD_INPUT;
    }
    cl.getErr().println("xensim: internal error: " + ex);
    if (debug) {
      ex.printStackTrace(cl.getErr());
    } else {
      cl.getErr().println("(run again with --debug for the stack trace)");
    }
    return FAILURE;
  }
}
