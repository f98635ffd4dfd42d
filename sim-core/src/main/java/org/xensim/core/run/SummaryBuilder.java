package org.xensim.core.run;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.RunState;
import org.xensim.core.domain.VCpu;
import org.xensim.core.host.CpuMasks;
import org.xensim.core.host.Topology.Distance;
import org.xensim.core.metrics.Latency;
import org.xensim.core.metrics.MetricsCollector;
import org.xensim.core.metrics.PcpuStats;
import org.xensim.core.metrics.VcpuStats;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.schedule.CpuPool;
import org.xensim.core.schedule.GenericLayer;

/**
 * Builds one replication's {@code summary.json} tree: the contract's keys in the contract's order,
 * each object's own additions after them and its big arrays last.
 */
final class SummaryBuilder {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  /** Keys of {@code migrations_by_distance}, by {@link Distance} ordinal from CORE on. */
  static final String[] DISTANCES = {"core", "socket", "node", "remote_node"};
  private static final Latency EMPTY = new Latency();

  private final Scenario scenario;
  private final GenericLayer layer;
  private final MetricsCollector metrics;
  private final long seed;
  /** Per domain (creation order): its vCPUs' histograms merged. */
  final List<Latency> domainWake = new ArrayList<>();
  final List<Latency> domainPreempt = new ArrayList<>();

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

    List<VCpu> vcpus = layer.vcpus();
    double[] demand = new double[vcpus.size()];
    for (int i = 0; i < demand.length; i++) {
      VcpuStats s = metrics.vcpu(vcpus.get(i));
      // time it wanted a pCPU: running, runnable, or paused by its scheduler (credit parks a
      // vCPU over its cap offline); scenario vCPUs are never offline for any other reason
      demand[i] = (s.stateNs[RunState.RUNNING.ordinal()] + s.stateNs[RunState.RUNNABLE.ordinal()]
          + s.stateNs[RunState.OFFLINE.ordinal()]) / measured;
    }
    double[] entitled = Entitlement.of(layer.domains(), layer.pools(), vcpus, demand);

    // pCPUs first: pools need their busy times
    ArrayNode pn = JSON.arrayNode();
    long calls = 0;
    long repolls = 0;
    long switches = 0;
    long busy = 0;
    long idle = 0;
    long overhead = 0;
    for (int c = 0; c < scenario.topology().nrCpus(); c++) {
      PcpuStats p = metrics.pcpu(c);
      ObjectNode o = pn.addObject();
      o.put("cpu", c);
      o.put("busy_ns", p.busyNs);
      o.put("idle_ns", p.idleNs);
      o.put("overhead_ns", p.overheadNs);
      o.put("context_switches", p.contextSwitches);
      o.put("schedule_calls", p.scheduleCalls);
      o.put("pool", layer.poolOf(c).name());
      o.put("idle_repolls", p.idleRepolls);
      o.put("ipis", p.ipisReceived);
      o.put("utilisation", p.busyNs / measured);
      calls += p.scheduleCalls;
      repolls += p.idleRepolls;
      switches += p.contextSwitches;
      busy += p.busyNs;
      idle += p.idleNs;
      overhead += p.overheadNs;
    }

    ArrayNode pools = root.putArray("pools");
    double worstImbalance = 0;
    long idleWhileRunnable = 0;
    for (CpuPool p : layer.pools()) {
      ObjectNode o = pools.addObject();
      o.put("name", p.name());
      o.put("sched", p.provider().name());
      o.put("cpus", CpuMasks.format(p.poolCpus()));
      double imbalance = imbalance(p);
      worstImbalance = Math.max(worstImbalance, imbalance);
      o.put("load_imbalance", imbalance);
      o.put("idle_while_runnable_ns", metrics.idleWhileRunnableNs(p.id()));
      idleWhileRunnable += metrics.idleWhileRunnableNs(p.id());
      for (Map.Entry<String, Object> e : p.scheduler().summary().entrySet()) {
        o.set(e.getKey(), MAPPER.valueToTree(e.getValue()));
      }
    }

