package org.xensim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xensim.core.random.RandomStreams;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.time.Time;
import org.xensim.workload.trace.UtilFormat;
import org.xensim.workload.trace.UtilSeries;
import org.xensim.workload.trace.UtilToDemand;
import org.xensim.workload.trace.UtilTraceReader;

/** {@code trace}: recorded demand and utilisation replayed. */
class TraceReplayTest {
  @TempDir Path tmp;

  /**
   * A random recorded trace (seeded) of three vCPUs in two domains, with wake and work rows,
   * busy windows that absorb work, and rows at one instant; what each vCPU should run is
   * worked out below from the format's rules alone.
   */
  private static final class Recorded {
    final StringBuilder csv = new StringBuilder("time_ns,domain,vcpu,event,amount_ns\n");
    final Map<String, List<String>> expected = new java.util.HashMap<>();
    final Map<String, Long> work = new java.util.HashMap<>();
    long end;

    void vcpu(String domain, int vcpu, UniformRandomProvider rng) {
      String key = domain + "." + vcpu;
      List<long[]> runs = new ArrayList<>();
      long t = rng.nextLong(Time.ms(1));
      long start = -1;
      long busyEnd = -1;
      boolean window = false;
      for (int i = 0; i < 300; i++) {
        int kind = rng.nextInt(10);
        if (kind < 8) {
          long a = Time.us(10) + rng.nextLong(Time.ms(2));
          row(t, domain, vcpu, kind < 5 ? "wake" : "work", Long.toString(a));
          if (!window) {
            if (start < 0 || t >= busyEnd) {
              add(runs, start, busyEnd);
              start = t;
              busyEnd = t;
            }
            busyEnd += a;
          }
        } else {
          row(t, domain, vcpu, "wake", "");
          if (!window && (start < 0 || t >= busyEnd)) {
            add(runs, start, busyEnd);
            start = t;
          }
          window = true;
          t += Time.us(100) + rng.nextLong(Time.ms(3));
          row(t, domain, vcpu, "block", "");
          window = false;
          busyEnd = t;
        }
        t += rng.nextInt(4) == 0 ? 0 : rng.nextLong(Time.ms(3));
      }
      add(runs, start, busyEnd);
      List<String> out = new ArrayList<>();
      long sum = 0;
      for (long[] r : runs) {
        out.add(r[0] + "-" + r[1]);
        sum += r[1] - r[0];
      }
      expected.put(key, out);
      work.put(key, sum);
      end = Math.max(end, busyEnd);
    }

    private void row(long t, String d, int v, String event, String amount) {
      csv.append(t).append(',').append(d).append(',').append(v).append(',').append(event)
          .append(',').append(amount).append('\n');
    }

