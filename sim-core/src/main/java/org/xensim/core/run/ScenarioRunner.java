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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.xensim.core.scenario.Scenario;

/**
 * Runs every replication of a scenario and writes the results folder: first into a temporary
 * sibling folder, moved into place only when complete, so nothing is ever half-written.
 */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /**
   * Progress of a whole run: replication index and simulated time reached. Called from the
   * threads that run replications.
   */
  public interface Progress {
    void update(int replication, long simulatedNs);
  }

  /**
   * Runs {@code scenario} into {@code dir} (replaced if it exists), replications one after the
   * other.
   *
   * @return the merged summary
   */
  public static ObjectNode runToFolder(Scenario scenario, Path dir, Progress progress) {
    return runToFolder(scenario, dir, progress, 1, null);
  }

  /**
   * Runs {@code scenario} into {@code dir} (replaced if it exists).
   *
   * @param threads replications run at once (1 = one after the other)
   * @param finish called with the complete temporary folder before it is moved into place (the
   *     CLI draws the plots there); may be null
   * @return the merged summary
   */
  public static ObjectNode runToFolder(Scenario scenario, Path dir, Progress progress, int threads,
      Consumer<Path> finish) {
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
      ObjectNode summary = runInto(scenario, tmp, progress, threads);
      if (finish != null) {
        finish.accept(tmp);
      }
      replace(tmp, target);
      return summary;
    } catch (RuntimeException | Error e) {
      deleteTree(tmp);
      throw e;
    }
  }

  /** Runs all replications one after the other, writing results into an existing folder. */
  public static ObjectNode runInto(Scenario scenario, Path dir, Progress progress) {
    return runInto(scenario, dir, progress, 1);
  }

  /**
   * Runs all replications, {@code threads} at a time, writing results into an existing folder.
   * The results do not depend on {@code threads}: each replication has its own seed and the
   * summaries are merged in replication order.
   */
  public static ObjectNode runInto(Scenario scenario, Path dir, Progress progress, int threads) {
    int n = scenario.replications();
    List<ReplicationResult> runs = new ArrayList<>();
    if (threads <= 1 || n == 1) {
      for (int r = 0; r < n; r++) {
        runs.add(replication(scenario, r, dir, progress));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n));
      try {
        List<Future<ReplicationResult>> futures = new ArrayList<>();
        for (int r = 0; r < n; r++) {
          int rep = r;
          futures.add(pool.submit(() -> replication(scenario, rep, dir, progress)));
        }
        for (Future<ReplicationResult> f : futures) {
          runs.add(get(f));
        }
      } finally {
        pool.shutdownNow();
      }
    }
    ObjectNode summary = Replications.merge(runs.stream().map(ReplicationResult::summary).toList());
    ResultsWriter.write(summary, runs, dir);
    ResultsWriter.writeScenario(scenario, dir);
    return summary;
  }

  private static ReplicationResult replication(Scenario scenario, int r, Path dir,
      Progress progress) {
    ReplicationRun run = new ReplicationRun(scenario, r);
    if (r == 0 && scenario.output().trace()) {
      run.withTrace(dir.resolve(scenario.output().traceGzip() ? "trace.csv.gz" : "trace.csv"),
          scenario.output().traceGzip());
    }
    LongConsumer p = progress == null ? null : t -> progress.update(r, t);
    return run.runDetailed(p);
  }

  /** The result of a task, with its own exception rethrown as it was. */
  static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
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
