package dev.scimkit.jaxrs;

/**
 * Per-tenant rate limiting: a token bucket per tenant that holds up to {@link #burst()} requests
 * and refills at {@link #requestsPerSecond()}. A request that finds its tenant's bucket empty is
 * answered {@code 429 Too Many Requests} with {@code Retry-After} and the SCIM Error body, before
 * any work is done for it.
 *
 * <p>Off unless configured with {@link ScimHttpConfig.Builder#rateLimit(RateLimit)}. Requests are
 * counted after authentication, per tenant, so one organisation cannot starve another; requests
 * that fail authentication are answered {@code 401} without being counted. Each mounted
 * application has buckets of its own, in memory: with several application instances behind a load
 * balancer, each instance allows this rate.
 *
 * <p><b>Identity providers' needs.</b> Microsoft requires a gallery application to sustain at least
 * {@value #ENTRA_REQUIRED_PER_SECOND} requests per second per tenant; Entra's provisioning service
 * slows down and eventually quarantines a job that keeps getting {@code 429}. The {@link
 * #defaults()} allow four times that, with room for bursts; think twice before configuring less.
 */
public final class RateLimit {
  /** What Entra ID requires a gallery application to sustain, per tenant. */
  public static final int ENTRA_REQUIRED_PER_SECOND = 25;

  /** Default sustained rate per tenant. */
  public static final double DEFAULT_REQUESTS_PER_SECOND = 100;

  /** Default burst per tenant. */
  public static final int DEFAULT_BURST = 200;

  private final double requestsPerSecond;
  private final int burst;

  private RateLimit(double requestsPerSecond, int burst) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be positive: " + requestsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst < 1: " + burst);
    }
    this.requestsPerSecond = requestsPerSecond;
    this.burst = burst;
  }

  /**
   * {@value #DEFAULT_REQUESTS_PER_SECOND} requests per second per tenant, bursts of {@value
   * #DEFAULT_BURST}: never below what Entra ID needs.
   */
  public static RateLimit defaults() {
    return new RateLimit(DEFAULT_REQUESTS_PER_SECOND, DEFAULT_BURST);
  }

  /**
   * A limit of {@code requestsPerSecond} sustained and {@code burst} at once, per tenant. Values
   * below {@value #ENTRA_REQUIRED_PER_SECOND} per second throttle Entra ID's provisioning.
   *
   * @throws IllegalArgumentException unless both are positive
   */
  public static RateLimit perTenant(double requestsPerSecond, int burst) {
    return new RateLimit(requestsPerSecond, burst);
  }

  /** The sustained rate each tenant is allowed. */
  public double requestsPerSecond() {
    return requestsPerSecond;
  }

  /** How many requests a tenant may send at once after being idle. */
  public int burst() {
    return burst;
  }

  @Override
  public String toString() {
    return "RateLimit{" + requestsPerSecond + "/s, burst " + burst + "}";
  }
}
