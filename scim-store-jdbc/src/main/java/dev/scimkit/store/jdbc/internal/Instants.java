package dev.scimkit.store.jdbc.internal;

import java.math.BigInteger;
import java.time.Instant;

/** Instants as the store keeps them: epoch nanoseconds in a BIGINT, so nothing is rounded. */
final class Instants {
  private Instants() {}

  private static final BigInteger NANOS = BigInteger.valueOf(1_000_000_000L);
  private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /**
   * Epoch nanoseconds of a resource's timestamp.
   *
   * @throws IllegalArgumentException outside the years 1677 to 2262
   */
  static long toNanos(Instant instant) {
    try {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("instant out of the storable range: " + instant, e);
    }
  }

  /** Epoch nanoseconds of a filter literal, saturated at the range of {@code long}. */
  static long toNanosSaturated(Instant instant) {
    BigInteger n =
        BigInteger.valueOf(instant.getEpochSecond()).multiply(NANOS).add(BigInteger.valueOf(instant.getNano()));
    if (n.compareTo(MIN) < 0) {
      return Long.MIN_VALUE;
    }
    if (n.compareTo(MAX) > 0) {
      return Long.MAX_VALUE;
    }
    return n.longValue();
  }

  static Instant fromNanos(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
