package org.xensim.core.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.xensim.core.host.CpuMask;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xensim.core.cost.CostModel;
import org.xensim.core.host.CpuMasks;
import org.xensim.core.host.Topology;
import org.xensim.core.sched.ParamSpec;
import org.xensim.core.sched.SchedulerProvider;
import org.xensim.core.sched.SchedulerRegistry;
import org.xensim.core.time.Durations;
import org.xensim.core.workload.WorkloadFactory;
import org.xensim.core.workload.WorkloadProvider;
import org.xensim.core.workload.WorkloadRegistry;

/**
 * Turns a scenario YAML (plus {@code --set} overrides) into a validated {@link Scenario},
 * reporting every problem as {@code path: value — expected …}.
 */
public final class ScenarioLoader {
  public static final String DEFAULT_VERSION = "4.7";
  public static final String DEFAULT_SCHED = "credit";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final SchedulerRegistry schedulers;
  private final WorkloadRegistry workloads;
  private List<String> warnings = List.of();

  public ScenarioLoader(SchedulerRegistry schedulers, WorkloadRegistry workloads) {
    this.schedulers = schedulers;
    this.workloads = workloads;
  }

  /** Loads with the providers on the class path. */
  public static ScenarioLoader withInstalledProviders() {
    return new ScenarioLoader(SchedulerRegistry.load(), WorkloadRegistry.load());
  }

  /** Warnings of the last {@link #load} (ignored keys and the like). */
  public List<String> warnings() {
    return warnings;
  }

