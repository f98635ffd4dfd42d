package org.xensim.workload.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demand-csv reader: what it accepts, and a line and column for every bad row. */
class DemandTraceReaderTest {

  private static DemandTrace read(String text) throws Exception {
    return DemandTraceReader.read(new BufferedReader(new StringReader(text)), "t.csv");
  }

  private static List<String> problems(String text) {
    try {
      read(text);
      throw new AssertionError("no problem found");
    } catch (BadTraceException e) {
      return e.problems();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void readsRowsPerDomainAndVcpuWithUnitsCommentsAndAHeader() throws Exception {
    DemandTrace t = read("""
        # recorded on host 7
        time_ns,domain,vcpu,event,amount_ns
        0,web,0,wake,1500000
        1ms,db,2,wake

        2ms,db,2,block
        3000000,web,0,work,250us
        """);
    assertThat(t.domains()).containsExactly("web", "db");
    VcpuDemand w = t.domain("web").get(0);
    assertThat(w.size()).isEqualTo(2);
    assertThat(w.event(1)).isEqualTo(DemandEvent.WORK);
    assertThat(w.amount(1)).isEqualTo(250_000);
    assertThat(w.totalWork()).isEqualTo(1_750_000);
    assertThat(t.domain("db")).hasSize(3);
    assertThat(t.domain("db").get(0).size()).isZero();
    assertThat(t.domain("db").get(2).amount(0)).isEqualTo(-1);
    assertThat(t.domain("db").get(2).time(1)).isEqualTo(2_000_000);
  }

  @Test
  void everyBadRowIsNamedByLineAndColumn() {
    assertThat(problems("""
        time_ns,domain,vcpu,event,amount_ns
        0,web,0,wakeup,1000
        10,web,x,wake,1000
        20,,0,work,5
        abc,web,0,work,5
        30,web,0,work
        40,web,0,block,7
        50,web,0,work,-3
        60,web,0
        70,web,0,wake,1.5 parsecs
        """)).containsExactly(
        "t.csv line 2, column 4 (event): wakeup \u2014 expected wake, block or work",
        "t.csv line 3, column 3 (vcpu): x \u2014 expected a vCPU number from 0 to 4095",
        "t.csv line 4, column 2 (domain): \"\" \u2014 expected a domain name",
        "t.csv line 5, column 1 (time_ns): abc \u2014 expected integer nanoseconds or a "
            + "duration with a unit (e.g. 1500000 or 1.5ms)",
        "t.csv line 6, column 5 (amount_ns): \"\" \u2014 expected the work that arrives, above 0 "
            + "(e.g. 250000 or 250us)",
        "t.csv line 7, column 5 (amount_ns): 7 \u2014 expected nothing: a block row has no amount",
        "t.csv line 8, column 5 (amount_ns): -3 \u2014 expected integer nanoseconds or a duration "
            + "with a unit (e.g. 1500000 or 1.5ms)",
        "t.csv line 9: 60,web,0 \u2014 expected 5 columns time_ns,domain,vcpu,event,amount_ns "
            + "(the amount may be left out of wake and block rows), not 3",
        "t.csv line 10, column 5 (amount_ns): 1.5 parsecs \u2014 expected integer nanoseconds or "
            + "a duration with a unit (e.g. 1500000 or 1.5ms)");
  }

  @Test
  void aVcpuGoingBackInTimeIsNamedWithThePreviousRow() {
    assertThat(problems("""
        0,web,0,wake,1000
        5000,web,0,work,1000
        3000,web,1,wake,1000
        4000,web,0,work,1000
        """)).containsExactly("t.csv line 4, column 1 (time_ns): 4000 \u2014 expected a time not "
            + "before 5000, the previous row of web vCPU 0 (line 2)");
  }

  @Test
  void aBadHeaderIsReported() {
    assertThat(problems("time,dom,vcpu,event,amount\n0,web,0,wake,1\n")).hasSize(1)
        .allMatch(p -> p.startsWith("t.csv line 1: time,dom,vcpu,event,amount \u2014 expected "
            + "the header"));
  }

  @Test
  void readingStopsAfterTwentyProblems() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      b.append(i).append(",web,0,nap,1\n");
    }
    assertThatThrownBy(() -> read(b.toString())).isInstanceOf(BadTraceException.class)
        .satisfies(e -> assertThat(((BadTraceException) e).problems()).hasSize(21)
            .last().isEqualTo("t.csv: stopped after 20 problems"));
  }
}
