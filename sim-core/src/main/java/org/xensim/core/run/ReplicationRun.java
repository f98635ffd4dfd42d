package org.xensim.core.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.VCpu;
import org.xensim.core.engine.Simulation;
import org.xensim.core.metrics.MetricsCollector;
import org.xensim.core.metrics.TimelineRecorder;
import org.xensim.core.metrics.UtilisationSeries;
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
  private final UtilisationSeries utilisation;
  private TimelineRecorder timeline;
  private TraceWriter trace;

  public ReplicationRun(Scenario scenario, int replication) {
    this.scenario = scenario;
    this.replication = replication;
    this.seed = RandomStreams.replicationSeed(scenario.seed(), replication);
    this.sim = new Simulation(seed, replication);
    this.layer = new GenericLayer(sim, scenario.topology(), scenario.costs(), listeners);
    HostBuilder.build(scenario, layer);
    int nrCpus = scenario.topology().nrCpus();
    this.metrics = new MetricsCollector(layer);
    listeners.add(metrics);
    this.utilisation = new UtilisationSeries(nrCpus, scenario.warmupNs(), scenario.endNs(),
        UtilisationSeries.DEFAULT_BUCKETS);
    listeners.add(utilisation);
    if (replication == 0) {
      timeline = new TimelineRecorder(nrCpus, scenario.output().timelineFromNs(),
          Math.min(scenario.output().timelineToNs(), scenario.endNs()),
          TimelineRecorder.DEFAULT_MAX_SEGMENTS);
      listeners.add(timeline);
    }
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
    return runDetailed(progress).summary();
  }

  /** Runs like {@link #run}, returning the summary and the data the plots draw from. */
  public ReplicationResult runDetailed(LongConsumer progress) {
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
    SummaryBuilder b = new SummaryBuilder(scenario, layer, metrics, seed);
    ObjectNode summary = b.build();
    List<String> names = layer.domains().stream().map(Domain::name).toList();
    return new ReplicationResult(summary, names, b.domainWake, b.domainPreempt, timeline,
        utilisation);
  }


  public int replication() {
    return replication;
  }

  public long eventsFired() {
    return sim.eventsFired();
  }
}