  /** Reads a file into a tree, with YAML syntax errors reported by line and column. */
  public static ObjectNode readTree(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ScenarioException(file + ": cannot read (" + e.getMessage() + ")");
    }
    return readTree(text, file.getFileName().toString());
  }

  public static ObjectNode readTree(String text, String origin) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "" : ": line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new ScenarioException(origin + where + ": not valid YAML (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new ScenarioException(origin + ": expected a YAML mapping with at least duration: and domains:");
    }
    return (ObjectNode) root;
  }

  public Scenario load(Path file, List<String> sets) {
    ObjectNode tree = readTree(file);
    for (String s : sets) {
      Overrides.apply(tree, s);
    }
    String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    Path dir = file.toAbsolutePath().getParent();
    return build(tree, base, dir == null ? Path.of("") : dir);
  }

  /** Validates a tree (already overridden) into a scenario; {@code defaultName} if it has none. */
  public Scenario build(ObjectNode tree, String defaultName) {
    return build(tree, defaultName, Path.of(""));
  }

  /**
   * Validates a tree; file names in it (trace files, say) are relative to {@code baseDir}, the
   * scenario file's folder.
   */
  public Scenario build(ObjectNode tree, String defaultName, Path baseDir) {
    Problems problems = new Problems();
    Fields top = new Fields(tree, "", problems);
    String name = top.string("name", defaultName);
    long seed = top.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    long duration = 0;
    if (!top.has("duration")) {
      problems.error("duration", null, "the simulated time to measure, e.g. 20s");
    } else {
      duration = top.duration("duration", 0);
      if (duration <= 0 && !problems.hasErrors()) {
        problems.error("duration", top.get("duration"), "a duration above 0");
      }
    }
    long warmup = top.duration("warmup", 0);
    int replications = (int) top.integer("replications", 1, 1, 10_000);

    Fields host = new Fields(top.get("host"), "host", problems);
    int nodes = (int) host.integer("nodes", 1, 1, 64);
    int sockets = (int) host.integer("sockets_per_node", 1, 1, 64);
    int cores = (int) host.integer("cores_per_socket", 1, 1, 1024);
    int threads = (int) host.integer("threads_per_core", 1, 1, 8);
    CostModel costs = costs(new Fields(host.get("costs"), "host.costs", problems));
    host.finish();
    Topology topo = new Topology(nodes, sockets, cores, threads);
    if (topo.nrCpus() > 4096) {
      problems.error("host", topo.nrCpus() + " pCPUs", "at most 4096 pCPUs");
    }

    Fields xen = new Fields(top.get("xen"), "xen", problems);
    String version = xen.string("version", DEFAULT_VERSION);
    String sched = xen.choice("sched", DEFAULT_SCHED, schedulers.names());
    Map<String, Object> bootOptions = poolParams(xen, problems);

    List<Scenario.Pool> pools = pools(top, topo, sched, version, bootOptions, problems);
    List<Scenario.DomainSpec> domains = domains(top, topo, pools, problems, baseDir);

    Fields out = new Fields(top.get("output"), "output", problems);
    String dir = out.string("dir", "results/" + name);
    List<String> plots = new ArrayList<>(Scenario.Output.PLOT_KINDS);
    JsonNode plotNode = out.get("plots");
    if (plotNode != null) {
      plots.clear();
      if (plotNode.isArray()) {
        for (JsonNode p : plotNode) {
          if (!Scenario.Output.PLOT_KINDS.contains(p.asText())) {
            problems.error("output.plots", p, "plot kinds among "
                + String.join(", ", Scenario.Output.PLOT_KINDS));
          } else if (!plots.contains(p.asText())) {
            plots.add(p.asText());
          }
        }
      } else {
        problems.error("output.plots", plotNode, "a list such as [timeline, shares, latency]"
            + " (kinds: " + String.join(", ", Scenario.Output.PLOT_KINDS) + ")");
      }
    }
    JsonNode traceNode = out.get("trace");
    boolean trace = false;
    boolean gzip = false;
    if (traceNode != null) {
      if (traceNode.isBoolean()) {
        trace = traceNode.asBoolean();
      } else if (traceNode.asText().equals("gzip") || traceNode.asText().equals("trace.csv.gz")) {
        trace = gzip = true;
      } else if (traceNode.asText().equals("trace.csv")) {
        trace = true;
      } else {
        problems.error("output.trace", traceNode, "true, false or gzip");
      }
    }
    Fields window = new Fields(out.get("timeline"), "output.timeline", problems);
    long timelineFrom = window.duration("from", warmup);
    long timelineTo = window.duration("to",
        timelineFrom + Math.min(Math.max(duration, 1), Scenario.Output.DEFAULT_TIMELINE_NS));
    if (timelineTo <= timelineFrom) {
      problems.error("output.timeline.to", window.get("to"), "a time after output.timeline.from ("
          + timelineFrom + "ns)");
    }
    window.finish();
    List<String> sweepMetrics = new ArrayList<>();
    JsonNode metricNode = out.get("sweep_metrics");
    if (metricNode != null) {
      if (metricNode.isArray() && !metricNode.isEmpty()) {
        for (JsonNode m : metricNode) {
          if (m.isTextual() && !m.asText().isBlank()) {
            sweepMetrics.add(m.asText());
          } else {
            problems.error("output.sweep_metrics", m, "column names of sweep.csv, e.g. "
                + "[request_p99_ns, jain_fairness, web-0.share]");
          }
        }
      } else {
        problems.error("output.sweep_metrics", metricNode, "a list of sweep.csv columns, e.g. "
            + "[request_p99_ns, jain_fairness]");
      }
    }
    out.finish();
    JsonNode sweep = top.get("sweep");
    top.finish();
    problems.throwIfAny();
    warnings = problems.warnings();
    return new Scenario(name, seed, duration, warmup, replications, topo, costs, version, pools,
        domains, new Scenario.Output(dir, List.copyOf(plots), trace, gzip,
            timelineFrom, timelineTo, List.copyOf(sweepMetrics)), sweep, tree);
  }

  private static CostModel costs(Fields c) {
    long ctx = c.duration("context_switch", 0);
    long ipi = c.duration("ipi_latency", 0);
    double smt = c.number("smt_rate", 1.0, 0.01, 1.0);
    Fields mig = new Fields(c.get("migration"), c.at("migration"), c.problems());
    long core = mig.duration("core", 0);
    long socket = mig.duration("socket", 0);
    long node = mig.duration("node", 0);
    mig.finish();
    c.finish();
    return new CostModel(ctx, ipi, smt, core, socket, node);
  }

  /** Every pool-scope (boot option) parameter of every scheduler, by Xen name. */
  private Map<String, ParamSpec> specsOf(ParamSpec.Scope... scopes) {
    Map<String, ParamSpec> out = new LinkedHashMap<>();
    Set<ParamSpec.Scope> wanted = Set.of(scopes);
    for (SchedulerProvider p : schedulers.all()) {
      for (ParamSpec s : p.parameters()) {
        if (wanted.contains(s.scope())) {
          out.putIfAbsent(s.name(), s);
        }
      }
    }
    return out;
  }

  /** Reads the boot options among the unread keys of {@code f}; unknown keys are errors. */
  private Map<String, Object> poolParams(Fields f, Problems problems) {
    Map<String, ParamSpec> specs = specsOf(ParamSpec.Scope.POOL);
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key : f.unreadKeys()) {
      ParamSpec spec = specs.get(key);
      if (spec == null) {
        continue;
      }
      Object v = ParamValues.parse(spec, f.get(key), f.at(key), true, problems);
      if (v != null) {
        values.put(key, v);
      }
    }
    f.finish();
    return values;
  }

  private List<Scenario.Pool> pools(Fields top, Topology topo, String bootSched, String version,
      Map<String, Object> bootOptions, Problems problems) {
    List<Scenario.Pool> pools = new ArrayList<>();
    JsonNode list = top.get("pools");
    if (list == null) {
      pools.add(pool("Pool-0", bootSched, topo.allCpus(), version, bootOptions, Map.of(), "xen",
          problems));
      return pools;
    }
    if (!list.isArray() || list.isEmpty()) {
      problems.error("pools", list, "a list of pools, e.g. [{name: Pool-0, sched: credit, cpus: \"0-3\"}]");
      return pools;
    }
    CpuMask covered = new CpuMask();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "pools[" + i + "]";
      Fields f = new Fields(list.get(i), path, problems);
      String name = f.string("name", null);
      if (name == null) {
        problems.error(f.at("name"), null, "a pool name such as Pool-0");
        name = "pool" + i;
      } else if (!names.add(name)) {
        problems.error(f.at("name"), name, "a name no other pool has");
      }
      String sched = f.choice("sched", bootSched, schedulers.names());
      CpuMask cpus = cpuList(f, "cpus", topo, null);
      if (cpus == null) {
        problems.error(f.at("cpus"), null, "the pool's pCPUs in xl syntax, e.g. \"0-3\"");
        cpus = new CpuMask();
      }
      if (cpus.intersects(covered)) {
        CpuMask both = cpus.clone();
        both.and(covered);
        problems.error(f.at("cpus"), f.get("cpus"), "pCPUs in no other pool (pools overlap on "
            + CpuMasks.format(both) + ")");
      }
      covered.or(cpus);
      Map<String, Object> own = poolParams(f, problems);
      pools.add(pool(name, sched, cpus, version, bootOptions, own, path, problems));
    }
    if (covered.cardinality() < topo.nrCpus()) {
      CpuMask free = topo.allCpus().clone();
      free.andNot(covered);
      problems.error("pools", "pCPUs " + CpuMasks.format(free)
          + " are in no pool; xensim needs every pCPU in a pool (free pCPUs of Xen 4.7 are not modelled)");
    }
    return pools;
  }

  private Scenario.Pool pool(String name, String sched, CpuMask cpus, String version,
      Map<String, Object> boot, Map<String, Object> own, String path, Problems problems) {
    SchedulerProvider provider = schedulers.find(sched).orElse(null);
    Map<String, Object> params = new LinkedHashMap<>();
    if (provider == null) {
      if (schedulers.all().isEmpty()) {
        problems.error(path + ".sched", sched, "an installed scheduler model (none found)");
      }
      return new Scenario.Pool(name, null, cpus, params);
    }
    if (!provider.versions().contains(version)) {
      problems.error("xen.version", version, "a Xen version that scheduler " + sched
          + " models: " + String.join(", ", provider.versions()));
    }
    Set<String> mine = new HashSet<>();
    for (ParamSpec s : provider.parameters()) {
      if (s.scope() == ParamSpec.Scope.POOL) {
        mine.add(s.name());
        params.put(s.name(), s.defaultValue());
      }
    }
    for (Map<String, Object> layer : List.of(boot, own)) {
      for (Map.Entry<String, Object> e : layer.entrySet()) {
        if (mine.contains(e.getKey())) {
          params.put(e.getKey(), e.getValue());
        } else if (layer == own) {
          problems.warn(path + "." + e.getKey() + ": ignored; scheduler " + sched
              + " (Xen " + version + ") has no such option");
        }
      }
    }
    return new Scenario.Pool(name, provider, cpus, params);
  }

  private static CpuMask cpuList(Fields f, String key, Topology topo, CpuMask def) {
    JsonNode v = f.get(key);
    if (v == null) {
      return def;
    }
    try {
      CpuMask b = CpuMasks.parse(v.asText(), topo);
      if (b.isEmpty()) {
        f.problems().error(f.at(key), v, "a cpu list with at least one pCPU");
        return def;
      }
      return b;
    } catch (IllegalArgumentException e) {
      f.problems().error(f.at(key), v, "a cpu list in xl syntax such as \"0-3,8\" or all ("
          + e.getMessage() + ")");
      return def;
    }
  }

  private List<Scenario.DomainSpec> domains(Fields top, Topology topo, List<Scenario.Pool> pools,
      Problems problems, Path baseDir) {
    List<Scenario.DomainSpec> out = new ArrayList<>();
    JsonNode list = top.get("domains");
    if (list == null || !list.isArray() || list.isEmpty()) {
      problems.error("domains", list, "a list of domains, e.g. [{name: A, vcpus: 1, workload: {type: cpu-hog}}]");
      return out;
    }
    Map<String, ParamSpec> domainSpecs = specsOf(ParamSpec.Scope.DOMAIN, ParamSpec.Scope.VCPU);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "domains[" + i + "]";
      Fields f = new Fields(list.get(i), path, problems);
      String name = f.string("name", null);
      if (name == null || name.isBlank()) {
        problems.error(f.at("name"), name, "a domain name");
        name = "d" + i;
      }
      int count = (int) f.integer("count", 1, 1, 100_000);
      int vcpus = (int) f.integer("vcpus", 1, 1, 4096);
      String poolName = f.string("pool", "Pool-0");
      int poolIdx = -1;
      for (int p = 0; p < pools.size(); p++) {
        if (pools.get(p).name().equals(poolName)) {
          poolIdx = p;
        }
      }
      if (poolIdx < 0) {
        problems.error(f.at("pool"), poolName, "one of the pools: "
            + String.join(", ", pools.stream().map(Scenario.Pool::name).toList()));
      }
      Scenario.Pool pool = poolIdx >= 0 ? pools.get(poolIdx) : null;
      CpuMask poolCpus = pool == null ? topo.allCpus() : pool.cpus();
      CpuMask hard = cpuList(f, "cpus", topo, null);
      CpuMask soft = cpuList(f, "cpus_soft", topo, null);
      if (hard != null && !hard.intersects(poolCpus)) {
        problems.error(f.at("cpus"), f.get("cpus"), "at least one pCPU of pool " + poolName
            + " (" + CpuMasks.format(poolCpus) + ")");
      }
      int initialCpu = (int) f.integer("initial_cpu", -1, 0, topo.nrCpus() - 1);
      if (initialCpu >= 0 && (!poolCpus.get(initialCpu) || (hard != null && !hard.get(initialCpu)))) {
        problems.error(f.at("initial_cpu"), initialCpu, "a pCPU of pool " + poolName + " ("
            + CpuMasks.format(poolCpus) + ")" + (hard != null ? " and of cpus ("
            + CpuMasks.format(hard) + ")" : ""));
      }
      SchedulerProvider provider = pool == null ? null : pool.provider();
      Map<String, Object> params = domainParams(f, domainSpecs, provider, problems);
      List<Map<String, Object>> vcpuParams = vcpuParams(f, vcpus, domainSpecs, provider, problems);
      if (provider != null) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        problems.errors().addAll(provider.checkDomain(f.path(), all, vcpuParams));
      }
      WorkloadFactory workload = null;
      String type = null;
      JsonNode wl = f.get("workload");
      if (wl != null) {
        Fields w = new Fields(wl, f.at("workload"), problems).withBaseDir(baseDir);
        type = w.string("type", null);
        WorkloadProvider wp = type == null ? null : workloads.find(type).orElse(null);
        if (wp == null) {
          problems.error(w.at("type"), type, "one of " + String.join(", ", workloads.types()));
        } else {
          workload = wp.parse(w);
          w.finish();
        }
      }
      f.finish();
      for (int k = 0; k < count; k++) {
        String dn = count > 1 ? name + "-" + k : name;
        if (!names.add(dn)) {
          problems.error(f.at("name"), dn, "a domain name no other domain has");
        }
        out.add(new Scenario.DomainSpec(dn, vcpus, poolIdx,
            hard == null ? poolCpus.clone() : hard, soft == null ? topo.allCpus().clone() : soft,
            hard != null, soft != null, initialCpu, params, vcpuParams, workload, type));
      }
    }
    return out;
  }

  private static Map<String, Object> domainParams(Fields f, Map<String, ParamSpec> specs,
      SchedulerProvider provider, Problems problems) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key : f.unreadKeys()) {
      ParamSpec spec = specs.get(key);
      if (spec == null || key.equals("vcpu_params")) {
        continue;
      }
      Object v = ParamValues.parse(spec, f.get(key), f.at(key), false, problems);
      if (v == null) {
        continue;
      }
      if (provider != null && !ParamValues.has(provider, key, false)) {
        problems.warn(f.at(key) + ": ignored; scheduler " + provider.name()
            + " has no per-domain " + key);
        continue;
      }
      values.put(key, v);
    }
    return values;
  }

  private static List<Map<String, Object>> vcpuParams(Fields f, int vcpus,
      Map<String, ParamSpec> specs, SchedulerProvider provider, Problems problems) {
    List<Map<String, Object>> per = new ArrayList<>();
    for (int i = 0; i < vcpus; i++) {
      per.add(new LinkedHashMap<>());
    }
    JsonNode list = f.get("vcpu_params");
    if (list == null) {
      return per;
    }
    if (!list.isArray()) {
      problems.error(f.at("vcpu_params"), list, "a list like [{vcpus: \"0\", period: 10ms, budget: 2ms}]");
      return per;
    }
    for (int i = 0; i < list.size(); i++) {
      Fields e = new Fields(list.get(i), f.at("vcpu_params") + "[" + i + "]", problems);
      String which = e.string("vcpus", null);
      CpuMask set = new CpuMask();
      try {
        if (which == null) {
          throw new IllegalArgumentException("missing");
        }
        set = CpuMasks.parse(which, new Topology(1, 1, vcpus, 1));
      } catch (IllegalArgumentException ex) {
        problems.error(e.at("vcpus"), which, "vCPU numbers of this domain (0-" + (vcpus - 1)
            + ") in xl syntax");
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (String key : e.unreadKeys()) {
        ParamSpec spec = specs.get(key);
        if (spec == null || spec.scope() != ParamSpec.Scope.VCPU) {
          continue;
        }
        Object v = ParamValues.parse(spec, e.get(key), e.at(key), false, problems);
        if (v != null) {
          if (provider != null && !ParamValues.has(provider, key, true)) {
            problems.warn(e.at(key) + ": ignored; scheduler " + provider.name()
                + " has no per-vCPU " + key);
          } else {
            values.put(key, v);
          }
        }
      }
      e.finish();
      for (int v = set.nextSetBit(0); v >= 0; v = set.nextSetBit(v + 1)) {
        per.get(v).putAll(values);
      }
    }
    return per;
  }

  /** Parses a duration given on the command line or elsewhere outside a file. */
  public static long parseDuration(String text, String what) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(what + ": " + text + " \u2014 expected " + Durations.EXPECTED);
    }
  }
}
