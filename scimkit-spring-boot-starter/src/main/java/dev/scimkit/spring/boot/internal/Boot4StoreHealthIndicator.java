package dev.scimkit.spring.boot.internal;

import static java.util.Objects.requireNonNull;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@link StoreProbe} as a health indicator of Spring Boot 4 ({@code
 * org.springframework.boot.health.contributor}, in spring-boot-health). Compiled against that one
 * jar of Boot 4; loaded only when its classes are on the class path (see {@code
 * ScimkitHealthAutoConfiguration}).
 */
public final class Boot4StoreHealthIndicator implements HealthIndicator {
  private final StoreProbe probe;

  public Boot4StoreHealthIndicator(StoreProbe probe) {
    this.probe = requireNonNull(probe, "probe == null");
  }

  @Override
  public Health health() {
    RuntimeException failure = probe.check();
    Health.Builder health = failure == null ? Health.up() : Health.down(failure);
    return health.withDetail("store", probe.storeName()).build();
  }
}
