package dev.scimkit.jaxrs;

import static java.util.Objects.requireNonNull;

import java.security.Principal;

/**
 * The authenticated caller of a SCIM request, with the tenant it acts for. An authentication
 * filter puts it into the request's {@link jakarta.ws.rs.core.SecurityContext}; the default
 * {@link TenantResolver} reads the tenant from it.
 *
 * @param tenant the tenant (organization) the caller may act on
 * @param name an identifier of the caller that is safe to log (a token id, never a secret)
 */
public record ScimPrincipal(String tenant, String name) implements Principal {
  public ScimPrincipal {
    requireNonNull(tenant, "tenant == null");
    requireNonNull(name, "name == null");
  }

  @Override
  public String getName() {
    return name;
  }
}
