package org.xensim.workload.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code util-csv} format: per-VM CPU-utilisation samples, one row per sample and
 * interval, as public cloud VM traces publish them. Columns are separated by commas, else
 * semicolons, else tabs; a first row whose timestamp is not a number is a header; {@code #}
 * comments and blank lines are skipped. Each VM's timestamps must increase. Every bad row is reported with its line
 * and column.
 */
public final class UtilTraceReader {

  private UtilTraceReader() {}

  /**
   * Reads the series of {@code onlyVm} (all VMs when null) from {@code in}; {@code name} is the
   * file name for messages. A file without a VM column holds one VM, named {@code ""}.
   */
  public static Map<String, UtilSeries> read(BufferedReader in, String name, UtilFormat fmt,
      String onlyVm) throws IOException, BadTraceException {
    LineProblems problems = new LineProblems(name);
    Map<String, Rows> vms = new LinkedHashMap<>();
    int need = Math.max(fmt.timeColumn(), Math.max(fmt.vmColumn(), fmt.utilColumn()));
    double first = Double.POSITIVE_INFINITY;
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
      if (f.length < need) {
        if (!problems.bad(lineNr, 0, "", t, need + " or more columns (time in column "
            + fmt.timeColumn() + ", utilisation in column " + fmt.utilColumn() + ")")) {
          break;
        }
        continue;
      }
      String ts = f[fmt.timeColumn() - 1];
      double time = number(ts);
      if (!seenData && Double.isNaN(time)) {
        seenData = true; // a header row
        continue;
      }
      seenData = true;
      String vm = fmt.vmColumn() > 0 ? f[fmt.vmColumn() - 1] : "";
      if (onlyVm != null && !onlyVm.equals(vm)) {
        first = Math.min(first, Double.isNaN(time) ? first : time);
        continue;
      }
      String us = f[fmt.utilColumn() - 1];
      double util = number(us);
      int before = problems.count();
      if (Double.isNaN(time) || time < 0) {
        problems.bad(lineNr, fmt.timeColumn(), "time", ts, "a timestamp, a number of at least 0");
      }
      if (Double.isNaN(util) || util < 0 || util > fmt.utilMax()) {
        problems.bad(lineNr, fmt.utilColumn(), "utilisation", us, "a utilisation from 0 to "
            + fmt(fmt.utilMax()) + " (util_max)");
      }
      if (problems.count() > before) {
        if (problems.full()) {
          break;
        }
        continue;
      }
      long ns = Math.round(time * fmt.timeUnitNs());
      Rows r = vms.computeIfAbsent(vm, k -> new Rows());
      if (r.times.size() > 0 && ns <= r.times.last()) {
        if (!problems.bad(lineNr, fmt.timeColumn(), "time", ts, "a timestamp after the previous "
            + "sample of VM " + (vm.isEmpty() ? "(the file's)" : vm) + " (line " + r.lastLine
            + ")")) {
          break;
        }
        continue;
      }
      first = Math.min(first, time);
      r.times.add(ns);
      r.utils.add(util / fmt.utilMax());
      r.lastLine = lineNr;
    }
    problems.throwIfAny();
    long interval = fmt.intervalNs();
    if (interval == 0) {
      interval = smallestGap(vms);
      if (interval == 0) {
        throw new BadTraceException(List.of(name + ": a single sample per VM; give the sampling "
            + "interval (interval: 5m)"));
      }
    }
    long origin = Math.round(first * fmt.timeUnitNs());
    Map<String, UtilSeries> out = new LinkedHashMap<>();
    for (Map.Entry<String, Rows> e : vms.entrySet()) {
      Rows r = e.getValue();
      UtilSeries s = new UtilSeries(e.getKey(), r.times.toArray(), r.utils.toArray(), interval);
      out.put(e.getKey(), s.shiftedTo(fmt.alignFile() ? origin : r.times.get(0)));
    }
    return out;
  }

  private static long smallestGap(Map<String, Rows> vms) {
    long gap = Long.MAX_VALUE;
    for (Rows r : vms.values()) {
      for (int i = 1; i < r.times.size(); i++) {
        gap = Math.min(gap, r.times.get(i) - r.times.get(i - 1));
      }
    }
    return gap == Long.MAX_VALUE ? 0 : gap;
  }

  private static double number(String s) {
    try {
      double x = Double.parseDouble(s);
      return Double.isFinite(x) ? x : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }

  /** Samples of one VM while reading. */
  private static final class Rows {
    final LongList times = new LongList();
    final DoubleList utils = new DoubleList();
    int lastLine;
  }

  /** A growable array of doubles. */
  private static final class DoubleList {
    private double[] a = new double[16];
    private int n;

    void add(double x) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, n * 2);
      }
      a[n++] = x;
    }

    double[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }
}
