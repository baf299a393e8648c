package dev.scimkit.examples.springboot;

import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.jaxrs.ScimApplication;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.store.jdbc.JdbcStore;
import javax.sql.DataSource;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot app with its own Spring MVC endpoints under {@code /api} ({@link
 * HelloController}) and Scimkit beside them at {@value #SCIM_PATH}.
 *
 * <h2>How it mounts</h2>
 *
 * <p>Scimkit runs in a Jersey {@link ServletContainer} of its own, registered with a {@link
 * ServletRegistrationBean} at {@code /api/scim/v2/*}: the servlet container gives those requests
 * to it (the longer mapping wins) and every other request to Spring MVC's {@code
 * DispatcherServlet}, so the app's own endpoints, security and error pages are untouched. No
 * {@code spring-boot-starter-jersey} is needed, and none would get in the way of an app that
 * already uses it for its own resources. The same code runs on Spring Boot 3.5 (Jersey 3.1) and
 * 4.0 (Jersey 4.0).
 *
 * <h2>Store and tokens</h2>
 *
 * <p>The app's {@link DataSource} becomes Scimkit's JDBC store (tables are created on first
 * start), and {@link OrganizationTokens} is a bean for the app's admin console: {@code
 * tokens.create("acme", "Entra ID")} returns the secret to show the admin once.
 */
@SpringBootApplication
public class BootHost {
  /** Where SCIM answers. */
  public static final String SCIM_PATH = "/api/scim/v2";

  public static void main(String[] args) {
    SpringApplication.run(BootHost.class, args);
  }

  /** Users, groups and token hashes in the app's own database. */
  @Bean
  JdbcStore scimStore(DataSource dataSource) {
    return JdbcStore.builder(dataSource).build();
  }

  /** The organisation tokens, for the app's admin console. */
  @Bean
  OrganizationTokens organizationTokens(JdbcStore scimStore) {
    return OrganizationTokens.builder(scimStore.tokenStore()).build();
  }

  /** What Scimkit serves: the JDBC store, with the organisation tokens' authentication. */
  @Bean
  @ConditionalOnMissingBean
  ScimHttpConfig scimHttpConfig(JdbcStore scimStore, OrganizationTokens organizationTokens) {
    ScimEngine engine = ScimEngine.builder().storeProvider(scimStore).build();
    return ScimHttpConfig.builder(engine).authenticator(organizationTokens.authenticator()).build();
  }

  /** Scimkit's own Jersey servlet at {@value #SCIM_PATH}, beside Spring MVC. */
  @Bean
  ServletRegistrationBean<ServletContainer> scimServlet(ScimHttpConfig scimHttpConfig) {
    ResourceConfig scim = ResourceConfig.forApplication(new ScimApplication(scimHttpConfig));
    ServletRegistrationBean<ServletContainer> servlet =
        new ServletRegistrationBean<>(new ServletContainer(scim), SCIM_PATH + "/*");
    servlet.setName("scimkit");
    servlet.setLoadOnStartup(1);
    return servlet;
  }
}
