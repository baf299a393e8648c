package dev.scimkit.jaxrs.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Answers {@code 429} with {@code Retry-After} when the request's tenant has used up its {@link
 * dev.scimkit.jaxrs.RateLimit}. Runs after authentication, so the tenant is the authenticated
 * one. Does nothing without a rate limit, and nothing to a host's own resources.
 */
@Priority(Priorities.AUTHORIZATION)
public final class RateLimitFilter implements ContainerRequestFilter {
  @Context private Configuration configuration;
  @Context private ResourceInfo resourceInfo;
  @Context private HttpHeaders headers;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!ScimScope.isScimResource(request, resourceInfo)) {
      return;
    }
    EndpointRuntime runtime = EndpointRuntime.of(configuration);
    if (runtime == null || runtime.buckets() == null) {
      return;
    }
    String tenant =
        runtime.config().tenantResolver().tenant(request.getSecurityContext(), headers, request.getUriInfo());
    long retryAfter = runtime.buckets().acquire(tenant);
    if (retryAfter > 0) {
      request.abortWith(
          ErrorBodies.builder(
                  429,
                  ErrorBodies.of(429, null, "Too many requests for this tenant; retry after " + retryAfter + " s"))
              .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
              .build());
    }
  }
}
