package dev.scimkit.jaxrs;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.RequestContext;
import dev.scimkit.jaxrs.internal.PathTenantResolver;
import dev.scimkit.jaxrs.internal.PrincipalTenantResolver;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * Decides which tenant a request acts for. Every store call of the request is confined to it.
 *
 * <p>Three shapes:
 *
 * <ul>
 *   <li>{@link #fromPrincipal()}, the default: one SCIM URL for every organisation, and the
 *       bearer token tells which one is calling (Entra ID's usual shape). The tenant is the one
 *       the {@linkplain ScimHttpConfig.Builder#authenticator authenticator} answered.
 *   <li>{@link #fromPath()}: every organisation has a URL of its own, {@code
 *       https://host/scim/v2/acme/Users}, the first path segment under the application's root
 *       naming the tenant.
 *   <li>A host's own function of the request (a header set by a gateway, the host name...).
 * </ul>
 *
 * <p>With an authenticator configured, the tenant resolved must be the token's own: a token of
 * {@code acme} presented at {@code /globex/Users} is answered {@code 401}.
 */
@FunctionalInterface
public interface TenantResolver {

  /**
   * The tenant of this request.
   *
   * @return a tenant name; never {@code null}
   */
  String tenant(SecurityContext security, HttpHeaders headers, UriInfo uri);

  /**
   * The tenant of the {@link ScimPrincipal} (set by the authentication filter from the token),
   * else {@link RequestContext#DEFAULT_TENANT} (a single-tenant host without authentication).
   */
  static TenantResolver fromPrincipal() {
    return PrincipalTenantResolver.INSTANCE;
  }

  /**
   * The tenant named by the first path segment under the application's root: with the
   * application mounted at {@code /scim/v2}, {@code /scim/v2/acme/Users/42} is {@code GET
   * /Users/42} of tenant {@code acme}, and {@code meta.location} and {@code Location} include
   * the segment ({@code https://host/scim/v2/acme/Users/42}). A first segment that is not a
   * {@linkplain RequestContext#isTenantName tenant name} is answered {@code 404}.
   *
   * <p>The segment is taken off by a pre-matching filter before the request is matched, so it
   * works on any JAX-RS runtime with no change to the application's path. That filter sees every
   * request of the application: use this resolver with an application of Scimkit's own ({@link
   * ScimApplication}), not with Scimkit's classes added to an application that also serves
   * other resources. Under a sub-path of a host's application ({@link ScimEndpoints}) its
   * requests are refused with a {@code 500} and a log line saying so.
   */
  static TenantResolver fromPath() {
    return PathTenantResolver.INSTANCE;
  }

  /**
   * Always the same tenant.
   *
   * @throws IllegalArgumentException if {@code tenant} is not a {@linkplain
   *     RequestContext#isTenantName tenant name}
   */
  static TenantResolver fixed(String tenant) {
    requireNonNull(tenant, "tenant == null");
    RequestContext.requireTenantName(tenant);
    return (security, headers, uri) -> tenant;
  }
}
