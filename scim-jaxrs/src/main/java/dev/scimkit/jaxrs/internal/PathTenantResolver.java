package dev.scimkit.jaxrs.internal;

import dev.scimkit.jaxrs.TenantResolver;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Pattern;

/**
 * {@link TenantResolver#fromPath()}: {@link PathTenantFilter} has moved the tenant segment from
 * the request path into the base URI, whose last segment it therefore is.
 */
public final class PathTenantResolver implements TenantResolver {
  public static final PathTenantResolver INSTANCE = new PathTenantResolver();

  /** What a tenant segment may be: nothing that needs encoding, nothing that is a path step. */
  static final Pattern TENANT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

  private PathTenantResolver() {}

  @Override
  public String tenant(SecurityContext security, HttpHeaders headers, UriInfo uri) {
    String tenant = lastSegment(uri.getBaseUri().getRawPath());
    if (tenant == null || !TENANT.matcher(tenant).matches()) {
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
