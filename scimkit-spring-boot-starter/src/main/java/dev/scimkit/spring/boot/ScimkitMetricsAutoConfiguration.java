package dev.scimkit.spring.boot;

import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.spring.boot.internal.ScimRequestMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics of Scimkit's requests, when the app has Micrometer (Actuator brings it) and
 * a {@link MeterRegistry} bean, unless {@code scimkit.metrics.enabled=false}: every SCIM request
 * is timed in {@code scimkit.requests}, tagged {@code resource.type} ({@code User}, {@code
 * Group}, {@code discovery}, {@code Bulk}, ...), {@code operation} ({@code search}, {@code get},
 * {@code create}, {@code replace}, {@code patch}, {@code delete}, {@code bulk}, ...), {@code
 * status} (the HTTP status code) and {@code tenant} (the tenant the request was authenticated
 * for, or {@code none}; never a token). The timer's count is the number of requests, so it also
 * counts requests per tenant. Every tag has a bounded set of values whatever clients send.
 *
 * <p>The timer is a JAX-RS filter on Scimkit's own Jersey application (a {@link
 * ScimResourceConfigCustomizer}); the registry is looked up when Scimkit's servlet is created, so
 * this works whichever registry (Prometheus, OTLP, simple...) the app has.
 */
@AutoConfiguration(after = ScimkitAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnProperty(prefix = "scimkit.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ScimkitMetricsAutoConfiguration {
  /** Creates the auto-configuration; Spring does. */
  public ScimkitMetricsAutoConfiguration() {}

  @Bean
  ScimResourceConfigCustomizer scimkitRequestMetrics(
      ObjectProvider<MeterRegistry> registry, ObjectProvider<ScimHttpConfig> config) {
    return scim -> {
      MeterRegistry meters = registry.getIfUnique();
      ScimHttpConfig http = config.getIfUnique();
      if (meters != null && http != null) {
        scim.register(new ScimRequestMetrics(meters, http.engine()));
      }
    };
  }
}
