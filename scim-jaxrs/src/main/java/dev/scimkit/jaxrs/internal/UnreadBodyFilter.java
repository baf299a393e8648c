package dev.scimkit.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Closes the connection after answering a request whose body was not read to its end: one refused
 * before its body was read ({@code 401}, {@code 413} for a declared length over the limit, {@code
 * 415}, {@code 405}, ...) or one whose body broke a limit while being read.
 *
 * <p>Why: to keep the connection for another request, an HTTP/1.1 server must first read and
 * discard the rest of the body, however slowly it comes. Undertow's servlet container does that on
 * the worker thread that served the request, so a client that sends a large {@code
 * Content-Length} and then a byte every few seconds holds a worker, token or no token; a handful of
 * such clients freeze the server. {@code Connection: close} tells the container to close instead
 * (Undertow and Grizzly honour it); the client learns its answer either way.
 *
 * <p>Pre-matching, so it also sees requests the runtime refuses itself while matching.
 */
@PreMatching
public final class UnreadBodyFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String BODY = UnreadBodyFilter.class.getName() + ".body";

  @Context private Configuration configuration;

  @Override
  public void filter(ContainerRequestContext request) {
    if (EndpointRuntime.of(configuration) == null || !declaresBody(request)) {
      return;
    }
    EndObservingStream body = new EndObservingStream(request.getEntityStream());
    request.setEntityStream(body);
    request.setProperty(BODY, body);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(BODY) instanceof EndObservingStream body && !body.ended) {
      response.getHeaders().putSingle("Connection", "close");
    }
  }

  /** Whether the head announces a body: a length above zero, or a transfer coding. */
  private static boolean declaresBody(ContainerRequestContext request) {
    return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
  }

  /** The body as the runtime gives it, noting when it has been read to its end. */
  private static final class EndObservingStream extends FilterInputStream {
    private volatile boolean ended;

    EndObservingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      ended |= b == -1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      ended |= n == -1;
      return n;
    }
  }
}
