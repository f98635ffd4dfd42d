package org.xensim.workload.trace;

import java.io.IOException;
import java.io.Writer;

/**
 * Converts a VM's utilisation series into {@code demand-csv} rows, exactly as a {@code trace}
 * workload with {@code format: util-csv} and the same {@code quantum} and fixed {@code phase}
 * replays it: one {@code work} row per chunk and vCPU, in time order (vCPU order within an
 * instant). Replaying the output reproduces the utilisation on an uncontended host.
 */
public final class UtilToDemand {
  private UtilToDemand() {}

  /**
   * Writes the header and the rows of {@code nrVcpus} vCPUs of domain {@code domain}.
   *
   * @return the rows written
   */
  public static long write(UtilSeries series, String domain, int nrVcpus, long quantumNs,
      long phaseNs, Writer out) throws IOException {
    if (domain.isEmpty() || domain.contains(",") || domain.contains("\n")) {
      throw new IllegalArgumentException("a domain name without commas is needed, not \""
          + domain + "\"");
    }
    out.write(DemandTraceReader.HEADER);
    out.write('\n');
    // Every vCPU gets the same chunks, so one iterator serves them all.
    UtilChunks chunks = new UtilChunks(series, quantumNs, phaseNs);
    long rows = 0;
    StringBuilder line = new StringBuilder(64);
    while (chunks.hasNext()) {
      for (int v = 0; v < nrVcpus; v++) {
        line.setLength(0);
        line.append(chunks.time()).append(',').append(domain).append(',').append(v)
            .append(",work,").append(chunks.work()).append('\n');
        out.append(line);
        rows++;
      }
      chunks.advance();
    }
    return rows;
  }
}
