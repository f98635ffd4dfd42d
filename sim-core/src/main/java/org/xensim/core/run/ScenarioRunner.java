package org.xensim.core.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.xensim.core.scenario.Scenario;

/**
 * Runs every replication of a scenario and writes the results folder: first into a temporary
 * sibling folder, moved into place only when complete, so nothing is ever half-written.
 */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /** Progress of a whole run: replication index and simulated time reached. */
  public interface Progress {
    void update(int replication, long simulatedNs);
  }

  /**
   * Runs {@code scenario} into {@code dir} (replaced if it exists).
   *
   * @return the merged summary
   */
  public static ObjectNode runToFolder(Scenario scenario, Path dir, Progress progress) {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Path tmp;
    try {
      Files.createDirectories(parent);
      tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create results folder " + target, e);
    }
    try {
      ObjectNode summary = runInto(scenario, tmp, progress);
      replace(tmp, target);
      return summary;
    } catch (RuntimeException | Error e) {
      deleteTree(tmp);
      throw e;
    }
  }

  /** Runs all replications, writing results into an existing folder. */
  public static ObjectNode runInto(Scenario scenario, Path dir, Progress progress) {
    List<ObjectNode> runs = new ArrayList<>();
    for (int r = 0; r < scenario.replications(); r++) {
      ReplicationRun run = new ReplicationRun(scenario, r);
      if (r == 0 && scenario.output().trace()) {
        run.withTrace(dir.resolve(scenario.output().traceGzip() ? "trace.csv.gz" : "trace.csv"),
            scenario.output().traceGzip());
      }
      int rep = r;
      LongConsumer p = progress == null ? null : t -> progress.update(rep, t);
      runs.add(run.run(p));
    }
    ObjectNode summary = Replications.merge(runs);
    ResultsWriter.write(summary, dir);
    return summary;
  }

  private static void replace(Path tmp, Path target) {
    try {
      if (Files.exists(target)) {
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        move(tmp, target);
        deleteTree(old);
      } else {
        move(tmp, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move results into " + target, e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      walk.sorted(Comparator.reverseOrder()).forEach(f -> {
        try {
          Files.delete(f);
        } catch (IOException ignored) {
          // best effort: a leftover temporary folder is harmless
        }
      });
    } catch (IOException ignored) {
      // best effort
    }
  }
}
