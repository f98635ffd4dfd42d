package org.xensim.core.random;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Named, independent random streams derived from (scenario seed, replication, stream name), so
 * adding a domain or a draw somewhere never changes the numbers another stream gives.
 */
public final class RandomStreams {
  private final long seed;
  private final int replication;
  private final Map<String, UniformRandomProvider> streams = new HashMap<>();

  public RandomStreams(long seed, int replication) {
    this.seed = seed;
    this.replication = replication;
  }

  /** The stream called {@code name}; the same object on every call. */
  public UniformRandomProvider stream(String name) {
    return streams.computeIfAbsent(name, n -> RandomSource.L64_X128_MIX.create(seedFor(n)));
  }

  private long[] seedFor(String name) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L) ^ mix(replication + 0x632BE59BD9B4E019L);
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ (b & 0xFF));
    }
    long[] s = new long[4];
    for (int i = 0; i < s.length; i++) {
      h = mix(h + 0x9E3779B97F4A7C15L);
      s[i] = h;
    }
    return s;
  }

  /** SplitMix64's finaliser: a bijective 64-bit mix. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The seed of replication {@code r} of a scenario with seed {@code seed}, as reported. */
  public static long replicationSeed(long seed, int r) {
    return r == 0 ? seed : mix(seed + r * 0x9E3779B97F4A7C15L) & Long.MAX_VALUE;
  }
}
