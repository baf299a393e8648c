package dev.scimkit.jaxrs.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;

/**
 * Answers {@code 413} to a request whose {@code Content-Length} is over the endpoint's limit
 * ({@link dev.scimkit.jaxrs.ScimHttpConfig#maxRequestBytes()}, or the larger {@code /Bulk} limit)
 * before a byte of its body is read, and before authentication looks at it. A chunked body has no
 * declared length; it is cut off at the limit while being read.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public final class DeclaredLengthFilter implements ContainerRequestFilter {
  @Context private Configuration configuration;
  @Context private ResourceInfo resourceInfo;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!ScimScope.isScimResource(request, resourceInfo)) {
      return;
    }
    EndpointRuntime runtime = EndpointRuntime.of(configuration);
    long length = request.getLength();
    if (runtime == null || length < 0) {
      return;
    }
    int limit = runtime.limitFor(resourceInfo.getResourceMethod());
    if (length > limit) {
      request.abortWith(ErrorBodies.response(413, ErrorBodies.of(EndpointRuntime.tooLarge(limit))));
    }
  }
}
