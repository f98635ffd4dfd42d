package org.xensim.core.time;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the scenario's durations: a number with a unit ({@code 500ns 250us 10ms 1.5s 2m 1h}). */
public final class Durations {
  private static final Pattern DURATION =
      Pattern.compile("^([0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\\s*(ns|us|µs|ms|s|m|h)$");

  /** What the error messages say is allowed. */
  public static final String EXPECTED = "a duration with a unit (ns, us, ms, s, m, h), e.g. 10ms";

  private Durations() {}

  /**
   * Parses {@code text} into nanoseconds.
   *
   * @throws IllegalArgumentException with a message saying what was expected
   */
  public static long parse(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("expected " + EXPECTED);
    }
    BigDecimal value = new BigDecimal(m.group(1));
    BigDecimal ns = value.multiply(BigDecimal.valueOf(unitNs(m.group(2))));
    try {
      return ns.longValueExact();
    } catch (ArithmeticException e) {
      if (ns.stripTrailingZeros().scale() > 0) {
        throw new IllegalArgumentException("does not come to a whole number of nanoseconds");
      }
      throw new IllegalArgumentException("is too large");
    }
  }

  /** Parses a number in the given unit (for Xen boot options given as bare numbers). */
  public static long parseBare(String text, long unitNs) {
    BigDecimal ns = new BigDecimal(text.trim()).multiply(BigDecimal.valueOf(unitNs));
    try {
      return ns.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("does not come to a whole number of nanoseconds");
    }
  }

  static long unitNs(String unit) {
    switch (unit.toLowerCase(Locale.ROOT)) {
      case "ns":
        return 1L;
      case "us":
      case "µs":
        return Time.NS_PER_US;
      case "ms":
        return Time.NS_PER_MS;
      case "s":
        return Time.NS_PER_S;
      case "m":
        return 60 * Time.NS_PER_S;
      case "h":
        return 3600 * Time.NS_PER_S;
      default:
        throw new IllegalArgumentException("unknown unit " + unit);
    }
  }
}
