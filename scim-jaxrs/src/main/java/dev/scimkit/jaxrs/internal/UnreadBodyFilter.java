package dev.scimkit.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Closes the connection after answering a request whose body was not read to its end: one refused
 * before its body was read ({@code 401}, {@code 413} for a declared length over the limit, {@code
 * 415}, {@code 405}, ...) or one whose body broke a limit while being read. A body that has
 * already arrived in full is first skipped, without waiting, so that an ordinary client refused
 * with a small body keeps its connection (closing with unread data would reset it, and the client
 * might lose the answer).
 *
 * <p>Why: to keep the connection for another request, an HTTP/1.1 server must first read and
 * discard the rest of the body, however slowly it comes. Undertow's servlet container does that on
 * the worker thread that served the request, so a client that sends a large {@code
 * Content-Length} and then a byte every few seconds holds a worker, token or no token; a handful of
 * such clients freeze the server. {@code Connection: close} tells the container to close instead
 * (Undertow and Grizzly honour it); the client learns its answer either way.
 *
 * <p>Pre-matching, so it also sees requests the runtime refuses itself while matching; it acts only
 * on requests addressed to Scimkit ({@link ScimScope}), so a host's own resources in a shared
 * application keep their bodies and their limits.
 */
@PreMatching
public final class UnreadBodyFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String BODY = UnreadBodyFilter.class.getName() + ".body";

  @Context private Configuration configuration;
  @Context private Application application;

  private final ScimScope.Lazy scope = new ScimScope.Lazy();

  @Override
  public void filter(ContainerRequestContext request) {
    EndpointRuntime runtime = EndpointRuntime.of(configuration);
    if (runtime == null
        || !declaresBody(request)
        || !scope.get(application, configuration).covers(request.getUriInfo())) {
      return;
    }
    EndObservingStream body =
        new EndObservingStream(request.getEntityStream(), request.getLength(), runtime.config().maxBodyBytes());
    request.setEntityStream(body);
    request.setProperty(BODY, body);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(BODY) instanceof EndObservingStream body && !body.skipArrived()) {
      response.getHeaders().putSingle("Connection", "close");
    }
  }

  /** Whether the head announces a body: a length above zero, or a transfer coding. */
  private static boolean declaresBody(ContainerRequestContext request) {
    return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
  }

  /**
   * The body as the runtime gives it, noting when it has been read to its end: the end of the
   * stream, or as many bytes as the head declared.
   */
  private static final class EndObservingStream extends FilterInputStream {
    private final long declared;
    private final long skippable;
    private long read;
    private boolean ended;

    /**
     * @param declared the declared length, or -1 (chunked)
     * @param skippable the longest declared body worth skipping when left unread
     */
    EndObservingStream(InputStream in, long declared, long skippable) {
      super(in);
      this.declared = declared;
      this.skippable = skippable;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b == -1 ? -1 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(n);
      return n;
    }

    private void count(int n) {
      if (n == -1) {
        ended = true;
      } else {
        read += n;
        ended |= declared >= 0 && read >= declared;
      }
    }

    /**
     * Reads and drops what has already arrived of a body of declared length, never waiting for
     * more, and answers whether the body has now been read to its end.
     */
    boolean skipArrived() {
      if (ended || declared < 0 || declared > skippable) {
        return ended;
      }
      byte[] buffer = new byte[8192];
      try {
        for (int n = in.available(); n > 0 && !ended; n = in.available()) {
          read(buffer, 0, Math.min(n, buffer.length));
        }
      } catch (IOException | RuntimeException e) {
        return false; // the connection is gone or going: close it
      }
      return ended;
    }
  }
}
