package dev.scimkit.jaxrs.internal;

import dev.scimkit.core.RequestContext;
import dev.scimkit.jaxrs.TenantResolver;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@link TenantResolver#fromPath()}: {@link PathTenantFilter} has moved the tenant segment from
 * the request path into the base URI, whose last segment it therefore is.
 */
public final class PathTenantResolver implements TenantResolver {
  public static final PathTenantResolver INSTANCE = new PathTenantResolver();

  private PathTenantResolver() {}

  @Override
  public String tenant(SecurityContext security, HttpHeaders headers, UriInfo uri) {
    String tenant = lastSegment(uri.getBaseUri().getRawPath());
    if (!RequestContext.isTenantName(tenant)) {
      // only reachable when the filter did not run: never fall back to some default tenant
      throw new IllegalStateException("no tenant segment in the base URI");
    }
    return tenant;
  }

  static String lastSegment(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    int slash = p.lastIndexOf('/');
    return slash < 0 || slash == p.length() - 1 ? null : p.substring(slash + 1);
  }

  @Override
  public String toString() {
    return "TenantResolver.fromPath()";
  }
}
