package org.xensim.workload.trace;

/**
 * Turns a utilisation series into one vCPU's demand: each sample is cut into chunks of
 * {@code quantum} starting at {@code sample time + phase + k * quantum}, and each chunk brings
 * {@code util * chunk length} of work (rounded cumulatively, so a sample's chunks add up to
 * {@code round(util * length)} exactly). Chunks without work are skipped. An iterator over
 * primitives: {@link #hasNext()}, {@link #time()}, {@link #work()}, {@link #advance()}.
 */
public final class UtilChunks {
  private final UtilSeries series;
  private final long quantum;
  private final long phase;
  private int sample;
  private long chunk;
  private long time;
  private long work;

  /** @param phase offset of every chunk, below {@code quantum} */
  public UtilChunks(UtilSeries series, long quantum, long phase) {
    this.series = series;
    this.quantum = quantum;
    this.phase = phase;
    this.chunk = -1;
    advance();
  }

  public boolean hasNext() {
    return sample < series.size();
  }

  /** The current chunk's start, ns. */
  public long time() {
    return time;
  }

  /** The current chunk's work, ns (above 0). */
  public long work() {
    return work;
  }

  /** Moves to the next chunk with work. */
  public void advance() {
    while (sample < series.size()) {
      chunk++;
      long length = series.length(sample);
      long from = chunk * quantum;
      if (from >= length) {
        sample++;
        chunk = -1;
        continue;
      }
      long to = Math.min(length, from + quantum);
      double u = series.util(sample);
      long w = Math.round(u * to) - Math.round(u * from);
      if (w > 0) {
        time = series.time(sample) + phase + from;
        work = w;
        return;
      }
    }
  }
}