    private static void add(List<long[]> runs, long from, long to) {
      if (from < 0 || to <= from) {
        return;
      }
      if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == from) {
        runs.get(runs.size() - 1)[1] = to;
      } else {
        runs.add(new long[] {from, to});
      }
    }
  }

  private void gzip(Path file, String text) throws Exception {
    try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(
        Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
      w.write(text);
    }
  }

  /**
   * On an uncontended host (a pCPU per vCPU) the replay runs every vCPU exactly when the
   * recording says: the same intervals to the nanosecond, and work done = recorded demand. The
   * file is gzipped, named format:path relative to the scenario's folder.
   */
  @Test
  void replayReproducesTheRecordedDemandExactlyOnAnUncontendedHost() throws Exception {
    Recorded rec = new Recorded();
    RandomStreams streams = new RandomStreams(2024, 0);
    rec.vcpu("web", 0, streams.stream("web0"));
    rec.vcpu("web", 1, streams.stream("web1"));
    rec.vcpu("db", 0, streams.stream("db0"));
    Files.createDirectories(tmp.resolve("traces"));
    gzip(tmp.resolve("traces/rec.csv.gz"), rec.csv.toString());
    Path scenario = tmp.resolve("replay.yaml");
    Files.writeString(scenario, """
        duration: %dns
        host: {cores_per_socket: 3}
        xen: {sched: fifo}
        domains:
          - {name: web, vcpus: 2, workload: {type: trace, file: "demand-csv:traces/rec.csv.gz"}}
          - {name: db, workload: {type: trace, file: traces/rec.csv.gz}}
        """.formatted(rec.end + Time.ms(10)));
    Scenario s = Scenarios.loader().load(scenario, List.of());
    RunIntervals runs = new RunIntervals();
    JsonNode sum = Scenarios.run(s, runs);
    runs.close(s.endNs());
    for (String key : List.of("web.0", "web.1", "db.0")) {
      assertThat(runs.of(key)).as(key).isEqualTo(rec.expected.get(key));
      String[] dv = key.split("\\.");
      assertThat(Scenarios.vcpu(sum, dv[0], Integer.parseInt(dv[1])).get("work_ns").asLong())
          .as(key + " work").isEqualTo(rec.work.get(key));
    }
    assertThat(rec.expected.get("web.0")).hasSizeGreaterThan(50);
  }

  /** Under contention the recorded work is delayed, never lost. */
  @Test
  void underContentionWorkIsDelayedNotLost() throws Exception {
    Files.writeString(tmp.resolve("t.csv"), """
        0,a,0,wake,3ms
        1ms,a,0,work,2ms
        10ms,a,0,wake,1ms
        """);
    JsonNode s = Scenarios.run(Scenarios.load("""
        duration: 50ms
        xen: {sched: fifo}
        domains:
          - {name: a, workload: {type: trace, file: t.csv}}
          - {name: hog, workload: {type: cpu-hog}}
        """, tmp));
    JsonNode a = Scenarios.vcpu(s, "a", 0);
    assertThat(a.get("work_ns").asLong()).isEqualTo(Time.ms(6));
    assertThat(a.get("runnable_ns").asLong()).isPositive();
  }

  @Test
  void whichRecordedDomainADomainReplays() throws Exception {
    Files.writeString(tmp.resolve("one.csv"), "0,vm17,0,wake,1ms\n");
    Files.writeString(tmp.resolve("two.csv"), "0,web-0,0,wake,1ms\n0,web-1,0,wake,2ms\n");
    // The file's only domain, whatever the scenario calls it; by name with count; by domain:.
    JsonNode s = Scenarios.run(Scenarios.load("""
        duration: 10ms
        host: {cores_per_socket: 4}
        xen: {sched: fifo}
        domains:
          - {name: any, workload: {type: trace, file: one.csv}}
          - {name: web, count: 2, workload: {type: trace, file: two.csv}}
          - {name: x, workload: {type: trace, file: two.csv, domain: web-1}}
        """, tmp));
    assertThat(Scenarios.vcpu(s, "any", 0).get("work_ns").asLong()).isEqualTo(Time.ms(1));
    assertThat(Scenarios.vcpu(s, "web-0", 0).get("work_ns").asLong()).isEqualTo(Time.ms(1));
    assertThat(Scenarios.vcpu(s, "web-1", 0).get("work_ns").asLong()).isEqualTo(Time.ms(2));
    assertThat(Scenarios.vcpu(s, "x", 0).get("work_ns").asLong()).isEqualTo(Time.ms(2));
  }

  @Test
  void badReferencesAndRowsAreReportedWithPathLineAndColumn() throws Exception {
    Files.writeString(tmp.resolve("two.csv"), "0,web-0,0,wake,1ms\n0,web-1,3,wake,2ms\n");
    Files.writeString(tmp.resolve("bad.csv"), "0,a,0,wake,1ms\n5ms,a,0,sleep\n");
    assertThat(Scenarios.problems("""
        duration: 10ms
        xen: {sched: fifo}
        domains:
          - {name: a, workload: {type: trace, file: bad.csv}}
          - {name: b, workload: {type: trace, file: missing.csv}}
          - {name: c, workload: {type: trace, file: two.csv, domain: web-7}}
          - {name: d, workload: {type: trace, file: two.csv, quantum: 5ms}}
          - {name: e, workload: {type: trace, file: "util-csv:two.csv", format: demand-csv}}
        """, tmp)).containsExactly(
        "domains[0].workload.file: bad.csv line 2, column 4 (event): sleep \u2014 expected wake, "
            + "block or work",
        "domains[1].workload.file: missing.csv \u2014 expected an existing file (looked for "
            + tmp.resolve("missing.csv") + ")",
        "domains[2].workload.domain: web-7 \u2014 expected a domain of two.csv: web-0, web-1",
        "domains[3].workload.quantum: 5ms \u2014 expected nothing: quantum applies to format "
            + "util-csv only (this file is demand-csv)",
        "domains[4].workload.format: demand-csv \u2014 expected the format the file names "
            + "(util-csv), or no format key");
    // Problems found when the host is built (xensim validate builds it too).
    assertThat(Scenarios.problems("""
        duration: 10ms
        xen: {sched: fifo}
        domains:
          - {name: web, workload: {type: trace, file: two.csv}}
        """, tmp)).containsExactly("domains[0].workload.domain: (not set; the scenario domain "
            + "is web) \u2014 expected the name of one of the 2 domains of two.csv: web-0, web-1");
    assertThat(Scenarios.problems("""
        duration: 10ms
        xen: {sched: fifo}
        domains:
          - {name: web-1, vcpus: 2, workload: {type: trace, file: two.csv}}
        """, tmp)).containsExactly("domains[0].vcpus: 2 \u2014 expected at least 4: two.csv has "
            + "rows for vCPU 3 of domain web-1");
  }

  private static final String AZURE_LIKE = """
      timestamp,vmid,min_cpu,max_cpu,avg_cpu
      0,a,1,90,12.5
      100,a,1,90,80
      200,a,1,90,0
      200,b,0,0,40
      300,a,1,90,33.3
      300,b,0,0,40
      400,a,1,90,100
      """;

  /**
   * A VM's utilisation samples (Azure's layout, ms timestamps here) replayed on an uncontended
   * host: in each 100 ms sample each vCPU runs exactly round(util x 100 ms).
   */
  @Test
  void utilisationSamplesAreReplayedExactlyPerInterval() throws Exception {
    Files.writeString(tmp.resolve("vms.csv"), AZURE_LIKE);
    RunIntervals runs = new RunIntervals();
    Scenarios.run(Scenarios.load("""
        duration: 600ms
        host: {cores_per_socket: 2}
        xen: {sched: fifo}
        domains:
          - name: a
            vcpus: 2
            workload: {type: trace, file: "util-csv:vms.csv", columns: {util: 5},
                       time_unit: ms, phase: 0ms}
        """, tmp), runs);
    runs.close(Time.ms(600));
    double[] util = {0.125, 0.8, 0, 0.333, 1.0};
    for (int v = 0; v < 2; v++) {
      for (int i = 0; i < util.length; i++) {
        long from = Time.ms(100) * i;
        assertThat(runs.runningIn("a." + v, from, from + Time.ms(100))).as("vCPU %d sample %d",
            v, i).isEqualTo(Math.round(util[i] * Time.ms(100)));
      }
      assertThat(runs.runningIn("a." + v, Time.ms(500), Time.ms(600))).isZero();
    }
  }

  /** t = 0 is the file's first timestamp (VMs stay aligned), or each VM's with align: vm. */
  @Test
  void alignmentOfVmsOfOneFile() throws Exception {
    Files.writeString(tmp.resolve("vms.csv"), AZURE_LIKE);
    RunIntervals runs = new RunIntervals();
    Scenarios.run(Scenarios.load("""
        duration: 400ms
        host: {cores_per_socket: 2}
        xen: {sched: fifo}
        domains:
          - {name: file, workload: {type: trace, file: "util-csv:vms.csv", columns: {util: 5},
                                     time_unit: ms, domain: b, phase: 0ms}}
          - {name: vm, workload: {type: trace, file: "util-csv:vms.csv", columns: {util: 5},
                                   time_unit: ms, domain: b, phase: 0ms, align: vm}}
        """, tmp), runs);
    assertThat(runs.of("file.0").get(0)).startsWith("200000000-");
    assertThat(runs.of("vm.0").get(0)).startsWith("0-");
  }

  /**
   * The converter's demand-csv output, replayed, runs every vCPU exactly as replaying the
   * utilisation file directly with the same quantum and phase does.
   */
  @Test
  void convertedUtilisationReplaysLikeTheUtilisationItself() throws Exception {
    Files.writeString(tmp.resolve("vms.csv"), AZURE_LIKE);
    Map<String, UtilSeries> vms = UtilTraceReader.read(
        new BufferedReader(new StringReader(AZURE_LIKE)), "vms.csv",
        new UtilFormat(1, 2, 5, Time.NS_PER_MS, 100, 0, true), "a");
    StringWriter out = new StringWriter();
    long rows = UtilToDemand.write(vms.get("a"), "a", 2, Time.ms(7), Time.ms(3), out);
    Files.writeString(tmp.resolve("a.csv"), out.toString());
    assertThat(out.toString()).startsWith("time_ns,domain,vcpu,event,amount_ns\n"
        + "3000000,a,0,work,875000\n3000000,a,1,work,875000\n");
    assertThat(rows).isEqualTo(2L * (15 + 15 + 15 + 15));

    RunIntervals direct = new RunIntervals();
    RunIntervals converted = new RunIntervals();
    String yaml = """
        duration: 600ms
        host: {cores_per_socket: 2}
        xen: {sched: fifo}
        domains:
          - {name: a, vcpus: 2, workload: %s}
        """;
    Scenarios.run(Scenarios.load(yaml.formatted("{type: trace, file: \"util-csv:vms.csv\", "
        + "columns: {util: 5}, time_unit: ms, quantum: 7ms, phase: 3ms}"), tmp), direct);
    Scenarios.run(Scenarios.load(yaml.formatted("{type: trace, file: a.csv}"), tmp), converted);
    for (String key : List.of("a.0", "a.1")) {
      assertThat(converted.of(key)).isEqualTo(direct.of(key)).isNotEmpty();
    }
  }

  @Test
  void badUtilisationRowsAreNamedByLineAndColumn() throws Exception {
    Files.writeString(tmp.resolve("u.csv"),
        "t,vm,util\n0,a,50\n60,a,150\n60,a,20\n30,a,20\nx;a;3\n");
    assertThat(Scenarios.problems("""
        duration: 10ms
        xen: {sched: fifo}
        domains:
          - {name: a, workload: {type: trace, file: "util-csv:u.csv"}}
        """, tmp)).containsExactly(
        "domains[0].workload.file: u.csv line 3, column 3 (utilisation): 150 \u2014 expected a "
            + "utilisation from 0 to 100 (util_max)",
        "domains[0].workload.file: u.csv line 5, column 1 (time): 30 \u2014 expected a timestamp "
            + "after the previous sample of VM a (line 4)",
        "domains[0].workload.file: u.csv line 6, column 1 (time): x \u2014 expected a "
            + "timestamp, a number of at least 0");
  }
}
