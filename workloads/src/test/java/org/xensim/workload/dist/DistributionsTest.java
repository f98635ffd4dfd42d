package org.xensim.workload.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xensim.core.random.RandomStreams;
import org.xensim.core.scenario.Fields;
import org.xensim.core.scenario.Problems;
import org.xensim.core.scenario.ScenarioLoader;

/**
 * Each distribution's draws converge to its parameters, and every bad parameter is reported as
 * {@code path: value — expected …}. 200 000 draws give a standard error of the mean of at most
 * 0.3 % for the light-tailed cases (sd/mean <= 1.2), so a 1 % tolerance is over 3 standard errors.
 */
class DistributionsTest {
  private static final int N = 200_000;
  @TempDir Path tmp;

  private static Distribution parse(String yaml, Problems problems, Path base) {
    Fields f = new Fields(ScenarioLoader.readTree("x: " + yaml, "t.yaml"), "w", problems)
        .withBaseDir(base);
    return Distributions.parse(f, "x", true);
  }

  private static Distribution parse(String yaml) {
    Problems p = new Problems();
    Distribution d = parse(yaml, p, Path.of(""));
    assertThat(p.errors()).isEmpty();
    return d;
  }

  private static String problem(String yaml) {
    Problems p = new Problems();
    assertThat(parse(yaml, p, Path.of(""))).isNull();
    assertThat(p.errors()).hasSize(1);
    return p.errors().get(0);
  }

