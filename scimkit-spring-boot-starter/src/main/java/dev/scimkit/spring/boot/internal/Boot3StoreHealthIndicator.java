package dev.scimkit.spring.boot.internal;

import static java.util.Objects.requireNonNull;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@link StoreProbe} as a health indicator of Spring Boot 3 ({@code
 * org.springframework.boot.actuate.health}). {@link Boot4StoreHealthIndicator} is the same for
 * Boot 4, whose health API has another package.
 */
public final class Boot3StoreHealthIndicator implements HealthIndicator {
  private final StoreProbe probe;

  public Boot3StoreHealthIndicator(StoreProbe probe) {
    this.probe = requireNonNull(probe, "probe == null");
  }

  @Override
  public Health health() {
    RuntimeException failure = probe.check();
    Health.Builder health = failure == null ? Health.up() : Health.down(failure);
    return health.withDetail("store", probe.storeName()).build();
  }
}
