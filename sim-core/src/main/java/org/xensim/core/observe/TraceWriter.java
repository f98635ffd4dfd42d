package org.xensim.core.observe;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.xensim.core.domain.VCpu;

/**
 * Writes every event to {@code trace.csv} ({@code time_ns,pcpu,event,domain,vcpu,detail}) in
 * simulation order, in the vocabulary of the results contract.
 */
public final class TraceWriter implements SimListener, AutoCloseable {
  public static final String HEADER = "time_ns,pcpu,event,domain,vcpu,detail\n";
  private final Writer out;
  private final StringBuilder line = new StringBuilder(96);

  public TraceWriter(Path file, boolean gzip) {
    try {
      OutputStream os = Files.newOutputStream(file);
      if (gzip) {
        os = new GZIPOutputStream(os, 1 << 16);
      }
      out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
      out.write(HEADER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void row(long now, int cpu, String event, VCpu v, long detail, boolean hasDetail) {
    StringBuilder b = line;
    b.setLength(0);
    b.append(now).append(',');
    if (cpu >= 0) {
      b.append(cpu);
    }
    b.append(',').append(event).append(',');
    if (v != null) {
      b.append(v.domain().name()).append(',').append(v.vcpuId());
    } else {
      b.append(',');
    }
    b.append(',');
    if (hasDetail) {
      b.append(detail);
    }
    b.append('\n');
    try {
      out.append(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void onSchedule(int cpu, long now) {
    row(now, cpu, "schedule", null, 0, false);
  }

  @Override
  public void onRun(int cpu, VCpu v, long sliceNs, long now) {
    row(now, cpu, "run", v, sliceNs, true);
  }

  @Override
  public void onIdle(int cpu, long now) {
    row(now, cpu, "idle", null, 0, false);
  }

  @Override
  public void onWake(VCpu v, long now) {
    row(now, v.processor(), "wake", v, 0, false);
  }

  @Override
  public void onBlock(VCpu v, long now) {
    row(now, v.processor(), "block", v, 0, false);
  }

  @Override
  public void onMigrate(VCpu v, int from, int to, long now) {
    row(now, to, "migrate", v, from, true);
  }

  @Override
  public void onJobRelease(VCpu v, long deadline, long now) {
    row(now, v.processor(), "job_release", v, deadline, true);
  }

  @Override
  public void onJobDone(VCpu v, long responseNs, boolean missed, long now) {
    row(now, v.processor(), "job_done", v, responseNs, true);
  }

  @Override
  public void onDeadlineMiss(VCpu v, long deadline, long now) {
    row(now, v.processor(), "deadline_miss", v, deadline, true);
  }

  @Override
  public void onRequestDone(VCpu v, long responseNs, long now) {
    row(now, v.processor(), "request_done", v, responseNs, true);
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
