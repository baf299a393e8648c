package dev.scimkit.examples.server;

import dev.scimkit.jaxrs.Scimkit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Answers the errors a JAX-RS runtime's servlet integration sends itself ({@code sendError}),
 * before any Scimkit code runs, with the SCIM Error body instead of the container's HTML page:
 * Jersey's servlet container refuses a {@code Content-Type} it cannot parse ({@code ;;;==}) so.
 */
final class ServletErrorBodies extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, new ScimErrorResponse(response));
  }

  private static final class ScimErrorResponse extends HttpServletResponseWrapper {
    ScimErrorResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) throws IOException {
      sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (isCommitted() || status < 400 || status > 599) {
        super.sendError(status, message);
        return;
      }
      byte[] body = Scimkit.errorBody(status);
      resetBuffer();
      setStatus(status);
      setContentType(Scimkit.MEDIA_TYPE);
      setHeader("Cache-Control", "no-store");
      setHeader("X-Content-Type-Options", "nosniff");
      setContentLength(body.length);
      getOutputStream().write(body);
      flushBuffer();
    }
  }
}
