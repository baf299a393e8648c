package dev.scimkit.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import java.net.URI;

/**
 * For {@link dev.scimkit.jaxrs.TenantResolver#fromPath()}: before matching, moves the first path
 * segment under the application's root into the base URI, so that {@code /acme/Users/42} matches
 * the resources as {@code /Users/42} and every URI the resources build starts with {@code
 * .../acme}. Does nothing unless that resolver is configured.
 */
@PreMatching
public final class PathTenantFilter implements ContainerRequestFilter {
  @Context private Configuration configuration;

  @Override
  public void filter(ContainerRequestContext request) {
    EndpointRuntime runtime = EndpointRuntime.of(configuration);
    if (runtime == null || !(runtime.config().tenantResolver() instanceof PathTenantResolver)) {
      return;
    }
    URI base = request.getUriInfo().getBaseUri();
    URI uri = request.getUriInfo().getRequestUri();
    String basePath = base.getRawPath().endsWith("/") ? base.getRawPath() : base.getRawPath() + "/";
    String path = uri.getRawPath();
    String rest = path.startsWith(basePath) ? path.substring(basePath.length()) : "";
    int slash = rest.indexOf('/');
    String segment = slash < 0 ? rest : rest.substring(0, slash);
    if (!PathTenantResolver.TENANT.matcher(segment).matches()) {
      request.abortWith(
          ErrorBodies.response(404, ErrorBodies.of(404, null, "No such endpoint or resource")));
      return;
    }
    // the segment is plain ASCII that needs no encoding, and the base path is already raw
    URI tenantBase = URI.create(base.getScheme() + "://" + base.getRawAuthority() + basePath + segment + "/");
    request.setRequestUri(tenantBase, uri);
  }
}
