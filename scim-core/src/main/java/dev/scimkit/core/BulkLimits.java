package dev.scimkit.core;

/**
 * Limits on {@code /Bulk} requests (RFC 7644 section 3.7.4), advertised in {@code
 * /ServiceProviderConfig} and enforced with {@code 413}.
 *
 * @param maxOperations the most operations one request may carry; default {@value
 *     #DEFAULT_MAX_OPERATIONS}
 * @param maxPayloadSize the largest request body in bytes; default {@value
 *     #DEFAULT_MAX_PAYLOAD_SIZE}
 */
public record BulkLimits(int maxOperations, int maxPayloadSize) {

  /** Default for {@link #maxOperations()}. */
  public static final int DEFAULT_MAX_OPERATIONS = 1000;

  /** Default for {@link #maxPayloadSize()}: 1 MiB. */
  public static final int DEFAULT_MAX_PAYLOAD_SIZE = 1 << 20;

  public BulkLimits {
    if (maxOperations < 1) {
      throw new IllegalArgumentException("maxOperations < 1: " + maxOperations);
    }
    if (maxPayloadSize < 1) {
      throw new IllegalArgumentException("maxPayloadSize < 1: " + maxPayloadSize);
    }
  }

  /** The defaults. */
  public static BulkLimits defaults() {
    return new BulkLimits(DEFAULT_MAX_OPERATIONS, DEFAULT_MAX_PAYLOAD_SIZE);
  }
}
