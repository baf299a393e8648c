/**
 * Spring Boot auto-configuration for Scimkit: add {@code dev.scimkit:scimkit-spring-boot-starter}
 * to a Spring Boot 3.5 or 4.0 app and SCIM answers at {@code scimkit.base-path} (default {@code
 * /scim/v2}), beside the app's own Spring MVC or Jersey controllers, on the app's {@code
 * DataSource}, with an {@link dev.scimkit.core.auth.OrganizationTokens} bean for the app's admin
 * console.
 *
 * <ul>
 *   <li>{@link dev.scimkit.spring.boot.ScimkitAutoConfiguration}: the store, the tokens, the
 *       engine, the HTTP configuration and Scimkit's own Jersey servlet; each bean can be
 *       replaced by one of the app's.
 *   <li>{@link dev.scimkit.spring.boot.ScimkitProperties}: the {@code scimkit.*} properties,
 *       described in the configuration metadata an IDE shows.
 *   <li>{@link dev.scimkit.spring.boot.ScimkitHealthAutoConfiguration}: the Actuator health
 *       indicator {@code scimkit}.
 *   <li>{@link dev.scimkit.spring.boot.ScimkitMetricsAutoConfiguration}: the Micrometer timer
 *       {@code scimkit.requests}.
 *   <li>{@link dev.scimkit.spring.boot.ScimEngineCustomizer}, {@link
 *       dev.scimkit.spring.boot.ScimHttpConfigCustomizer}, {@link
 *       dev.scimkit.spring.boot.ScimResourceConfigCustomizer}: beans that adjust what the
 *       auto-configuration builds, without replacing it.
 * </ul>
 *
 * <h2>One jar for Spring Boot 3.5 and 4.0</h2>
 *
 * <p>The starter is compiled against Spring Boot 3.5 and uses only what Boot 4.0 kept in place
 * ({@code @AutoConfiguration}, the conditions, {@code @ConfigurationProperties}, {@code
 * ServletRegistrationBean}); what moved is named by class name only: the {@code DataSource}
 * auto-configuration it runs after, and the health API. Boot 4 moved {@code HealthIndicator} and
 * {@code Health} from {@code org.springframework.boot.actuate.health} (spring-boot-actuator) to
 * {@code org.springframework.boot.health.contributor} (spring-boot-health), so the health
 * indicator exists twice, as two small classes over one store probe: one compiled against Boot
 * 3.5's actuator, the other against Boot 4's spring-boot-health jar alone (an optional
 * dependency of the build, without the rest of Boot 4). Each is created by a configuration
 * conditional on its own API's class name, so a Boot 3 app never loads the Boot 4 class and the
 * other way round. No reflection, and no second artifact for the host to pick. The samples
 * ({@code examples-spring-boot}) run the same tests, health and metrics included, on Boot 3.5
 * and 4.0.
 */
package dev.scimkit.spring.boot;
