package org.xensim.core.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.RunState;
import org.xensim.core.domain.VCpu;
import org.xensim.core.host.CpuMasks;
import org.xensim.core.metrics.MetricsCollector;
import org.xensim.core.metrics.PcpuStats;
import org.xensim.core.metrics.VcpuStats;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.schedule.CpuPool;
import org.xensim.core.schedule.GenericLayer;

/** Builds one replication's {@code summary.json} tree, in the contract's field order. */
final class SummaryBuilder {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      com.fasterxml.jackson.databind.json.JsonMapper.builder().build();
  private final Scenario scenario;
  private final GenericLayer layer;
  private final MetricsCollector metrics;
  private final long seed;

  SummaryBuilder(Scenario scenario, GenericLayer layer, MetricsCollector metrics, long seed) {
    this.scenario = scenario;
    this.layer = layer;
    this.metrics = metrics;
    this.seed = seed;
  }

  ObjectNode build() {
    double measured = scenario.durationNs();
    ObjectNode root = JSON.objectNode();
    root.put("scenario", scenario.name());
    root.put("seed", seed);
    root.put("simulated_ns", scenario.durationNs());
    root.put("warmup_ns", scenario.warmupNs());
    root.put("xen_version", scenario.xenVersion());
    ArrayNode pools = root.putArray("pools");
    for (CpuPool p : layer.pools()) {
      ObjectNode pn = pools.addObject();
      pn.put("name", p.name());
      pn.put("sched", p.provider().name());
      pn.put("cpus", CpuMasks.format(p.poolCpus()));
      for (Map.Entry<String, Object> e : p.scheduler().summary().entrySet()) {
        pn.set(e.getKey(), MAPPER.valueToTree(e.getValue()));
      }
    }
    List<Domain> domains = layer.domains();
    double[] entitled = Entitlement.of(domains, layer.pools());
    ArrayNode dn = root.putArray("domains");
    long totalMisses = 0;
    long totalMigrations = 0;
    double sumX = 0;
    double sumX2 = 0;
    int n = 0;
    double worstDeviation = 0;
    for (int i = 0; i < domains.size(); i++) {
      Domain d = domains.get(i);
      ObjectNode o = dn.addObject();
      o.put("name", d.name());
      o.put("pool", layer.pools().get(d.poolId()).name());
      long cpu = 0;
      long requests = 0;
      Histogram requestResponse = new Histogram(3);
      ArrayNode vs = JSON.arrayNode();
      for (VCpu v : d.vcpus()) {
        VcpuStats s = metrics.vcpu(v);
        cpu += s.stateNs[RunState.RUNNING.ordinal()];
        totalMisses += s.deadlineMisses;
        totalMigrations += s.migrations;
        vs.add(vcpu(v, s, measured));
        requests += s.requests;
        if (s.requestResponse != null) {
          requestResponse.add(s.requestResponse);
        }
      }
      o.put("cpu_ns", cpu);
      o.put("share", cpu / measured);
      o.put("entitled_share", entitled[i]);
      o.put("requests", requests);
      o.set("request_response_ns", latency(requestResponse));
      o.set("vcpus", vs);
      if (entitled[i] > 0) {
        double x = (cpu / measured) / entitled[i];
        sumX += x;
        sumX2 += x * x;
        n++;
        worstDeviation = Math.max(worstDeviation, Math.abs(1 - x));
      }
    }
    ArrayNode pn = root.putArray("pcpus");
    long calls = 0;
    long repolls = 0;
    long switches = 0;
    for (int c = 0; c < scenario.topology().nrCpus(); c++) {
      PcpuStats p = metrics.pcpu(c);
      ObjectNode o = pn.addObject();
      o.put("cpu", c);
      o.put("pool", layer.poolOf(c).name());
      o.put("busy_ns", p.busyNs);
      o.put("idle_ns", p.idleNs);
      o.put("overhead_ns", p.overheadNs);
      o.put("context_switches", p.contextSwitches);
      o.put("schedule_calls", p.scheduleCalls);
      o.put("idle_repolls", p.idleRepolls);
      o.put("ipis", p.ipisReceived);
      calls += p.scheduleCalls;
      repolls += p.idleRepolls;
      switches += p.contextSwitches;
    }
    ObjectNode t = root.putObject("totals");
    t.put("schedule_calls", calls);
    t.put("idle_repolls", repolls);
    t.put("context_switches", switches);
    t.put("migrations", totalMigrations);
    t.put("ipis", metrics.ipis());
    t.put("deadline_misses", totalMisses);
    t.put("jain_fairness", n == 0 || sumX2 == 0 ? 1.0 : sumX * sumX / (n * sumX2));
    t.put("worst_share_deviation", worstDeviation);
    for (Map.Entry<String, Long> e : metrics.counters().entrySet()) {
      t.put(e.getKey(), e.getValue());
    }
    return root;
  }

  private static ObjectNode vcpu(VCpu v, VcpuStats s, double measured) {
    ObjectNode o = JSON.objectNode();
    o.put("vcpu", v.vcpuId());
    long cpu = s.stateNs[RunState.RUNNING.ordinal()];
    o.put("cpu_ns", cpu);
    o.put("share", cpu / measured);
    o.put("work_ns", s.workNs);
    o.put("runnable_ns", s.stateNs[RunState.RUNNABLE.ordinal()]);
    o.put("blocked_ns", s.stateNs[RunState.BLOCKED.ordinal()]);
    o.put("offline_ns", s.stateNs[RunState.OFFLINE.ordinal()]);
    o.set("wake_latency_ns", latency(s.wakeLatency));
    o.put("wakes", s.wakeLatency.getTotalCount());
    o.put("preemptions", s.preemptions);
    o.put("migrations", s.migrations);
    o.put("jobs", s.jobs);
    o.put("deadline_misses", s.deadlineMisses);
    o.set("job_response_ns", latency(s.jobResponse));
    o.put("requests", s.requests);
    o.set("request_response_ns", latency(s.requestResponse));
    return o;
  }

  private static ObjectNode latency(Histogram h) {
    ObjectNode o = JSON.objectNode();
    boolean empty = h == null || h.getTotalCount() == 0;
    o.put("p50", empty ? 0 : h.getValueAtPercentile(50));
    o.put("p90", empty ? 0 : h.getValueAtPercentile(90));
    o.put("p99", empty ? 0 : h.getValueAtPercentile(99));
    o.put("p999", empty ? 0 : h.getValueAtPercentile(99.9));
    o.put("max", empty ? 0 : h.getMaxValue());
    o.put("mean", empty ? 0 : Math.round(h.getMean()));
    return o;
  }
}
