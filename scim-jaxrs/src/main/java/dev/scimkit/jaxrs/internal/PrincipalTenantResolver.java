package dev.scimkit.jaxrs.internal;

import dev.scimkit.core.RequestContext;
import dev.scimkit.jaxrs.ScimPrincipal;
import dev.scimkit.jaxrs.TenantResolver;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.security.Principal;

/**
 * {@link TenantResolver#fromPrincipal()}: a class of its own so that the endpoint, which reads the
 * caller's principal anyway, can take the tenant from it without asking the runtime again (each
 * question to an injected {@link SecurityContext} is a lookup in the runtime).
 */
public final class PrincipalTenantResolver implements TenantResolver {
  /** The one instance. */
  public static final PrincipalTenantResolver INSTANCE = new PrincipalTenantResolver();

  private PrincipalTenantResolver() {}

  @Override
  public String tenant(SecurityContext security, HttpHeaders headers, UriInfo uri) {
    return of(security == null ? null : security.getUserPrincipal());
  }

  /** The tenant of {@code principal}: its own when it is a {@link ScimPrincipal}, else the default. */
  public static String of(Principal principal) {
    return principal instanceof ScimPrincipal p ? p.tenant() : RequestContext.DEFAULT_TENANT;
  }

  /** Whether {@code resolver} is this one, whose answer {@link #of} gives from the principal alone. */
  public static boolean is(TenantResolver resolver) {
    return resolver == INSTANCE;
  }
}
