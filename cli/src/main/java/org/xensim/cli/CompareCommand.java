package org.xensim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xensim.core.run.Table;
import org.xensim.plots.Comparison;
import org.xensim.plots.ResultsFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xensim compare A B}. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Compare two results folders (e.g. credit and credit2 on the same scenario): "
        + "a table of per-domain and host figures with B - A and the relative change, printed "
        + "and written to compare.csv, and one chart (compare.png, compare.svg) of CPU share and "
        + "wake-latency p99 per domain."})
final class CompareCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "A", description = "The baseline results folder.")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "The results folder compared to it.")
  Path b;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Where compare.csv and the chart go (default: compare-<A>-vs-<B> beside A).")
  Path output;

  @Override
  public Integer call() {
    ResultsFolder ra = ResultsFolder.read(a);
    ResultsFolder rb = ResultsFolder.read(b);
    String la = name(a);
    String lb = name(b);
    if (la.equals(lb)) {
      la = "A " + la;
      lb = "B " + lb;
    }
    Comparison c = new Comparison(ra, rb, la, lb);
    Path dir = output != null ? output : a.toAbsolutePath().normalize().getParent()
        .resolve("compare-" + name(a) + "-vs-" + name(b));
    Table t = c.table();
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("compare.csv"), t.toCsv(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve("compare.csv"), e);
    }
    c.draw(dir);
    System.out.println("A = " + la + " (" + ra.scenario() + ", " + ra.schedulers() + "), B = "
        + lb + " (" + rb.scenario() + ", " + rb.schedulers() + ")");
    System.out.print(t.toText());
    System.err.println("compare.csv and compare.png/.svg in " + dir);
    return 0;
  }

  private static String name(Path p) {
    Path n = p.toAbsolutePath().normalize().getFileName();
    return n == null ? "results" : n.toString();
  }
}