    List<Domain> domains = layer.domains();
    ArrayNode dn = root.putArray("domains");
    Totals t = new Totals();
    Latency hostWake = new Latency();
    Latency hostPreempt = new Latency();
    Latency hostJobs = new Latency();
    Latency hostRequests = new Latency();
    int vi = 0;
    for (Domain d : domains) {
      ObjectNode o = dn.addObject();
      o.put("name", d.name());
      Totals dt = new Totals();
      Latency wake = new Latency();
      Latency preempt = new Latency();
      Latency jobs = new Latency();
      Latency requests = new Latency();
      double domEntitled = 0;
      double domDemand = 0;
      long[] behind = null;
      ArrayNode vs = JSON.arrayNode();
      for (VCpu v : d.vcpus()) {
        VcpuStats s = metrics.vcpu(v);
        double share = s.stateNs[RunState.RUNNING.ordinal()] / measured;
        dt.add(s);
        wake.add(s.wakeLatency);
        preempt.add(s.preemptWait);
        if (s.jobResponse != null) {
          jobs.add(s.jobResponse);
        }
        if (s.requestResponse != null) {
          requests.add(s.requestResponse);
        }
        if (s.waitedBehindNs != null) {
          behind = behind == null ? new long[s.waitedBehindNs.length] : behind;
          for (int k = 0; k < behind.length; k++) {
            behind[k] += s.waitedBehindNs[k];
          }
        }
        domEntitled += entitled[vi];
        domDemand += demand[vi];
        dt.vcpuDeviation(d.name(), v.vcpuId(), share, entitled[vi]);
        vs.add(vcpu(v, s, measured, entitled[vi], demand[vi]));
        vi++;
      }
      String pool = layer.pools().get(d.poolId()).name();
      double share = dt.cpu / measured;
      o.put("cpu_ns", dt.cpu);
      o.put("share", share);
      o.put("entitled_share", domEntitled);
      o.put("pool", pool);
      o.put("demand_share", domDemand);
      dt.putTimes(o);
      o.set("wake_latency_ns", latency(wake));
      o.put("wakes", wake.count());
      o.set("preempt_wait_ns", latency(preempt));
      dt.putCounts(o);
      o.set("job_response_ns", latency(jobs));
      o.put("requests", dt.requests);
      o.set("request_response_ns", latency(requests));
      if (behind != null) {
        o.set("waited_behind_ns", behind(behind, metrics.slotNames(d.poolId())));
      }
      o.set("vcpus", vs);
      domainWake.add(wake);
      domainPreempt.add(preempt);
      hostWake.add(wake);
      hostPreempt.add(preempt);
      hostJobs.add(jobs);
      hostRequests.add(requests);
      t.addAll(dt);
      t.domainDeviation(share, domEntitled);
    }
    root.set("pcpus", pn);

