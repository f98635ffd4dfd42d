package org.xensim.core.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.xensim.core.metrics.Latency;
import org.xensim.core.metrics.TimelineRecorder;
import org.xensim.core.metrics.UtilisationSeries;

/**
 * What one replication produced: its summary tree, and what the plots need beyond it.
 *
 * @param summary the replication's {@code summary.json} tree
 * @param domains domain names, in creation order
 * @param wakeLatency per domain (same order): its vCPUs' wake-to-run latencies merged
 * @param preemptWait per domain: its vCPUs' preemption waits merged
 * @param timeline what ran where in the timeline window (replication 0 only, else null)
 * @param utilisation busy time per pCPU over the measured time, in buckets
 */
public record ReplicationResult(ObjectNode summary, List<String> domains,
    List<Latency> wakeLatency, List<Latency> preemptWait, TimelineRecorder timeline,
    UtilisationSeries utilisation) {}
