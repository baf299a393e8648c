package dev.scimkit.jaxrs.internal;

import dev.scimkit.core.ScimException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link ScimException} as the SCIM Error response, with its status and {@code
 * scimType}. Unexpected exceptions of Scimkit's resource arrive here already turned into a 500
 * {@code ScimException} whose detail is only a reference (see {@link ScimEndpoint}); the runtime's
 * own failures are handled by {@link RuntimeErrorMapper}.
 */
@Provider
public final class ScimExceptionMapper implements ExceptionMapper<ScimException> {
  private static final Logger LOG = LoggerFactory.getLogger(ScimExceptionMapper.class);

  @Override
  public Response toResponse(ScimException e) {
    if (e.status() >= 500 && e.status() != 501) {
      LOG.warn("SCIM request failed with {}: {}", e.status(), e.detail(), e.getCause());
    }
    return ErrorBodies.response(e.status(), ErrorBodies.of(e));
  }
}
