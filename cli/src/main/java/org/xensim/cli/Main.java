package org.xensim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code xensim} command: simulate Xen 4.7's CPU schedulers. */
@Command(name = "xensim", mixinStandardHelpOptions = true, version = "xensim 0.1.0",
    description = {"Discrete-event simulator of the Xen 4.7 CPU schedulers (credit, credit2, rtds).",
        "",
        "Write a scenario (host, Xen boot options, domains and their workloads) in YAML, then:",
        "  xensim validate my.yaml      check it and list every problem",
        "  xensim run my.yaml           simulate it; results in results/<name>/",
        "  xensim sweep my.yaml         run its sweep: grid; one row per point in sweep.csv",
        "  xensim plot DIR              redraw the plots of a results or sweep folder",
        "  xensim compare A B           two results folders side by side",
        "  xensim list                  schedulers, their parameters and workload types",
        "  xensim generate taskset …    a random real-time task set as a scenario",
        "  xensim convert util FILE     a VM's CPU-utilisation trace as replayable demand",
        ""},
    subcommands = {RunCommand.class, SweepCommand.class, ValidateCommand.class,
        PlotCommand.class, CompareCommand.class, ListCommand.class, GenerateCommand.class,
        ConvertCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit status (0 ok, 2 bad input, 1 other failure). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(new Errors());
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("error: " + ex.getMessage());
      ex.getCommandLine().getErr().println("(see " + ex.getCommandLine().getCommandName()
          + " --help)");
      return Errors.BAD_INPUT;
    });
    return cl.execute(args);
  }
}