  private static SummaryStatistics draw(Distribution d, long seed) {
    UniformRandomProvider rng = new RandomStreams(seed, 0).stream("test");
    DurationSampler s = d.sampler(rng);
    SummaryStatistics st = new SummaryStatistics();
    for (int i = 0; i < N; i++) {
      long x = s.sampleNs();
      assertThat(x).isNotNegative();
      st.addValue(x);
    }
    return st;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      // yaml; expected mean (ns); expected sd (ns, -1 = not checked)
      "3ms; 3000000; 0",
      "{dist: fixed, value: 250us}; 250000; 0",
      "{dist: exponential, mean: 2ms}; 2000000; 2000000",
      "{dist: exponential, rate: 500}; 2000000; 2000000",
      "{dist: uniform, min: 1ms, max: 3ms}; 2000000; 577350",
      "{dist: normal, mean: 5ms, sd: 1ms}; 5000000; 1000000",
      "{dist: lognormal, mean: 300us, sd: 200us}; 300000; 200000",
      "{dist: pareto, scale: 1ms, shape: 3}; 1500000; -1",
      "{dist: pareto, mean: 1500us, shape: 3}; 1500000; -1",
      "{dist: weibull, shape: 1.5, mean: 2ms}; 2000000; 1359000",
      "{dist: empirical, values: [1ms, 2ms, 2ms, 7ms]}; 3000000; 2345208",
  })
  void drawsConvergeToTheParameters(String yaml, long mean, long sd) {
    Distribution d = parse(yaml);
    assertThat(d.meanNs()).isCloseTo(mean, within(mean * 1e-6)); // normal: truncation adds 1.5 ns
    SummaryStatistics st = draw(d, 42);
    assertThat(st.getMean()).as(d.describe()).isCloseTo(mean, within(mean * 0.01));
    if (sd >= 0) {
      assertThat(st.getStandardDeviation()).as(d.describe())
          .isCloseTo(sd, within(Math.max(sd * 0.02, 1.0)));
    }
  }

  /** Truncation at 0 raises the mean; meanNs() says by how much, and the draws agree. */
  @Test
  void normalIsTruncatedAtZero() {
    Distribution d = parse("{dist: normal, mean: 1ms, sd: 1ms}");
    // E[X | X > 0] for N(1, 1) in ms: 1 + phi(-1) / (1 - Phi(-1)) = 1.28760.
    assertThat(d.meanNs()).isCloseTo(1_287_600, within(100.0));
    SummaryStatistics st = draw(d, 7);
    assertThat(st.getMin()).isGreaterThanOrEqualTo(0);
    assertThat(st.getMean()).isCloseTo(d.meanNs(), within(d.meanNs() * 0.01));
  }

  @Test
  void theSameSeedAndStreamGiveTheSameDrawsAndOtherStreamsOthers() {
    Distribution d = parse("{dist: lognormal, mean: 300us, sd: 200us}");
    DurationSampler a = d.sampler(new RandomStreams(5, 0).stream("web.0.service"));
    DurationSampler b = d.sampler(new RandomStreams(5, 0).stream("web.0.service"));
    DurationSampler c = d.sampler(new RandomStreams(5, 0).stream("web.1.service"));
    boolean differ = false;
    for (int i = 0; i < 100; i++) {
      long x = a.sampleNs();
      assertThat(b.sampleNs()).isEqualTo(x);
      differ |= c.sampleNs() != x;
    }
    assertThat(differ).isTrue();
  }

  @Test
  void empiricalReadsAFileGzippedOrNotWithUnitsOrAUnitKey() throws Exception {
    Files.writeString(tmp.resolve("svc.txt"), "# service times\n1ms\n\n3ms\n");
    try (var out = new GZIPOutputStream(Files.newOutputStream(tmp.resolve("bare.txt.gz")))) {
      out.write("100\n300\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    Problems p = new Problems();
    Distribution a = parse("{dist: empirical, file: svc.txt}", p, tmp);
    Distribution b = parse("{dist: empirical, file: bare.txt.gz, unit: us}", p, tmp);
    assertThat(p.errors()).isEmpty();
    assertThat(a.meanNs()).isEqualTo(2_000_000);
    assertThat(b.meanNs()).isEqualTo(200_000);
  }

  @Test
  void aBadLineOfAnEmpiricalFileIsNamedByLine() throws Exception {
    Files.writeString(tmp.resolve("svc.txt"), "1ms\n2 parsecs\n100\n");
    Problems p = new Problems();
    assertThat(parse("{dist: empirical, file: svc.txt}", p, tmp)).isNull();
    assertThat(p.errors()).containsExactly(
        "w.x.file: svc.txt line 2: 2 parsecs \u2014 expected a duration with a unit (ns, us, ms, "
            + "s, m, h), e.g. 10ms, or a bare number with unit: set",
        "w.x.file: svc.txt line 3: 100 \u2014 expected a duration with a unit (ns, us, ms, s, m, "
            + "h), e.g. 10ms, or a bare number with unit: set");
  }

  @Test
  void badParametersNameThePathTheValueAndWhatIsAllowed() {
    assertThat(problem("{dist: gamma, mean: 1ms}")).startsWith("w.x.dist: gamma \u2014 expected "
        + "one of fixed, exponential, uniform, normal, lognormal, pareto, weibull, empirical");
    assertThat(problem("5")).startsWith("w.x: 5 \u2014 expected a duration such as 2ms")
        .contains("a bare number has no unit");
    assertThat(problem("{dist: exponential, mean: 2ms, rate: 5}"))
        .isEqualTo("w.x: both mean and rate \u2014 expected one of mean (a duration, e.g. 2ms) "
            + "or rate (events per second, e.g. 500)");
    assertThat(problem("{dist: exponential, rate: 0}"))
        .isEqualTo("w.x.rate: 0 \u2014 expected a rate above 0 (events per second)");
    assertThat(problem("{dist: uniform, min: 3ms, max: 1ms}"))
        .isEqualTo("w.x.max: 1ms \u2014 expected a duration not below min (3ms)");
    assertThat(problem("{dist: lognormal, mean: 0ms, sd: 1ms}"))
        .isEqualTo("w.x.mean: 0ms \u2014 expected a duration above 0");
    assertThat(problem("{dist: pareto, mean: 1ms, shape: 0.9}")).startsWith("w.x.shape: 0.9 "
        + "\u2014 expected a shape above 1 when a mean is given");
    assertThat(problem("{dist: weibull, scale: 1ms}"))
        .isEqualTo("w.x.shape: (missing) \u2014 expected a number above 0 such as 1.5");
    assertThat(problem("{dist: exponential, mean: 2ms, mena: 3ms}"))
        .startsWith("w.x.mena: unknown key; known keys here: dist, mean, rate");
    assertThat(problem("{dist: empirical}")).isEqualTo("w.x: neither values nor file \u2014 "
        + "expected one of values (a list such as [1ms, 2ms, 5ms]) or file (one value per line)");
  }
}
