package dev.scimkit.jaxrs.internal;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the runtime's own failures (unknown path 404, wrong method 405, not acceptable 406,
 * unsupported media type 415, …) the SCIM Error body with a generic detail, keeping {@code Allow}
 * on a 405. Failures of a host's own resources in a shared application pass through unchanged.
 */
@Provider
public final class RuntimeErrorMapper implements ExceptionMapper<WebApplicationException> {
  @Context private ResourceInfo resourceInfo;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original == null ? 500 : original.getStatus();
    if (!isOurs() || status < 400) {
      return original;
    }
    Response scim = ErrorBodies.response(status, ErrorBodies.of(status, null, ErrorBodies.detailFor(status)));
    String allow = original.getHeaderString(HttpHeaders.ALLOW);
    return allow == null ? scim : Response.fromResponse(scim).header(HttpHeaders.ALLOW, allow).build();
  }

  /** Whether the failed request was matched to Scimkit's resource, or to no resource at all. */
  private boolean isOurs() {
    Class<?> matched = resourceInfo == null ? null : resourceInfo.getResourceClass();
    return matched == null || matched == ScimEndpoint.class;
  }
}
