package org.xensim.core.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.xensim.core.domain.VCpu;
import org.xensim.core.engine.Simulation;
import org.xensim.core.metrics.MetricsCollector;
import org.xensim.core.observe.Listeners;
import org.xensim.core.observe.SimListener;
import org.xensim.core.observe.TraceWriter;
import org.xensim.core.random.RandomStreams;
import org.xensim.core.scenario.Scenario;
import org.xensim.core.schedule.CpuPool;
import org.xensim.core.schedule.GenericLayer;

/** One replication of a scenario: build the host, run it, fold the events into a summary. */
public final class ReplicationRun {
  private static final int PROGRESS_STEPS = 100;

  private final Scenario scenario;
  private final int replication;
  private final long seed;
  private final Simulation sim;
  private final GenericLayer layer;
  private final MetricsCollector metrics;
  private final Listeners listeners = new Listeners();
  private TraceWriter trace;

  public ReplicationRun(Scenario scenario, int replication) {
    this.scenario = scenario;
    this.replication = replication;
    this.seed = RandomStreams.replicationSeed(scenario.seed(), replication);
    this.sim = new Simulation(seed, replication);
    this.layer = new GenericLayer(sim, scenario.topology(), scenario.costs(), listeners);
    HostBuilder.build(scenario, layer);
    int nrCpus = scenario.topology().nrCpus();
    this.metrics = new MetricsCollector(nrCpus, nrCpus, layer.vcpus().size());
    listeners.add(metrics);
  }

  /** Also writes every event to {@code file}. */
  public ReplicationRun withTrace(Path file, boolean gzip) {
    trace = new TraceWriter(file, gzip);
    listeners.add(trace);
    return this;
  }

  /** Adds an observer (tests use it to check invariants). */
  public ReplicationRun withListener(SimListener l) {
    listeners.add(l);
    return this;
  }

  public GenericLayer layer() {
    return layer;
  }

  public MetricsCollector metrics() {
    return metrics;
  }

  /**
   * Runs warm-up and measured time.
   *
   * @param progress told the simulated time reached, about a hundred times (may be null)
   * @return the replication's summary
   */
  public ObjectNode run(LongConsumer progress) {
    long warmup = scenario.warmupNs();
    long end = scenario.endNs();
    if (warmup > 0) {
      sim.newTimer(-1, () -> {
        layer.settleAll();
        layer.measureStart();
        listeners.onMeasureStart(sim.now());
      }).set(warmup);
    } else {
      layer.measureStart();
      listeners.onMeasureStart(0);
    }
    layer.startWorkloads();
    try {
      long step = Math.max(1, end / PROGRESS_STEPS);
      for (long t = step; ; t += step) {
        long until = Math.min(t, end);
        sim.runUntil(until);
        if (progress != null) {
          progress.accept(until);
        }
        if (until >= end) {
          break;
        }
      }
      layer.settleAll();
      listeners.onEnd(end);
      for (VCpu v : layer.vcpus()) {
        metrics.closeVcpu(v, end);
      }
    } finally {
      if (trace != null) {
        trace.close();
      }
    }
    return new SummaryBuilder(scenario, layer, metrics, seed).build();
  }


  public int replication() {
    return replication;
  }

  public long eventsFired() {
    return sim.eventsFired();
  }
}
