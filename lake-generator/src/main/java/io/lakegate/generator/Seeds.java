package io.lakegate.generator;

/**
 * Derives the independent random seed of one partition from the lake seed, so that every
 * partition can be generated alone, in any order and on any thread, with the same result.
 */
final class Seeds {
  private Seeds() {
  }

  /**
   * The seed of one random stream.
   *
   * @param seed the lake seed ({@code --seed})
   * @param stream the stream's name, usually the table name; {@link String#hashCode} is specified
   *     by the JDK, so the result is stable across JVMs
   * @param partition the partition key within the stream (day index, partner id, ...)
   */
  static long of(long seed, String stream, long partition) {
    long h = mix(seed ^ 0x6C616B6567617465L);
    h = mix(h ^ stream.hashCode());
    return mix(h ^ (partition * 0x9E3779B97F4A7C15L));
  }

  /** SplitMix64's finaliser: a bijection that spreads every input bit over the output. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
