package dev.scimkit.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;

/**
 * Finishes every response to a SCIM request ({@link ScimScope}): adds {@code Cache-Control:
 * no-store} and {@code X-Content-Type-Options: nosniff} (SCIM bodies carry personal data and must
 * not be cached or sniffed), and gives the runtime's own failures (unknown path 404, wrong method
 * 405, not acceptable 406, unsupported media type 415, ...) the SCIM Error body with a generic
 * detail, keeping their status and headers ({@code Allow} on a 405).
 *
 * <p>A response filter rather than an exception mapper: a mapper for the runtime's exceptions
 * would be chosen for a host's own resources too, ahead of the host's own mappers. Responses to
 * a host's own requests in a shared application pass through untouched.
 */
@Provider
public final class ScimResponseFilter implements ContainerResponseFilter {
  @Context private ResourceInfo resourceInfo;
  @Context private Application application;
  @Context private Configuration configuration;

  private final ScimScope.Lazy scope = new ScimScope.Lazy();

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!scope.get(application, configuration).covers(request, resourceInfo)) {
      return;
    }
    response.getHeaders().putSingle("Cache-Control", "no-store");
    response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    int status = response.getStatus();
    if (status >= 400 && !isScimJson(response.getMediaType())) {
      byte[] body = ErrorBodies.bytes(ErrorBodies.of(status, null, ErrorBodies.detailFor(status)));
      response.setEntity(body, new Annotation[0], ScimMedia.SCIM_JSON_TYPE);
    }
  }

  private static boolean isScimJson(MediaType type) {
    return type != null && type.getType().equals("application") && type.getSubtype().equals("scim+json");
  }
}
