package dev.scimkit.spring.boot;

import dev.scimkit.jaxrs.ScimHttpConfig;

/**
 * Changes the {@link ScimHttpConfig.Builder} of the auto-configured HTTP configuration after the
 * {@code scimkit.*} properties and the {@link dev.scimkit.core.auth.OrganizationTokens}
 * authenticator are applied: {@code /Me}, another tenant resolver, another authenticator (Entra
 * JWTs from scim-auth-jwt). Declare it as a bean; every customizer bean runs, in {@link
 * org.springframework.core.annotation.Order @Order}.
 *
 * <pre>{@code
 * @Bean
 * ScimHttpConfigCustomizer tenantFromPath() {
 *   return http -> http.tenantResolver(TenantResolver.fromPath());
 * }
 * }</pre>
 *
 * <p>Not called when the app declares a {@link ScimHttpConfig} bean of its own.
 */
@FunctionalInterface
public interface ScimHttpConfigCustomizer {
  /** Changes {@code builder}, which already holds the engine, the properties and the tokens' authenticator. */
  void customize(ScimHttpConfig.Builder builder);
}