    ObjectNode to = root.putObject("totals");
    to.put("schedule_calls", calls);
    to.put("context_switches", switches);
    to.put("migrations", t.migrations);
    to.put("ipis", metrics.ipis());
    to.put("deadline_misses", t.deadlineMisses);
    to.put("jain_fairness", t.jain(t.domX, t.domX2, t.domN));
    to.put("idle_repolls", repolls);
    to.put("jain_fairness_vcpus", t.jain(t.vX, t.vX2, t.vN));
    to.put("worst_domain_deviation", t.worstDomain);
    to.put("worst_vcpu_deviation", t.worstVcpu);
    to.put("worst_vcpu", t.worstVcpuName);
    to.put("load_imbalance", worstImbalance);
    to.put("idle_while_runnable_ns", idleWhileRunnable);
    to.put("busy_ns", busy);
    to.put("idle_ns", idle);
    to.put("overhead_ns", overhead);
    to.put("utilisation", busy / (measured * scenario.topology().nrCpus()));
    to.put("cpu_ns", t.cpu);
    t.putTimes(to);
    to.set("wake_latency_ns", latency(hostWake));
    to.put("wakes", hostWake.count());
    to.set("preempt_wait_ns", latency(hostPreempt));
    to.put("preemptions", t.preemptions);
    to.put("jobs", t.jobs);
    to.set("job_response_ns", latency(hostJobs));
    to.put("requests", t.requests);
    to.set("request_response_ns", latency(hostRequests));
    to.set("migrations_by_distance", distances(t.byDistance));
    for (Map.Entry<String, Long> e : metrics.counters().entrySet()) {
      to.put(e.getKey(), e.getValue());
    }
    return root;
  }

  /** Busiest pCPU's busy time over the pool's mean, minus 1 (0 = perfectly even). */
  private double imbalance(CpuPool p) {
    long max = 0;
    long sum = 0;
    int n = 0;
    for (int c = p.poolCpus().nextSetBit(0); c >= 0; c = p.poolCpus().nextSetBit(c + 1)) {
      long b = metrics.pcpu(c).busyNs;
      max = Math.max(max, b);
      sum += b;
      n++;
    }
    return sum == 0 ? 0 : max * (double) n / sum - 1;
  }

  private ObjectNode vcpu(VCpu v, VcpuStats s, double measured, double entitled, double demand) {
    ObjectNode o = JSON.objectNode();
    o.put("vcpu", v.vcpuId());
    long cpu = s.stateNs[RunState.RUNNING.ordinal()];
    o.put("cpu_ns", cpu);
    o.put("work_ns", s.workNs);
    o.put("runnable_ns", s.stateNs[RunState.RUNNABLE.ordinal()]);
    o.put("blocked_ns", s.stateNs[RunState.BLOCKED.ordinal()]);
    o.set("wake_latency_ns", latency(s.wakeLatency));
    o.put("preemptions", s.preemptions);
    o.put("migrations", s.migrations);
    o.put("jobs", s.jobs);
    o.put("deadline_misses", s.deadlineMisses);
    o.put("share", cpu / measured);
    o.put("entitled_share", entitled);
    o.put("demand_share", demand);
    o.put("offline_ns", s.stateNs[RunState.OFFLINE.ordinal()]);
    o.put("runnable_after_wake_ns", s.wakeWaitNs);
    o.put("runnable_after_preempt_ns", s.preemptWaitNs);
    o.put("wakes", s.wakeLatency.count());
    o.set("preempt_wait_ns", latency(s.preemptWait));
    o.set("migrations_by_distance", distances(s.migrationsByDistance));
    o.set("job_response_ns", latency(s.jobResponse == null ? EMPTY : s.jobResponse));
    o.put("requests", s.requests);
    o.set("request_response_ns",
        latency(s.requestResponse == null ? EMPTY : s.requestResponse));
    if (s.waitedBehindNs != null) {
      o.set("waited_behind_ns", behind(s.waitedBehindNs, metrics.slotNames(v.domain().poolId())));
    }
    return o;
  }

  private static ObjectNode distances(long[] byDistance) {
    ObjectNode o = JSON.objectNode();
    for (int k = 0; k < DISTANCES.length; k++) {
      o.put(DISTANCES[k], byDistance[Distance.CORE.ordinal() + k]);
    }
    return o;
  }

  /** Who ran while the vCPU(s) waited: the domains with any time, in domain order. */
  private static ObjectNode behind(long[] ns, List<String> names) {
    ObjectNode o = JSON.objectNode();
    for (int k = 1; k < ns.length; k++) {
      if (ns[k] > 0) {
        o.put(names.get(k), ns[k]);
      }
    }
    if (ns[0] > 0) {
      o.put(names.get(0), ns[0]);
    }
    return o;
  }

  /** Percentiles within 0.1 % (HdrHistogram); max and mean exact; all 0 when empty. */
  static ObjectNode latency(Latency h) {
    ObjectNode o = JSON.objectNode();
    o.put("p50", h.percentile(50));
    o.put("p90", h.percentile(90));
    o.put("p99", h.percentile(99));
    o.put("p999", h.percentile(99.9));
    o.put("max", h.max());
    o.put("mean", h.mean());
    return o;
  }

  /** Sums over vCPUs, and the fairness figures over domains and vCPUs. */
  private static final class Totals {
    long cpu;
    long work;
    long runnable;
    long afterWake;
    long afterPreempt;
    long blocked;
    long offline;
    long preemptions;
    long migrations;
    long jobs;
    long requests;
    long deadlineMisses;
    final long[] byDistance = new long[5];
    double domX;
    double domX2;
    int domN;
    double vX;
    double vX2;
    int vN;
    double worstDomain;
    double worstVcpu;
    String worstVcpuName = "";

    void add(VcpuStats s) {
      cpu += s.stateNs[RunState.RUNNING.ordinal()];
      runnable += s.stateNs[RunState.RUNNABLE.ordinal()];
      blocked += s.stateNs[RunState.BLOCKED.ordinal()];
      offline += s.stateNs[RunState.OFFLINE.ordinal()];
      work += s.workNs;
      afterWake += s.wakeWaitNs;
      afterPreempt += s.preemptWaitNs;
      preemptions += s.preemptions;
      migrations += s.migrations;
      jobs += s.jobs;
      requests += s.requests;
      deadlineMisses += s.deadlineMisses;
      for (int k = 0; k < byDistance.length; k++) {
        byDistance[k] += s.migrationsByDistance[k];
      }
    }

    void addAll(Totals o) {
      cpu += o.cpu;
      work += o.work;
      runnable += o.runnable;
      afterWake += o.afterWake;
      afterPreempt += o.afterPreempt;
      blocked += o.blocked;
      offline += o.offline;
      preemptions += o.preemptions;
      migrations += o.migrations;
      jobs += o.jobs;
      requests += o.requests;
      deadlineMisses += o.deadlineMisses;
      for (int k = 0; k < byDistance.length; k++) {
        byDistance[k] += o.byDistance[k];
      }
      vX += o.vX;
      vX2 += o.vX2;
      vN += o.vN;
      if (!o.worstVcpuName.isEmpty()
          && (worstVcpuName.isEmpty() || Math.abs(o.worstVcpu) > Math.abs(worstVcpu))) {
        worstVcpu = o.worstVcpu;
        worstVcpuName = o.worstVcpuName;
      }
    }

    void putTimes(ObjectNode o) {
      o.put("work_ns", work);
      o.put("runnable_ns", runnable);
      o.put("runnable_after_wake_ns", afterWake);
      o.put("runnable_after_preempt_ns", afterPreempt);
      o.put("blocked_ns", blocked);
    }

    void putCounts(ObjectNode o) {
      o.put("preemptions", preemptions);
      o.put("migrations", migrations);
      o.set("migrations_by_distance", distances(byDistance));
      o.put("jobs", jobs);
      o.put("deadline_misses", deadlineMisses);
    }

    void vcpuDeviation(String domain, int vcpu, double share, double entitled) {
      if (entitled <= 0) {
        return;
      }
      double x = share / entitled;
      vX += x;
      vX2 += x * x;
      vN++;
      if (worstVcpuName.isEmpty() || Math.abs(x - 1) > Math.abs(worstVcpu)) {
        worstVcpu = x - 1;
        worstVcpuName = domain + "/" + vcpu;
      }
    }

    void domainDeviation(double share, double entitled) {
      if (entitled <= 0) {
        return;
      }
      double x = share / entitled;
      domX += x;
      domX2 += x * x;
      domN++;
      if (Math.abs(x - 1) > Math.abs(worstDomain)) {
        worstDomain = x - 1;
      }
    }

    double jain(double sum, double sum2, int n) {
      return n == 0 || sum2 == 0 ? 1.0 : sum * sum / (n * sum2);
    }
  }
}
