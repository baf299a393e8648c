package dev.scimkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.scimkit.core.BulkLimits;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.auth.Authenticated;
import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.core.auth.TokenStore;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.core.store.TransactionMode;
import dev.scimkit.jaxrs.RateLimit;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.store.jdbc.JdbcStore;
import java.net.URI;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which beans the auto-configuration makes, from what, and how an app replaces or adjusts them
 * (no web server: {@link ScimkitWebTest} serves them over HTTP).
 */
class ScimkitAutoConfigurationTest {
  private static final String SECRET = "acme-configured-secret-0123456789abcdef";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(ScimkitAutoConfiguration.class, ScimkitHealthAutoConfiguration.class));

  @Test
  void withoutDataSource_usersGroupsAndTokensAreInMemory() {
    runner.run(
        ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBean(StoreProvider.class)).isInstanceOf(InMemoryStore.class);
          assertThat(ctx.getBean(TokenStore.class)).isInstanceOf(InMemoryTokenStore.class);
          assertThat(ctx.getBean(ScimHttpConfig.class).engine()).isSameAs(ctx.getBean(ScimEngine.class));
          assertTokenFromTheBeanAuthenticates(ctx.getBean(OrganizationTokens.class), ctx.getBean(ScimHttpConfig.class));
        });
  }

  @Test
  void withOneDataSource_theJdbcStoreKeepsUsersAndTokensInIt() {
    runner
        .withBean(DataSource.class, () -> h2("with-one-datasource"))
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              assertThat(ctx.getBean(StoreProvider.class)).isInstanceOf(JdbcStore.class);
              assertThat(ctx.getBean(TokenStore.class)).isSameAs(ctx.getBean(JdbcStore.class).tokenStore());
              ScimEngine engine = ctx.getBean(ScimEngine.class);
              engine.create(
                  "User",
                  JsonNodeFactory.instance.objectNode().put("userName", "bjensen"),
                  RequestContext.of("acme"),
                  ResponseOptions.defaults());
              try (var c = ctx.getBean(DataSource.class).getConnection();
                  var rows = c.createStatement().executeQuery("select count(*) from scim_resource")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
              }
              assertTokenFromTheBeanAuthenticates(ctx.getBean(OrganizationTokens.class), ctx.getBean(ScimHttpConfig.class));
            });
  }

  @Test
  void storeMemory_leavesTheDataSourceAlone() {
    runner
        .withBean(DataSource.class, () -> h2("store-memory"))
        .withPropertyValues("scimkit.store=memory")
        .run(ctx -> assertThat(ctx.getBean(StoreProvider.class)).isInstanceOf(InMemoryStore.class));
  }

  @Test
  void storeJdbc_withoutDataSource_failsTheStartSayingWhy() {
    runner
        .withPropertyValues("scimkit.store=jdbc")
        .run(
            ctx -> {
              assertThat(ctx).hasFailed();
              assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("scimkit.store=jdbc");
            });
  }

  @Test
  void enabledFalse_leavesScimkitOut() {
    runner
        .withPropertyValues("scimkit.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean(ScimEngine.class).doesNotHaveBean(OrganizationTokens.class));
  }

  @Test
  void properties_reachTheEngineAndTheHttpConfig() {
    runner
        .withPropertyValues(
            "scimkit.max-page-size=50",
            "scimkit.max-request-size=2MB",
            "scimkit.bulk.max-operations=10",
            "scimkit.bulk.max-payload-size=3MB",
            "scimkit.base-uri=https://api.example.com/scim/v2",
            "scimkit.rate-limit.enabled=true",
            "scimkit.rate-limit.requests-per-second=40",
            "scimkit.rate-limit.burst=80",
            "scimkit.cursor-timeout=5m",
            "scimkit.cursor-secret=0123456789abcdef0123")
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              ScimHttpConfig http = ctx.getBean(ScimHttpConfig.class);
              assertThat(http.engine().maxPageSize()).isEqualTo(50);
              assertThat(http.engine().bulkLimits().maxOperations()).isEqualTo(10);
              assertThat(http.engine().bulkLimits().maxPayloadSize()).isEqualTo(3 << 20);
              assertThat(http.maxRequestBytes()).isEqualTo(2 << 20);
              assertThat(http.baseUri()).isEqualTo(URI.create("https://api.example.com/scim/v2"));
              assertThat(http.rateLimit().requestsPerSecond()).isEqualTo(40.0);
              assertThat(http.rateLimit().burst()).isEqualTo(80);
              assertThat(http.engine().serviceProviderConfig("https://x/scim/v2").toString())
                  .contains("\"cursorTimeout\":300");
            });
  }

  @Test
  void defaults_areTheLibrarysDefaults() {
    runner.run(
        ctx -> {
          ScimHttpConfig defaults = ScimHttpConfig.builder(ScimEngine.builder().build()).build();
          ScimHttpConfig http = ctx.getBean(ScimHttpConfig.class);
          assertThat(http.maxRequestBytes()).isEqualTo(defaults.maxRequestBytes());
          assertThat(http.engine().maxPageSize()).isEqualTo(defaults.engine().maxPageSize());
          assertThat(http.engine().bulkLimits()).isEqualTo(BulkLimits.defaults());
          assertThat(http.baseUri()).isNull();
          assertThat(http.rateLimit()).isNull();
        });
    ScimkitProperties properties = new ScimkitProperties();
    assertThat(properties.getCursorTimeout()).isEqualTo(ScimEngine.Builder.DEFAULT_CURSOR_TIMEOUT);
    assertThat(properties.getRateLimit().getRequestsPerSecond()).isEqualTo(RateLimit.DEFAULT_REQUESTS_PER_SECOND);
    assertThat(properties.getRateLimit().getBurst()).isEqualTo(RateLimit.DEFAULT_BURST);
    assertThat(properties.getTokens().getRevocationDelay()).isEqualTo(OrganizationTokens.DEFAULT_REVOCATION_DELAY);
  }

  @Test
  void configuredToken_authenticatesForItsTenant() {
    runner
        .withPropertyValues("scimkit.tokens.configured.acme=" + SECRET)
        .run(
            ctx -> {
              Authenticated who =
                  ctx.getBean(ScimHttpConfig.class).authenticator().authenticate(SECRET).orElseThrow();
              assertThat(who.tenant()).isEqualTo("acme");
            });
  }

  @Test
  void configuredTokenTooShort_failsTheStart_namingThePropertyNotTheSecret() {
    runner
        .withPropertyValues("scimkit.tokens.configured.acme=short-secret")
        .run(
            ctx -> {
              assertThat(ctx).hasFailed();
              StringBuilder messages = new StringBuilder();
              for (Throwable t = ctx.getStartupFailure(); t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
              }
              assertThat(messages).contains("scimkit.tokens.configured.acme").doesNotContain("short-secret");
            });
  }

  @Test
  void badBasePath_failsTheStart() {
    assertThat(ScimkitAutoConfiguration.basePath("/api/scim/v2/")).isEqualTo("/api/scim/v2");
    for (String bad : new String[] {"", "/", "scim", "/scim/*", "/a//b"}) {
      org.assertj.core.api.Assertions.assertThatIllegalStateException()
          .isThrownBy(() -> ScimkitAutoConfiguration.basePath(bad))
          .withMessageContaining("scimkit.base-path");
    }
  }

  @Test
  void theAppsBeans_replaceTheAutoConfiguredOnes() {
    runner
        .withUserConfiguration(HostBeans.class)
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              assertThat(ctx.getBean(StoreProvider.class)).isSameAs(ctx.getBean(HostBeans.class).store);
              assertThat(ctx).getBeans(ScimEngine.class).hasSize(1);
              assertThat(ctx.getBean(ScimEngine.class)).isSameAs(ctx.getBean("hostEngine"));
              assertThat(ctx.getBean(ScimHttpConfig.class).engine()).isSameAs(ctx.getBean("hostEngine"));
            });
  }

  @Test
  void customizers_adjustTheEngineAndTheHttpConfig() {
    runner
        .withBean(ScimEngineCustomizer.class, () -> engine -> engine.maxPageSize(7))
        .withBean(ScimHttpConfigCustomizer.class, () -> http -> http.realm("acme-app"))
        .run(
            ctx -> {
              assertThat(ctx.getBean(ScimEngine.class).maxPageSize()).isEqualTo(7);
              assertThat(ctx.getBean(ScimHttpConfig.class).realm()).isEqualTo("acme-app");
              assertThat(ctx.getBean(ScimHttpConfig.class).authenticator()).isNotNull();
            });
  }

  @Test
  void healthIndicator_isUpWhileTheStoreAnswers_andDownWhenItFails() {
    runner.run(
        ctx -> {
          Health health = ctx.getBean("scimkitHealthIndicator", HealthIndicator.class).health();
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails()).containsEntry("store", "InMemoryStore");
        });
    runner
        .withBean(StoreProvider.class, BrokenStore::new)
        .run(
            ctx -> {
              Health health = ctx.getBean("scimkitHealthIndicator", HealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails()).containsEntry("store", "BrokenStore");
              assertThat(health.getDetails().get("error").toString()).contains("the database is down");
            });
  }

  @Test
  void healthIndicator_canBeSwitchedOff() {
    runner
        .withPropertyValues("management.health.scimkit.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean("scimkitHealthIndicator").hasSingleBean(ScimEngine.class));
  }

  private static void assertTokenFromTheBeanAuthenticates(OrganizationTokens tokens, ScimHttpConfig http) {
    String secret = tokens.create("acme", "Entra ID").secret();
    assertThat(http.authenticator().authenticate(secret).orElseThrow().tenant()).isEqualTo("acme");
    assertThat(http.authenticator().authenticate(secret + "x")).isEmpty();
  }

  private static DataSource h2(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    return h2;
  }

  /** An app's own store and engine. */
  @Configuration(proxyBeanMethods = false)
  static class HostBeans {
    final InMemoryStore store = new InMemoryStore();

    @Bean
    StoreProvider hostStore() {
      return store;
    }

    @Bean
    ScimEngine hostEngine() {
      return ScimEngine.builder().storeProvider(store).build();
    }
  }

  /** A store whose database is down: every unit of work fails. */
  static final class BrokenStore implements StoreProvider {
    private final InMemoryStore stores = new InMemoryStore();

    @Override
    public ResourceStore storeFor(ResourceType type) {
      return stores.storeFor(type);
    }

    @Override
    public <T> T transaction(RequestContext ctx, TransactionMode mode, Supplier<T> work) {
      throw new IllegalStateException("the database is down");
    }
  }
}
