package org.xensim.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.xensim.core.host.CpuMask;
import org.junit.jupiter.api.Test;
import org.xensim.core.domain.Domain;
import org.xensim.core.domain.VCpu;
import org.xensim.core.sched.SchedParams;

/** Job and request response times are folded per vCPU, over the measured time only. */
class MetricsCollectorTest {
  private final Domain d = new Domain(0, "web", 0, SchedParams.EMPTY, false);
  private final VCpu v = new VCpu(1, d, 0, 0, new CpuMask(), new CpuMask(), SchedParams.EMPTY);
  private final MetricsCollector m = new MetricsCollector(1, 1, 1);

  @Test
  void jobAndRequestResponseTimesAreRecordedFromTheMeasureStartOn() {
    m.onJobDone(v, 5_000, false, 10);
    m.onRequestDone(v, 7_000, 10);
    m.onMeasureStart(100);
    m.onJobDone(v, 2_000, false, 200);
    m.onJobDone(v, 4_000, true, 300);
    m.onRequestDone(v, 1_000, 400);

    VcpuStats s = m.vcpu(v);
    assertThat(s.jobs).isEqualTo(2);
    assertThat(s.jobResponse.getTotalCount()).isEqualTo(2);
    assertThat(s.jobResponse.getMaxValue()).isBetween(3_996L, 4_004L);
    assertThat(s.requests).isEqualTo(1);
    assertThat(s.requestResponse.getMinValue()).isEqualTo(1_000);
  }

  @Test
  void aVcpuWithoutJobsOrRequestsAllocatesNoHistogram() {
    m.onMeasureStart(0);
    assertThat(m.vcpu(v).jobResponse).isNull();
    assertThat(m.vcpu(v).requestResponse).isNull();
  }
}
