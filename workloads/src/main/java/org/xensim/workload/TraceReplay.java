package org.xensim.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.xensim.core.scenario.Fields;
import org.xensim.core.scenario.ScenarioException;
import org.xensim.core.time.Time;
import org.xensim.core.workload.Workload;
import org.xensim.core.workload.WorkloadFactory;
import org.xensim.workload.trace.BadTraceException;
import org.xensim.workload.trace.DemandReplay;
import org.xensim.workload.trace.DemandTrace;
import org.xensim.workload.trace.DemandTraceReader;
import org.xensim.workload.trace.TextInput;
import org.xensim.workload.trace.TraceFormat;
import org.xensim.workload.trace.UtilFormat;
import org.xensim.workload.trace.UtilReplay;
import org.xensim.workload.trace.UtilSeries;
import org.xensim.workload.trace.UtilTraceReader;
import org.xensim.workload.trace.VcpuDemand;

/**
 * {@code trace}: replays a recorded file ({@code file: [format:]path}, relative to the
 * scenario's folder, gzip read transparently). The file is read and checked when the scenario is
 * loaded, so {@code xensim validate} reports a bad row by line and column. Which recorded domain
 * (or VM) a scenario domain replays: {@code domain:} if given, else the file's only one, else the
 * one with the scenario domain's name ({@code web-0}, {@code web-1}, … with {@code count}).
 */
public final class TraceReplay extends WorkloadType {
  private static final List<String> UTIL_KEYS =
      List.of("columns", "time_unit", "util_max", "interval", "quantum", "phase", "align");
  private static final long DEFAULT_QUANTUM_NS = Time.ms(10);

  @Override
  public String type() {
    return "trace";
  }

  @Override
  public String description() {
    return "replays a recorded trace: " + String.join(" or ", TraceFormat.labels())
        + " (file: [format:]path, .gz read transparently)";
  }

  @Override
  protected List<String> ownKeys() {
    List<String> keys = new java.util.ArrayList<>(List.of("file", "format", "domain"));
    keys.addAll(UTIL_KEYS);
    return keys;
  }

