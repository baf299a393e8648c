package dev.scimkit.spring.boot;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.scimkit.core.BulkLimits;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.core.auth.TokenStore;
import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.jaxrs.RateLimit;
import dev.scimkit.jaxrs.ScimApplication;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.spring.boot.ScimkitProperties.StoreKind;
import dev.scimkit.store.jdbc.JdbcStore;
import java.util.Map;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.unit.DataSize;

/**
 * Serves SCIM in a Spring Boot app, beside its own controllers. Active unless {@code
 * scimkit.enabled=false}; every bean backs off when the app declares one of the same type (or,
 * for the servlet, the same name), so an app replaces exactly the part it wants to:
 *
 * <ul>
 *   <li>{@link StoreProvider}: a {@link JdbcStore} on the app's {@link DataSource} (its tables
 *       are created or migrated at startup) when there is exactly one and scim-store-jdbc is on
 *       the class path, otherwise an {@link InMemoryStore}; {@code scimkit.store} chooses
 *       explicitly.
 *   <li>{@link TokenStore}: the JDBC store's token table, or in memory.
 *   <li>{@link OrganizationTokens} on that token store, for the app's admin console: {@code
 *       tokens.create("acme", "Entra ID").secret()} is the secret to show the admin once.
 *   <li>{@link ScimEngine} on that store, with the {@code scimkit.*} limits and every {@link
 *       ScimEngineCustomizer}.
 *   <li>{@link ScimHttpConfig}: that engine, authenticated by the organisation tokens, with every
 *       {@link ScimHttpConfigCustomizer}.
 *   <li>{@value #SERVLET_BEAN}: a {@link ServletRegistrationBean} of a Jersey {@link
 *       ServletContainer} of Scimkit's own, serving a {@link ScimApplication} (with every {@link
 *       ScimResourceConfigCustomizer}) at {@code scimkit.base-path}.
 * </ul>
 *
 * <p>The servlet takes the requests under {@code scimkit.base-path} (the servlet container gives
 * a request to the longest mapping that matches it) and no others: the app's {@code
 * DispatcherServlet} or Jersey servlet keeps every other path, with its own security, error
 * pages and {@code 401}/{@code 404}/{@code 405}. No {@code spring-boot-starter-jersey} is needed,
 * and an app that has it keeps its own Jersey configuration.
 *
 * @see ScimkitHealthAutoConfiguration
 * @see ScimkitMetricsAutoConfiguration
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration", // Boot 3
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" // Boot 4
    })
@ConditionalOnProperty(prefix = "scimkit", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ScimkitProperties.class)
public class ScimkitAutoConfiguration {
  /** The name of the servlet registration bean; an app's bean of this name replaces it. */
  public static final String SERVLET_BEAN = "scimkitServlet";

  private static final Logger LOG = LoggerFactory.getLogger(ScimkitAutoConfiguration.class);

  /** Creates the auto-configuration; Spring does. */
  public ScimkitAutoConfiguration() {}

  /** The in-memory store, when no other store was configured. */
  @Bean
  @ConditionalOnMissingBean(StoreProvider.class)
  InMemoryStore scimkitMemoryStore(ScimkitProperties properties) {
    if (properties.getStore() == StoreKind.JDBC) {
      throw new IllegalStateException(
          "scimkit.store=jdbc needs scim-store-jdbc on the class path and exactly one DataSource bean");
    }
    LOG.info("Scimkit keeps users, groups and tokens in memory: they are lost when the app stops");
    return new InMemoryStore();
  }

  /** Token hashes in memory, when the store keeps none (the JDBC store does). */
  @Bean
  @ConditionalOnMissingBean(TokenStore.class)
  TokenStore scimkitMemoryTokenStore(StoreProvider store) {
    return memoryTokens(store);
  }

  @Bean
  @ConditionalOnMissingBean
  OrganizationTokens organizationTokens(TokenStore tokenStore, ScimkitProperties properties) {
    OrganizationTokens.Builder tokens =
        OrganizationTokens.builder(tokenStore).revocationDelay(properties.getTokens().getRevocationDelay());
    for (Map.Entry<String, String> configured : properties.getTokens().getConfigured().entrySet()) {
      try {
        tokens.configuredToken(configured.getKey(), configured.getValue());
      } catch (IllegalArgumentException e) {
        // The message names the rule, never the secret.
        throw new IllegalStateException("scimkit.tokens.configured." + configured.getKey() + ": " + e.getMessage(), e);
      }
    }
    return tokens.build();
  }

  @Bean
  @ConditionalOnMissingBean
  ScimEngine scimEngine(
      StoreProvider store, ScimkitProperties properties, ObjectProvider<ScimEngineCustomizer> customizers) {
    ScimEngine.Builder engine =
        ScimEngine.builder()
            .storeProvider(store)
            .maxPageSize(properties.getMaxPageSize())
            .cursorTimeout(properties.getCursorTimeout())
            .bulkLimits(
                new BulkLimits(
                    properties.getBulk().getMaxOperations(),
                    bytes(properties.getBulk().getMaxPayloadSize(), "scimkit.bulk.max-payload-size")));
    if (properties.getCursorSecret() != null) {
      engine.cursorSecret(properties.getCursorSecret().getBytes(UTF_8));
    }
    customizers.orderedStream().forEach(c -> c.customize(engine));
    return engine.build();
  }

  @Bean
  @ConditionalOnMissingBean
  ScimHttpConfig scimHttpConfig(
      ScimEngine engine,
      OrganizationTokens tokens,
      ScimkitProperties properties,
      ObjectProvider<ScimHttpConfigCustomizer> customizers) {
    ScimHttpConfig.Builder http =
        ScimHttpConfig.builder(engine)
            .authenticator(tokens.authenticator())
            .maxRequestBytes(bytes(properties.getMaxRequestSize(), "scimkit.max-request-size"));
    if (properties.getBaseUri() != null) {
      http.baseUri(properties.getBaseUri());
    }
    ScimkitProperties.RateLimiting rate = properties.getRateLimit();
    if (rate.isEnabled()) {
      http.rateLimit(RateLimit.perTenant(rate.getRequestsPerSecond(), rate.getBurst()));
    }
    customizers.orderedStream().forEach(c -> c.customize(http));
    return http.build();
  }

  /** The JDBC store, on the app's {@link DataSource}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.scimkit.store.jdbc.JdbcStore")
  static class JdbcStoreConfiguration {
    @Bean
    @ConditionalOnMissingBean(StoreProvider.class)
    @ConditionalOnSingleCandidate(DataSource.class)
    @Conditional(JdbcAllowed.class)
    JdbcStore scimkitJdbcStore(DataSource dataSource) {
      return JdbcStore.builder(dataSource).build();
    }

    /** The token table of the JDBC store, also when the app built that store itself. */
    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    TokenStore scimkitTokenStore(StoreProvider store) {
      return store instanceof JdbcStore jdbc ? jdbc.tokenStore() : memoryTokens(store);
    }
  }

  /** Scimkit's own Jersey servlet at {@code scimkit.base-path}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(ServletContainer.class)
  static class ServletConfiguration {
    @Bean(SERVLET_BEAN)
    @ConditionalOnMissingBean(name = SERVLET_BEAN)
    ServletRegistrationBean<ServletContainer> scimkitServlet(
        ScimHttpConfig config,
        ScimkitProperties properties,
        ObjectProvider<ScimResourceConfigCustomizer> customizers) {
      String path = basePath(properties.getBasePath());
      ResourceConfig scim = ResourceConfig.forApplication(new ScimApplication(config));
      customizers.orderedStream().forEach(c -> c.customize(scim));
      ServletRegistrationBean<ServletContainer> servlet =
          new ServletRegistrationBean<>(new ServletContainer(scim), path + "/*");
      servlet.setName("scimkit");
      servlet.setLoadOnStartup(1);
      return servlet;
    }
  }

  /** Whether {@code scimkit.store} allows the JDBC store (auto or jdbc). */
  static final class JdbcAllowed extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      StoreKind kind =
          Binder.get(context.getEnvironment()).bind("scimkit.store", StoreKind.class).orElse(StoreKind.AUTO);
      return kind == StoreKind.MEMORY
          ? ConditionOutcome.noMatch("scimkit.store=memory")
          : ConditionOutcome.match("scimkit.store=" + kind.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  /**
   * {@code scimkit.base-path} checked: {@code /scim/v2} and {@code /api/scim/v2} are right;
   * a trailing slash is dropped.
   */
  static String basePath(String path) {
    String p = path == null ? "" : path.strip();
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (!p.startsWith("/") || p.length() < 2 || p.contains("*") || p.contains("//") || p.contains("?")) {
      throw new IllegalStateException(
          "scimkit.base-path must be a path of at least one segment, such as /scim/v2, not '" + path + "'");
    }
    return p;
  }

  private static TokenStore memoryTokens(StoreProvider store) {
    if (!(store instanceof InMemoryStore)) {
      LOG.warn(
          "Scimkit keeps organisation token hashes in memory, beside a {}: tokens are lost when the app "
              + "stops; declare a TokenStore bean to keep them",
          store.getClass().getSimpleName());
    }
    return new InMemoryTokenStore();
  }

  private static int bytes(DataSize size, String property) {
    long bytes = size == null ? -1 : size.toBytes();
    if (bytes < 1 || bytes > Integer.MAX_VALUE) {
      throw new IllegalStateException(property + " must be between 1B and 2GB, not " + size);
    }
    return (int) bytes;
  }
}
