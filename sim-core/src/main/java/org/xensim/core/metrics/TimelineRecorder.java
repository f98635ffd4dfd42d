package org.xensim.core.metrics;

import java.util.Arrays;
import org.xensim.core.domain.VCpu;
import org.xensim.core.observe.SimListener;

/**
 * Records what ran on every pCPU during one window of simulated time, for the Gantt chart, so a
 * long run never keeps more than the window: one segment (pCPU, start, end, vCPU) per stretch a
 * guest vCPU ran, clipped to the window, at most {@code maxSegments} of them (then the record is
 * marked truncated). Storage is parallel primitive arrays that grow by doubling.
 */
public final class TimelineRecorder implements SimListener {
  /** Segments kept at most, by default: about 3 MB. */
  public static final int DEFAULT_MAX_SEGMENTS = 100_000;

  private final long fromNs;
  private final long toNs;
  private final int maxSegments;
  private final VCpu[] running;
  private final long[] since;
  private int size;
  private int[] cpu = new int[256];
  private long[] start = new long[256];
  private long[] end = new long[256];
  private VCpu[] vcpu = new VCpu[256];
  private boolean truncated;

  /** Records [{@code fromNs}, {@code toNs}) of a host with {@code nrCpus} pCPUs. */
  public TimelineRecorder(int nrCpus, long fromNs, long toNs, int maxSegments) {
    this.fromNs = fromNs;
    this.toNs = toNs;
    this.maxSegments = maxSegments;
    this.running = new VCpu[nrCpus];
    this.since = new long[nrCpus];
  }

  public long fromNs() {
    return fromNs;
  }

  public long toNs() {
    return toNs;
  }

  @Override
  public void onContextSwitch(int c, VCpu prev, VCpu next, long costNs, long now) {
    close(c, now);
    running[c] = next.isIdle() ? null : next;
    since[c] = now;
  }

  @Override
  public void onEnd(long now) {
    for (int c = 0; c < running.length; c++) {
      close(c, now);
      running[c] = null;
    }
  }

  private void close(int c, long now) {
    VCpu v = running[c];
    if (v == null) {
      return;
    }
    long s = Math.max(since[c], fromNs);
    long e = Math.min(now, toNs);
    if (e <= s) {
      return;
    }
    if (size == maxSegments) {
      truncated = true;
      return;
    }
    if (size == cpu.length) {
      int n = Math.min(maxSegments, size * 2);
      cpu = Arrays.copyOf(cpu, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
      vcpu = Arrays.copyOf(vcpu, n);
    }
    cpu[size] = c;
    start[size] = s;
    end[size] = e;
    vcpu[size] = v;
    size++;
  }

  /** Segments recorded, in the order they ended (by time, then pCPU). */
  public int size() {
    return size;
  }

  public int cpu(int i) {
    return cpu[i];
  }

  public long start(int i) {
    return start[i];
  }

  public long end(int i) {
    return end[i];
  }

  public VCpu vcpu(int i) {
    return vcpu[i];
  }

  /** More segments fell in the window than were kept. */
  public boolean truncated() {
    return truncated;
  }
}
