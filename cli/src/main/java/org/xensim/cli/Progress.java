package org.xensim.cli;

import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr, shown only when a terminal is attached (never in pipes, files or
 * tests), so stdout stays clean for tables. Safe to update from several threads.
 */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /**
   * A bar of {@code max} steps, shown in units of {@code unitSize} steps named {@code unit}, or a
   * silent one when no terminal is attached.
   */
  static Progress start(String task, long max, String unit, long unitSize) {
    if (System.console() == null || max <= 0) {
      return new Progress(null);
    }
    ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUnit(" " + unit, unitSize).showSpeed().setMaxRenderedLength(100)
        .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS).continuousUpdate()
        .startsFrom(0, Duration.ZERO).build();
    return new Progress(bar);
  }

  synchronized void stepTo(long n) {
    if (bar != null) {
      bar.stepTo(n);
    }
  }

  synchronized void step() {
    if (bar != null) {
      bar.step();
    }
  }

  synchronized void extra(String message) {
    if (bar != null) {
      bar.setExtraMessage(message);
    }
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