  @Override
  protected WorkloadFactory parseKeys(Fields f) {
    int before = f.problems().errors().size();
    String fileText = f.string("file", null);
    String formatKey = f.choice("format", null, TraceFormat.labels());
    String domain = f.string("domain", null);
    UtilFormat util = utilFormat(f);
    long quantum = f.duration("quantum", DEFAULT_QUANTUM_NS);
    long phase = phase(f, quantum);
    if (fileText == null || fileText.isBlank()) {
      f.problems().error(f.at("file"), fileText, "a trace file, e.g. demand-csv:traces/web.csv.gz"
          + " (formats: " + String.join(", ", TraceFormat.labels()) + ")");
      return null;
    }
    TraceFormat.Ref ref = TraceFormat.Ref.parse(fileText);
    TraceFormat format = ref.format() != null ? ref.format()
        : formatKey != null ? TraceFormat.named(formatKey) : TraceFormat.DEFAULT;
    if (ref.format() != null && formatKey != null && !ref.format().label().equals(formatKey)) {
      f.problems().error(f.at("format"), formatKey, "the format the file names ("
          + ref.format().label() + "), or no format key");
      return null;
    }
    if (format != TraceFormat.UTIL_CSV) {
      for (String k : UTIL_KEYS) {
        if (f.has(k)) {
          f.problems().error(f.at(k), f.get(k), "nothing: " + k + " applies to format util-csv "
              + "only (this file is " + format.label() + ")");
        }
      }
    }
    if (quantum <= 0) {
      f.problems().error(f.at("quantum"), f.get("quantum"), "a duration above 0 such as 10ms");
    }
    if (util == null || quantum <= 0 || phase < -1 || f.problems().errors().size() > before) {
      return null;
    }
    Path path;
    try {
      path = f.baseDir().resolve(ref.path());
    } catch (InvalidPathException e) {
      f.problems().error(f.at("file"), fileText, "a file name");
      return null;
    }
    String name = Path.of(ref.path()).getFileName().toString();
    try (BufferedReader in = TextInput.open(path)) {
      if (format == TraceFormat.DEMAND_CSV) {
        DemandTrace trace = DemandTraceReader.read(in, name);
        if (domain != null && trace.domain(domain) == null) {
          f.problems().error(f.at("domain"), domain, "a domain of " + name + ": "
              + names(trace.domains()));
          return null;
        }
        return new DemandFactory(f.path(), name, trace, domain);
      }
      Map<String, UtilSeries> vms = UtilTraceReader.read(in, name, util, domain);
      if (vms.isEmpty()) {
        f.problems().error(domain != null ? f.at("domain") : f.at("file"),
            domain != null ? domain : fileText, domain != null ? "a VM of " + name
                : "a file with at least one sample");
        return null;
      }
      return new UtilFactory(f.path(), name, vms, domain, quantum, phase);
    } catch (NoSuchFileException e) {
      f.problems().error(f.at("file"), fileText, "an existing file (looked for " + path + ")");
    } catch (IOException e) {
      f.problems().error(f.at("file"), fileText, "a readable trace file ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    } catch (BadTraceException e) {
      for (String p : e.problems()) {
        f.problems().error(f.at("file"), p);
      }
    }
    return null;
  }

  private static UtilFormat utilFormat(Fields f) {
    UtilFormat d = UtilFormat.DEFAULT;
    Fields c = f.nested("columns");
    int time = (int) c.integer("time", d.timeColumn(), 1, 1000);
    int vm = (int) c.integer("vm", d.vmColumn(), 0, 1000);
    int util = (int) c.integer("util", d.utilColumn(), 1, 1000);
    c.finish();
    String unit = f.choice("time_unit", "s", List.of("ns", "us", "ms", "s"));
    long unitNs = switch (unit) {
      case "ns" -> 1;
      case "us" -> Time.NS_PER_US;
      case "ms" -> Time.NS_PER_MS;
      default -> Time.NS_PER_S;
    };
    double max = f.number("util_max", d.utilMax(), 0, 1e12);
    if (max == 0) {
      f.problems().error(f.at("util_max"), f.get("util_max"), "the utilisation meaning fully "
          + "busy, above 0 (100 for percent, 1 for a fraction)");
      return null;
    }
    long interval = f.duration("interval", 0);
    if (f.has("interval") && interval == 0) {
      f.problems().error(f.at("interval"), f.get("interval"), "a duration above 0 such as 5m");
      return null;
    }
    String align = f.choice("align", "file", List.of("file", "vm"));
    if (time == vm || time == util || vm == util) {
      f.problems().error(f.at("columns"), f.get("columns"), "different columns for time, vm "
          + "and util (vm: 0 = the file holds one VM)");
      return null;
    }
    return new UtilFormat(time, vm, util, unitNs, max, interval, "file".equals(align));
  }

  /** The fixed phase, -1 for a drawn one, -2 after a reported problem. */
  private static long phase(Fields f, long quantum) {
    String p = f.string("phase", "random");
    if ("random".equals(p)) {
      return -1;
    }
    long ns = f.duration("phase", -2);
    if (ns >= 0 && ns >= quantum) {
      f.problems().error(f.at("phase"), p, "random, or a duration below quantum ("
          + Time.format(quantum) + ")");
      return -2;
    }
    return ns;
  }

  private static String names(List<String> all) {
    List<String> shown = all.size() > 10 ? all.subList(0, 10) : all;
    return String.join(", ", shown) + (all.size() > 10 ? ", … (" + all.size() + " in all)" : "");
  }

  /** Which recorded name a scenario domain replays (see the class comment). */
  private static String pick(String given, List<String> recorded, String scenarioDomain) {
    if (given != null) {
      return given;
    }
    if (recorded.size() == 1) {
      return recorded.get(0);
    }
    return scenarioDomain;
  }

  private static ScenarioException noSuchDomain(String path, String file, String scenarioDomain,
      List<String> recorded) {
    return new ScenarioException(path + ".domain: " + (scenarioDomain == null ? "(not set)"
        : "(not set; the scenario domain is " + scenarioDomain + ")") + " \u2014 expected the "
        + "name of one of the " + recorded.size() + " domains of " + file + ": "
        + names(recorded));
  }

  private static String vcpusPath(String workloadPath) {
    return workloadPath.endsWith(".workload")
        ? workloadPath.substring(0, workloadPath.length() - ".workload".length()) + ".vcpus"
        : workloadPath;
  }

  /** Demand rows to one replay per vCPU of a domain. */
  private record DemandFactory(String path, String file, DemandTrace trace, String domain)
      implements WorkloadFactory {

    @Override
    public Workload[] createForDomain(int nrVcpus) {
      return createForDomain(null, nrVcpus);
    }

    @Override
    public Workload[] createForDomain(String domainName, int nrVcpus) {
      String recorded = pick(domain, trace.domains(), domainName);
      List<VcpuDemand> rows = recorded == null ? null : trace.domain(recorded);
      if (rows == null) {
        throw noSuchDomain(path, file, domainName, trace.domains());
      }
      if (rows.size() > nrVcpus) {
        throw new ScenarioException(vcpusPath(path) + ": " + nrVcpus + " \u2014 expected at "
            + "least " + rows.size() + ": " + file + " has rows for vCPU " + (rows.size() - 1)
            + " of domain " + recorded);
      }
      Workload[] w = new Workload[nrVcpus];
      for (int v = 0; v < rows.size(); v++) {
        if (rows.get(v).size() > 0) {
          w[v] = new DemandReplay(rows.get(v));
        }
      }
      return w;
    }
  }

  /** A VM's utilisation series to one replay per vCPU (each vCPU busy at the VM's util). */
  private record UtilFactory(String path, String file, Map<String, UtilSeries> vms,
      String domain, long quantum, long phase) implements WorkloadFactory {

    @Override
    public Workload[] createForDomain(int nrVcpus) {
      return createForDomain(null, nrVcpus);
    }

    @Override
    public Workload[] createForDomain(String domainName, int nrVcpus) {
      List<String> names = List.copyOf(vms.keySet());
      UtilSeries s = vms.get(pick(domain, names, domainName));
      if (s == null) {
        throw noSuchDomain(path, file, domainName, names);
      }
      Workload[] w = new Workload[nrVcpus];
      for (int v = 0; v < nrVcpus; v++) {
        w[v] = new UtilReplay(s, quantum, phase);
      }
      return w;
    }
  }
}
