package dev.scimkit.spring.boot;

import dev.scimkit.core.ScimEngine;

/**
 * Changes the {@link ScimEngine.Builder} of the auto-configured engine after the {@code
 * scimkit.*} properties are applied: a resource type of the app's own, a host rule ({@code
 * check}), an audit or provisioning-event listener. Declare it as a bean; every customizer bean
 * runs, in {@link org.springframework.core.annotation.Order @Order}.
 *
 * <pre>{@code
 * @Bean
 * ScimEngineCustomizer auditToMyLog(MyAuditLog log) {
 *   return engine -> engine.auditListener(log::record);
 * }
 * }</pre>
 *
 * <p>Not called when the app declares a {@link ScimEngine} bean of its own.
 */
@FunctionalInterface
public interface ScimEngineCustomizer {
  /** Changes {@code builder}, which already holds the store and the properties. */
  void customize(ScimEngine.Builder builder);
}
