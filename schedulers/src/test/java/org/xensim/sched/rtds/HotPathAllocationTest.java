package org.xensim.sched.rtds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scheduling hot path allocates nothing: after a warm-up, a busy three-pCPU host with
 * migrations, depleted vCPUs, tickles, replenishments (4.7) or quanta and idle re-polls (4.6)
 * runs hundreds of thousands of events with (almost) no allocation by the simulation thread.
 * Nothing listens, so only the engine, the generic layer and the scheduler are measured.
 */
class HotPathAllocationTest {

  @ParameterizedTest
  @ValueSource(strings = {"4.7", "4.6"})
  void steadyStateAllocatesNothing(String version) {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());

    RtdsSim sim = new RtdsSim(3, version, Map.of(), false);
    sim.hogs("A", 2, "1ms", "300us", 0, null).hogs("B", 2, "700us", "200us", 1, "1-2")
        .hogs("C", 1, "3ms", "1ms", 2, null);
    sim.layer.startWorkloads();
    sim.sim.runUntil(100_000_000L);

    long tid = Thread.currentThread().getId();
    long events = sim.sim.eventsFired();
    long before = mx.getThreadAllocatedBytes(tid);
    sim.sim.runUntil(400_000_000L);
    long allocated = mx.getThreadAllocatedBytes(tid) - before;
    events = sim.sim.eventsFired() - events;

    assertThat(events).isGreaterThan(5_000);
    assertThat(allocated).as("bytes allocated over %d events", events).isLessThan(16 * 1024);
  }
}
