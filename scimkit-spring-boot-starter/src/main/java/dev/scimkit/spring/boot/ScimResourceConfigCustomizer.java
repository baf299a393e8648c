package dev.scimkit.spring.boot;

import org.glassfish.jersey.server.ResourceConfig;

/**
 * Changes the Jersey {@link ResourceConfig} of Scimkit's own servlet before it starts: a JAX-RS
 * filter of the app's (request logging, a header of its own) that should see SCIM requests. It
 * is not the app's Jersey configuration, if the app has one: Scimkit's servlet has its own.
 * Declare it as a bean; every customizer bean runs, in {@link
 * org.springframework.core.annotation.Order @Order}. The starter's Micrometer metrics are such a
 * customizer.
 *
 * <pre>{@code
 * @Bean
 * ScimResourceConfigCustomizer requestLog() {
 *   return scim -> scim.register(new MyRequestLogFilter());
 * }
 * }</pre>
 *
 * <p>Not called when the app declares a servlet registration bean named {@value
 * ScimkitAutoConfiguration#SERVLET_BEAN} of its own.
 */
@FunctionalInterface
public interface ScimResourceConfigCustomizer {
  /** Changes {@code config}, which already holds Scimkit's application. */
  void customize(ResourceConfig config);
}
