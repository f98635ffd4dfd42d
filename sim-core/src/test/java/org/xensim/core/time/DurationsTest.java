package org.xensim.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({"500ns,500", "250us,250000", "250µs,250000", "10ms,10000000", "1.5s,1500000000",
      "2m,120000000000", "1h,3600000000000", "10 ms,10000000", "0.0005ms,500", "0s,0"})
  void parsesUnits(String text, long ns) {
    assertThat(Durations.parse(text)).isEqualTo(ns);
  }

  @Test
  void rejectsBareNumbersUnknownUnitsAndFractionsOfANanosecond() {
    assertThatThrownBy(() -> Durations.parse("10")).hasMessageContaining("unit");
    assertThatThrownBy(() -> Durations.parse("10 parsecs")).hasMessageContaining("unit");
    assertThatThrownBy(() -> Durations.parse("1.5ns")).hasMessageContaining("whole number");
  }

  @Test
  void formatsForPeople() {
    assertThat(Time.format(Time.ms(30))).isEqualTo("30ms");
    assertThat(Time.format(1500)).isEqualTo("1500ns");
    assertThat(Time.format(Time.us(250))).isEqualTo("250us");
  }
}
