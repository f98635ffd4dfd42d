package org.xensim.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.xensim.core.scenario.ScenarioException;
import org.xensim.core.time.Durations;

/** Checks of command-line values, failing as {@code --option: value — expected …} (exit 2). */
final class Args {
  private Args() {}

  static long duration(String option, String value) {
    try {
      long ns = Durations.parse(value);
      if (ns <= 0) {
        throw new IllegalArgumentException("expected above 0");
      }
      return ns;
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(option + ": " + value + " \u2014 expected "
          + Durations.EXPECTED + ", above 0");
    }
  }

  static <T> T choice(String option, String value, T found, List<String> allowed) {
    if (found == null) {
      throw new ScenarioException(option + ": " + value + " \u2014 expected one of "
          + String.join(", ", allowed));
    }
    return found;
  }

  /**
   * A writer of {@code file} (gzipped when it ends in {@code .gz}), written to a temporary file
   * beside it and moved into place on close, or of standard output when {@code file} is null.
   */
  static Writer output(Path file) throws IOException {
    if (file == null) {
      return new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {
        @Override
        public void close() throws IOException {
          flush(); // never close standard output
        }
      };
    }
    Path abs = file.toAbsolutePath();
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    OutputStream out = Files.newOutputStream(tmp);
    if (abs.getFileName().toString().endsWith(".gz")) {
      out = new GZIPOutputStream(out, 1 << 16);
    }
    return new OutputStreamWriter(new java.io.BufferedOutputStream(out, 1 << 16),
        StandardCharsets.UTF_8) {
      private boolean closed;

      @Override
      public void close() throws IOException {
        if (closed) {
          return;
        }
        closed = true;
        super.close();
        Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
    };
  }
}
