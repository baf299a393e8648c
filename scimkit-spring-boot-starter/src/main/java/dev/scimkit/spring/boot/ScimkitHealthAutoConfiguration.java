package dev.scimkit.spring.boot;

import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.spring.boot.internal.Boot3StoreHealthIndicator;
import dev.scimkit.spring.boot.internal.Boot4StoreHealthIndicator;
import dev.scimkit.spring.boot.internal.StoreProbe;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health indicator {@code scimkit} for Spring Boot Actuator: {@code UP} while the engine's
 * store answers a read, {@code DOWN} (with the error) when it does not, with the store's class
 * as the detail {@code store}. The read is a lookup of a user that does not exist, through the
 * store SPI, so it checks the JDBC store's tables as well as its database, and works for a host's
 * own store too. It reads through the engine that Scimkit serves (that of the {@link
 * ScimHttpConfig} bean). Active when the app has Actuator, unless {@code
 * management.health.scimkit.enabled=false}.
 *
 * <p>Spring Boot 3 and 4 have the same health API in different packages ({@code
 * org.springframework.boot.actuate.health} in spring-boot-actuator, {@code
 * org.springframework.boot.health.contributor} in Boot 4's spring-boot-health), so there is an
 * indicator class for each, and each is created only where its API is on the class path.
 */
@AutoConfiguration(after = ScimkitAutoConfiguration.class)
@ConditionalOnBean(ScimHttpConfig.class)
@ConditionalOnProperty(prefix = "management.health.scimkit", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ScimkitHealthAutoConfiguration {
  /** The name of the health indicator bean; Actuator calls the indicator {@code scimkit}. */
  public static final String HEALTH_INDICATOR_BEAN = "scimkitHealthIndicator";

  /** Creates the auto-configuration; Spring does. */
  public ScimkitHealthAutoConfiguration() {}

  static StoreProbe probe(ScimHttpConfig config, ObjectProvider<StoreProvider> store) {
    StoreProvider provider = store.getIfUnique();
    return new StoreProbe(config.engine(), provider == null ? "unknown" : provider.getClass().getSimpleName());
  }

  /** Spring Boot 3: {@code org.springframework.boot.actuate.health.HealthIndicator}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
  static class Boot3 {
    @Bean(HEALTH_INDICATOR_BEAN)
    @ConditionalOnMissingBean(name = HEALTH_INDICATOR_BEAN)
    Boot3StoreHealthIndicator scimkitHealthIndicator(ScimHttpConfig config, ObjectProvider<StoreProvider> store) {
      return new Boot3StoreHealthIndicator(probe(config, store));
    }
  }

  /** Spring Boot 4: {@code org.springframework.boot.health.contributor.HealthIndicator}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Boot4 {
    @Bean(HEALTH_INDICATOR_BEAN)
    @ConditionalOnMissingBean(name = HEALTH_INDICATOR_BEAN)
    Boot4StoreHealthIndicator scimkitHealthIndicator(ScimHttpConfig config, ObjectProvider<StoreProvider> store) {
      return new Boot4StoreHealthIndicator(probe(config, store));
    }
  }
}
