package dev.scimkit.jaxrs;

import dev.scimkit.core.RequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * Decides which tenant a request acts for. Every store call of the request is confined to it.
 *
 * <p>The {@linkplain #fromPrincipal() default} takes the tenant of a {@link ScimPrincipal} set by
 * the authentication filter, and the {@link RequestContext#DEFAULT_TENANT} when there is none (a
 * single-tenant host without authentication).
 */
@FunctionalInterface
public interface TenantResolver {

  /**
   * The tenant of this request.
   *
   * @return a tenant name; never {@code null}
   */
  String tenant(SecurityContext security, HttpHeaders headers, UriInfo uri);

  /** The tenant of the {@link ScimPrincipal}, else {@link RequestContext#DEFAULT_TENANT}. */
  static TenantResolver fromPrincipal() {
    return (security, headers, uri) ->
        security != null && security.getUserPrincipal() instanceof ScimPrincipal p
            ? p.tenant()
            : RequestContext.DEFAULT_TENANT;
  }

  /** Always the same tenant. */
  static TenantResolver fixed(String tenant) {
    java.util.Objects.requireNonNull(tenant, "tenant == null");
    return (security, headers, uri) -> tenant;
  }
}
