package dev.scimkit.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Adds {@code Cache-Control: no-store} and {@code X-Content-Type-Options: nosniff} to every SCIM
 * response (SCIM bodies carry personal data and must not be cached or sniffed).
 */
@Provider
public final class ScimResponseFilter implements ContainerResponseFilter {
  @Context private ResourceInfo resourceInfo;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MediaType type = response.getMediaType();
    boolean scim =
        type != null && type.getType().equals("application") && type.getSubtype().equals("scim+json");
    boolean ours = resourceInfo != null && resourceInfo.getResourceClass() == ScimEndpoint.class;
    if (scim || ours) {
      response.getHeaders().putSingle("Cache-Control", "no-store");
      response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    }
  }
}
