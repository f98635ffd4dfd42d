package org.xensim.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xensim.core.scenario.ScenarioException;
import org.xensim.core.time.Time;
import org.xensim.workload.trace.BadTraceException;
import org.xensim.workload.trace.TextInput;
import org.xensim.workload.trace.UtilFormat;
import org.xensim.workload.trace.UtilSeries;
import org.xensim.workload.trace.UtilToDemand;
import org.xensim.workload.trace.UtilTraceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xensim convert}: trace conversions. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = "Convert traces to the demand-csv format a trace workload replays.",
    subcommands = ConvertCommand.Util.class)
final class ConvertCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    throw new ScenarioException("convert: (nothing) \u2014 expected a conversion: util (see "
        + "xensim convert util --help)");
  }

  /** {@code xensim convert util}. */
  @Command(name = "util", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Turn one VM's CPU-utilisation time series (one sample per interval, as "
          + "public cloud VM traces publish them) into per-vCPU demand rows: each vCPU is asked "
          + "for util x interval of work per sample, in chunks of --quantum. Replaying the "
          + "output on an uncontended host reproduces the utilisation exactly; a trace workload "
          + "with file: util-csv:FILE does the same without converting.",
          "Example (Azure vm_cpu_readings: timestamp,vmid,min,max,avg):",
          "  xensim convert util readings.csv.gz --vm <vmid> --columns util=5 --vcpus 2 "
              + "-o vm.csv.gz"})
  static final class Util implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The utilisation CSV (.gz read "
        + "transparently).")
    Path file;

    @Option(names = "--vm", paramLabel = "ID", description = "Which VM's rows (needed when the "
        + "file holds several).")
    String vm;

    @Option(names = "--vcpus", paramLabel = "N", defaultValue = "1",
        description = "vCPUs to spread the VM's utilisation over (default ${DEFAULT-VALUE}; each "
            + "gets the VM's utilisation).")
    int vcpus;

    @Option(names = "--columns", paramLabel = "time=I,vm=J,util=K", defaultValue =
        "time=1,vm=2,util=3", description = "1-based columns (default ${DEFAULT-VALUE}; vm=0: "
            + "the file holds one VM).")
    String columns;

    @Option(names = "--time-unit", paramLabel = "U", defaultValue = "s",
        description = "Unit of the timestamps: ns, us, ms, s (default ${DEFAULT-VALUE}).")
    String timeUnit;

    @Option(names = "--util-max", paramLabel = "X", defaultValue = "100",
        description = "The utilisation that means fully busy (default ${DEFAULT-VALUE}: percent).")
    double utilMax;

    @Option(names = "--interval", paramLabel = "DUR",
        description = "Sampling interval (default: the smallest gap between two samples).")
    String interval;

    @Option(names = "--align", paramLabel = "A", defaultValue = "file",
        description = "t = 0 at the file's first timestamp (file, default) or the VM's (vm).")
    String align;

    @Option(names = "--quantum", paramLabel = "DUR", defaultValue = "10ms",
        description = "Demand chunk length (default ${DEFAULT-VALUE}).")
    String quantum;

    @Option(names = "--phase", paramLabel = "DUR", defaultValue = "0ns",
        description = "Offset of every chunk, below the quantum (default 0).")
    String phase;

    @Option(names = "--domain", paramLabel = "NAME",
        description = "The domain column of the output (default: the VM id, else vm).")
    String domain;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "The demand CSV to write (.gz compresses; default: standard output).")
    Path output;

    @Override
    public Integer call() throws Exception {
      List<String> problems = new ArrayList<>();
      int[] cols = columns(problems);
      long unit = switch (timeUnit) {
        case "ns" -> 1;
        case "us" -> Time.NS_PER_US;
        case "ms" -> Time.NS_PER_MS;
        case "s" -> Time.NS_PER_S;
        default -> {
          problems.add("--time-unit: " + timeUnit + " \u2014 expected one of ns, us, ms, s");
          yield 0;
        }
      };
      if (!(utilMax > 0)) {
        problems.add("--util-max: " + utilMax + " \u2014 expected a number above 0");
      }
      if (vcpus < 1 || vcpus > 4096) {
        problems.add("--vcpus: " + vcpus + " \u2014 expected 1 to 4096");
      }
      if (!align.equals("file") && !align.equals("vm")) {
        problems.add("--align: " + align + " \u2014 expected file or vm");
      }
      long q = Args.duration("--quantum", quantum);
      long ph = phase.equals("0") || phase.equals("0ns") ? 0 : Args.duration("--phase", phase);
      if (ph >= q) {
        problems.add("--phase: " + phase + " \u2014 expected a duration below --quantum");
      }
      long iv = interval == null ? 0 : Args.duration("--interval", interval);
      if (!problems.isEmpty()) {
        throw new ScenarioException(problems);
      }
      UtilFormat fmt = new UtilFormat(cols[0], cols[1], cols[2], unit, utilMax, iv,
          align.equals("file"));
      Map<String, UtilSeries> vms;
      try (BufferedReader in = TextInput.open(file)) {
        vms = UtilTraceReader.read(in, file.getFileName().toString(), fmt, vm);
      } catch (NoSuchFileException e) {
        throw new ScenarioException(file + ": no such file");
      } catch (BadTraceException e) {
        throw new ScenarioException(e.problems());
      } catch (IOException e) {
        throw new ScenarioException(file + ": cannot read (" + e.getMessage() + ")");
      }
      UtilSeries s = vm != null ? vms.get(vm) : vms.size() == 1 ? vms.values().iterator().next()
          : null;
      if (s == null) {
        List<String> names = new ArrayList<>(vms.keySet());
        throw new ScenarioException("--vm: " + (vm == null ? "(not set)" : vm) + " \u2014 "
            + "expected one of the " + names.size() + " VMs of " + file.getFileName() + ": "
            + String.join(", ", names.size() > 10 ? names.subList(0, 10) : names)
            + (names.size() > 10 ? ", \u2026" : ""));
      }
      String d = domain != null ? domain : s.vm().isEmpty() ? "vm" : s.vm();
      long rows;
      try (Writer w = Args.output(output)) {
        rows = UtilToDemand.write(s, d, vcpus, q, ph, w);
      } catch (IllegalArgumentException e) {
        throw new ScenarioException("--domain: " + d + " \u2014 expected a name without commas");
      }
      System.err.println("converted " + s.size() + " samples (interval "
          + Time.format(s.intervalNs()) + ") of VM " + d + " into " + rows + " demand rows"
          + (output != null ? " in " + output : ""));
      return 0;
    }

    private int[] columns(List<String> problems) {
      int[] out = {1, 2, 3};
      String[] names = {"time", "vm", "util"};
      for (String part : columns.split(",")) {
        String[] kv = part.split("=", 2);
        int idx = kv.length == 2 ? List.of(names).indexOf(kv[0].strip()) : -1;
        if (idx < 0 || !kv[1].strip().matches("[0-9]{1,3}")
            || (idx != 1 && Integer.parseInt(kv[1].strip()) == 0)) {
          problems.add("--columns: " + part + " \u2014 expected time=I, vm=J or util=K with "
              + "1-based column numbers (vm=0: no VM column)");
          continue;
        }
        out[idx] = Integer.parseInt(kv[1].strip());
      }
      if (out[0] == out[2] || (out[1] != 0 && (out[1] == out[0] || out[1] == out[2]))) {
        problems.add("--columns: " + columns + " \u2014 expected different columns for time, vm "
            + "and util");
      }
      return out;
    }
  }
}
