package dev.scimkit.jaxrs.internal;

import dev.scimkit.jaxrs.RateLimit;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One token bucket per tenant, refilled by a clock. Thread-safe. */
final class TenantBuckets {
  /**
   * Above this many tenants, buckets that have refilled completely are dropped (they hold no
   * state worth keeping), so names that are tried once cannot fill the memory.
   */
  static final int SWEEP_ABOVE = 10_000;

  private final double perNano;
  private final double burst;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  TenantBuckets(RateLimit limit, Clock clock) {
    this.perNano = limit.requestsPerSecond() / 1e9;
    this.burst = limit.burst();
    this.clock = clock;
  }

  /**
   * Takes one request from the tenant's bucket.
   *
   * @return 0 when the request may go ahead, else the seconds (at least 1) until it could
   */
  long acquire(String tenant) {
    long now = nanos(clock.instant());
    if (buckets.size() > SWEEP_ABOVE) {
      sweep(now);
    }
    return buckets.computeIfAbsent(tenant, t -> new Bucket(burst, now)).acquire(now);
  }

  private void sweep(long now) {
    for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
      if (it.next().isFull(now)) {
        it.remove();
      }
    }
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  private final class Bucket {
    private double tokens;
    private long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }

    synchronized long acquire(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      double waitNanos = (1 - tokens) / perNano;
      return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= burst;
    }

    private void refill(long now) {
      if (now > refilledAt) {
        tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
      }
    }
  }
}
