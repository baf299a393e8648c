package dev.scimkit.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot app with its own Spring MVC endpoints under {@code /api} ({@link
 * HelloController}) and Scimkit beside them at {@code /api/scim/v2}, from nothing but the
 * dependency {@code dev.scimkit:scimkit-spring-boot-starter} and one line of {@code
 * application.properties}:
 *
 * <pre>
 * scimkit.base-path=/api/scim/v2
 * </pre>
 *
 * <p>The starter does the rest: Scimkit runs in a Jersey servlet of its own at that path, beside
 * Spring MVC's {@code DispatcherServlet}, so the app's own endpoints, security and error pages
 * are untouched; the app's {@code DataSource} becomes Scimkit's JDBC store (tables are created on
 * first start); {@link dev.scimkit.core.auth.OrganizationTokens} is a bean for the app's admin
 * console ({@code tokens.create("acme", "Entra ID").secret()} is the secret to show the admin
 * once); Actuator gets the health indicator {@code scimkit}, and Micrometer the timer {@code
 * scimkit.requests}. The same code runs on Spring Boot 3.5 (Jersey 3.1) and 4.0 (Jersey 4.0).
 */
@SpringBootApplication
public class BootHost {
  public static void main(String[] args) {
    SpringApplication.run(BootHost.class, args);
  }
}
