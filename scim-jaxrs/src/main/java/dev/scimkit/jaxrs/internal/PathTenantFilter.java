package dev.scimkit.jaxrs.internal;

import dev.scimkit.core.RequestContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For {@link dev.scimkit.jaxrs.TenantResolver#fromPath()}: before matching, moves the first path
 * segment under the application's root into the base URI, so that {@code /acme/Users/42} matches
 * the resources as {@code /Users/42} and every URI the resources build starts with {@code
 * .../acme}. Does nothing unless that resolver is configured.
 *
 * <p>Only for SCIM at the root of an application: under a sub-path of a host's application (a
 * {@code ScimEndpoints} subclass) the moved segment would no longer match the SCIM resource
 * class, so such requests are refused with a {@code 500} and a log line that says why, rather
 * than served for a tenant taken from the wrong segment.
 */
@PreMatching
public final class PathTenantFilter implements ContainerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(PathTenantFilter.class);

  @Context private Configuration configuration;
  @Context private Application application;

  private final ScimScope.Lazy scope = new ScimScope.Lazy();

  @Override
  public void filter(ContainerRequestContext request) {
    EndpointRuntime runtime = EndpointRuntime.of(configuration);
    if (runtime == null || !(runtime.config().tenantResolver() instanceof PathTenantResolver)) {
      return;
    }
    ScimScope scim = scope.get(application, configuration);
    if (!scim.covers(request.getUriInfo())) {
      return;
    }
    if (!scim.atRoot()) {
      LOG.error(
          "TenantResolver.fromPath() needs SCIM at the root of its application (a ScimApplication "
              + "of its own), not under a sub-path of the host's application: request refused");
      request.abortWith(ErrorBodies.response(500, ErrorBodies.of(500, null, ErrorBodies.detailFor(500))));
      return;
    }
    URI base = request.getUriInfo().getBaseUri();
    URI uri = request.getUriInfo().getRequestUri();
    String basePath = base.getRawPath().endsWith("/") ? base.getRawPath() : base.getRawPath() + "/";
    String path = uri.getRawPath();
    String rest = path.startsWith(basePath) ? path.substring(basePath.length()) : "";
    int slash = rest.indexOf('/');
    String segment = slash < 0 ? rest : rest.substring(0, slash);
    // a tenant name needs no encoding and is no path step ("." and ".." are not names)
    if (!RequestContext.isTenantName(segment)) {
      request.abortWith(
          ErrorBodies.response(404, ErrorBodies.of(404, null, "No such endpoint or resource")));
      return;
    }
    // the segment is plain ASCII that needs no encoding, and the base path is already raw
    URI tenantBase = URI.create(base.getScheme() + "://" + base.getRawAuthority() + basePath + segment + "/");
    request.setRequestUri(tenantBase, uri);
  }
}
