package org.xensim.workload.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xensim.core.time.Durations;

/**
 * Reads the {@code demand-csv} format (docs/workloads.md): one row per event,
 * {@code time_ns,domain,vcpu,event,amount_ns}, an optional header of exactly those names,
 * {@code #} comments and blank lines. Times and amounts are integer nanoseconds or durations
 * with a unit ({@code 1.5ms}). Each vCPU's rows must not go back in time. Every bad row is
 * reported with its line and column.
 */
public final class DemandTraceReader {
  /** The columns, in order. */
  public static final String HEADER = "time_ns,domain,vcpu,event,amount_ns";
  static final String[] COLUMNS = HEADER.split(",");
  private static final int MAX_VCPUS = 4096;

  private DemandTraceReader() {}

  /** Reads {@code in}; {@code name} is the file name used in messages. */
  public static DemandTrace read(BufferedReader in, String name)
      throws IOException, BadTraceException {
    LineProblems problems = new LineProblems(name);
    Map<String, List<Builder>> domains = new LinkedHashMap<>();
    String line;
    int lineNr = 0;
    boolean seenData = false;
    while ((line = in.readLine()) != null) {
      lineNr++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] f = Fields.split(t);
      if (!seenData && !Character.isDigit(t.charAt(0))) {
        seenData = true;
        if (!header(f)) {
          problems.bad(lineNr, 0, "", t, "the header " + HEADER + " or a first row such as "
              + "0,web,0,wake,1500000");
        }
        continue;
      }
      seenData = true;
      if (!row(f, lineNr, domains, problems)) {
        break;
      }
    }
    problems.throwIfAny();
    Map<String, List<VcpuDemand>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Builder>> e : domains.entrySet()) {
      List<VcpuDemand> vs = new ArrayList<>();
      for (Builder b : e.getValue()) {
        vs.add(b == null ? new VcpuDemand(new long[0], VcpuDemand.NO_EVENTS, new long[0])
            : b.build());
      }
      out.put(e.getKey(), List.copyOf(vs));
    }
    return new DemandTrace(name, out);
  }

  private static boolean header(String[] f) {
    if (f.length != COLUMNS.length) {
      return false;
    }
    for (int i = 0; i < f.length; i++) {
      String h = f[i].strip().toLowerCase(Locale.ROOT);
      if (!h.equals(COLUMNS[i]) && !(h + "_ns").equals(COLUMNS[i])) {
        return false;
      }
    }
    return true;
  }

  /** Parses one row; false when the problem limit is reached (stop reading). */
  private static boolean row(String[] f, int lineNr, Map<String, List<Builder>> domains,
      LineProblems problems) {
    if (f.length != 4 && f.length != 5) {
      return problems.bad(lineNr, 0, "", String.join(",", f), "5 columns " + HEADER
          + " (the amount may be left out of wake and block rows), not " + f.length);
    }
    int before = problems.count();
    long time = duration(f[0], lineNr, 1, problems);
    String domain = f[1].strip();
    if (domain.isEmpty()) {
      problems.bad(lineNr, 2, COLUMNS[1], domain, "a domain name");
    }
    int vcpu = -1;
    String v = f[2].strip();
    if (Fields.digits(v, 4) && Integer.parseInt(v) < MAX_VCPUS) {
      vcpu = Integer.parseInt(v);
    } else {
      problems.bad(lineNr, 3, COLUMNS[2], v, "a vCPU number from 0 to " + (MAX_VCPUS - 1));
    }
    String ev = f[3].strip();
    DemandEvent event = DemandEvent.named(ev);
    if (event == null) {
      problems.bad(lineNr, 4, COLUMNS[3], ev, "wake, block or work");
    }
    String a = f.length == 5 ? f[4].strip() : "";
    long amount = -1;
    if (event == DemandEvent.WORK) {
      if (a.isEmpty()) {
        problems.bad(lineNr, 5, COLUMNS[4], a, "the work that arrives, above 0 (e.g. 250000 "
            + "or 250us)");
      } else {
        amount = duration(a, lineNr, 5, problems);
        if (amount == 0) {
          problems.bad(lineNr, 5, COLUMNS[4], a, "the work that arrives, above 0");
        }
      }
    } else if (event == DemandEvent.WAKE && !a.isEmpty()) {
      amount = duration(a, lineNr, 5, problems);
    } else if (event == DemandEvent.BLOCK && !a.isEmpty()) {
      problems.bad(lineNr, 5, COLUMNS[4], a, "nothing: a block row has no amount");
    }
    if (problems.count() > before) {
      return !problems.full();
    }
    List<Builder> vs = domains.computeIfAbsent(domain, k -> new ArrayList<>());
    while (vs.size() <= vcpu) {
      vs.add(null);
    }
    Builder b = vs.get(vcpu);
    if (b == null) {
      b = new Builder();
      vs.set(vcpu, b);
    }
    if (b.times.size() > 0 && time < b.times.last()) {
      return problems.bad(lineNr, 1, COLUMNS[0], f[0].strip(), "a time not before "
          + b.times.last() + ", the previous row of " + domain + " vCPU " + vcpu + " (line "
          + b.lastLine + ")");
    }
    b.add(time, event, amount, lineNr);
    return true;
  }

  /** A time or amount: integer ns or a duration with a unit; -1 after reporting a problem. */
  private static long duration(String s, int lineNr, int column, LineProblems problems) {
    String t = s.strip();
    if (Fields.digits(t, 18)) {
      return Long.parseLong(t);
    }
    try {
      return Durations.parse(t);
    } catch (IllegalArgumentException e) {
      problems.bad(lineNr, column, COLUMNS[column - 1], t,
          "integer nanoseconds or a duration with a unit (e.g. 1500000 or 1.5ms)");
      return -1;
    }
  }

  /** Rows of one vCPU while reading. */
  private static final class Builder {
    final LongList times = new LongList();
    final LongList amounts = new LongList();
    byte[] events = new byte[16];
    int lastLine;

    void add(long time, DemandEvent event, long amount, int line) {
      if (times.size() == events.length) {
        events = java.util.Arrays.copyOf(events, events.length * 2);
      }
      events[times.size()] = (byte) event.ordinal();
      times.add(time);
      amounts.add(amount);
      lastLine = line;
    }

    VcpuDemand build() {
      return new VcpuDemand(times.toArray(), java.util.Arrays.copyOf(events, times.size()),
          amounts.toArray());
    }
  }
}
