package dev.scimkit.examples.server;

import io.undertow.io.AsyncSenderImpl;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.message.internal.HeaderValueException;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.internal.ContainerUtils;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Jersey application on Undertow's own API, without a servlet container, and writes each
 * response from the connection's I/O thread.
 *
 * <p>Why not Jersey's servlet container: a servlet request ends on the worker thread that ran it,
 * and ending it there re-arms the connection's reads from that thread. Undertow's I/O thread,
 * woken to read the connection's next request while the worker is still finishing the old one,
 * waits for it in a busy loop ({@code HttpReadListener.handleEvent}); on a machine with few
 * cores the worker it waits for is likely the very thread it displaced, and the loop burnt about
 * 40% of the CPU of a {@code GET /Users/{id}} (measured per thread from {@code /proc}; see the
 * benchmarks' README). Here a worker runs Jersey into a buffer and hands the buffer to the I/O thread, which
 * writes it and ends the exchange itself, as Undertow's non-blocking handlers do.
 *
 * <p>A request whose body Jersey did not read to its end (refused before reading, or too large)
 * is answered from the worker instead, with blocking writes, as a servlet would: ending it may
 * mean reading the rest of the body, which must not happen on an I/O thread.
 *
 * <p>Responses are buffered whole, which Scimkit's are already (its endpoints answer with byte
 * arrays); asynchronous JAX-RS responses are not supported (Scimkit has none).
 */
final class JerseyHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(JerseyHandler.class);
  private static final InputStream NO_BODY = InputStream.nullInputStream();

  private final ApplicationHandler jersey;
  private final String basePath;

  /**
   * @param application the JAX-RS application
   * @param basePath the path the application is mounted at, such as {@code /scim/v2} ({@code ""}
   *     for the root); requests reach this handler with their full path
   */
  JerseyHandler(Application application, String basePath) {
    this.jersey = new ApplicationHandler(application);
    this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
  }

  /** Starts the application (its {@code @PostConstruct} and container listeners). */
  void start() {
    jersey.onStartup(null);
  }

  /** Stops the application. */
  void stop() {
    jersey.onShutdown(null);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this); // Jersey and the store block
      return;
    }
    ContainerRequest request;
    try {
      request = request(exchange);
    } catch (IllegalArgumentException e) { // a Host header or a path no URI can hold
      HttpListener.sendScimError(exchange, 400);
      return;
    }
    boolean hasBody = !exchange.isRequestComplete();
    if (hasBody) {
      exchange.startBlocking();
      request.setEntityStream(exchange.getInputStream());
    } else {
      request.setEntityStream(NO_BODY);
    }
    BufferingWriter writer = new BufferingWriter(exchange);
    request.setWriter(writer);
    try {
      jersey.handle(request);
    } catch (HeaderValueException e) { // a header Jersey cannot parse while matching the request
      HttpListener.sendScimError(exchange, 400);
      return;
    }
    writer.finish(hasBody);
  }

  private ContainerRequest request(HttpServerExchange exchange) {
    String root = exchange.getRequestScheme() + "://" + exchange.getHostAndPort();
    URI base = URI.create(root + basePath + "/");
    String path = exchange.getRequestURI(); // raw: URLs are decoded by Jersey, not by Undertow
    if (exchange.isHostIncludedInRequestURI()) {
      int slash = path.indexOf('/', path.indexOf("//") + 2);
      path = slash < 0 ? "/" : path.substring(slash);
    }
    String query = exchange.getQueryString();
    URI uri =
        URI.create(
            root
                + ContainerUtils.encodeUnsafeCharacters(path)
                + (query.isEmpty() ? "" : "?" + ContainerUtils.encodeUnsafeCharacters(query)));
    ContainerRequest request =
        new ContainerRequest(
            base,
            uri,
            exchange.getRequestMethod().toString(),
            new Anonymous("https".equals(exchange.getRequestScheme())),
            new MapPropertiesDelegate(),
            jersey.getConfiguration());
    for (HeaderValues values : exchange.getRequestHeaders()) {
      request.headers(values.getHeaderName().toString(), values);
    }
    return request;
  }

  /** Takes Jersey's response into memory, then sends it. */
  private static final class BufferingWriter implements ContainerResponseWriter {
    private final HttpServerExchange exchange;
    private ExposedBuffer body;
    private int status = -1;
    private long contentLength = -1;
    private Map<String, List<String>> headers = Map.of();
    private boolean failed;

    BufferingWriter(HttpServerExchange exchange) {
      this.exchange = exchange;
    }

    @Override
    public OutputStream writeResponseStatusAndHeaders(long contentLength, ContainerResponse response) {
      this.status = response.getStatus();
      this.headers = response.getStringHeaders();
      this.contentLength = contentLength;
      body = new ExposedBuffer(contentLength > 0 && contentLength < Integer.MAX_VALUE ? (int) contentLength : 512);
      return body;
    }

    @Override
    public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler) {
      return false; // no asynchronous responses
    }

    @Override
    public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) {
      throw new IllegalStateException("asynchronous responses are not supported");
    }

    @Override
    public void commit() {}

    @Override
    public void failure(Throwable error) {
      LOG.error("A request failed in the JAX-RS runtime", error);
      failed = true;
    }

    @Override
    public boolean enableResponseBuffering() {
      return false; // buffered here whole
    }

    /** Sends the response: from the I/O thread when the request has been read to its end. */
    void finish(boolean hadBody) throws IOException {
      if (failed || status < 0) {
        HttpListener.sendScimError(exchange, 500);
        return;
      }
      exchange.setStatusCode(status);
      for (Map.Entry<String, List<String>> h : headers.entrySet()) {
        if (!h.getKey().equalsIgnoreCase("Content-Length")) {
          exchange.getResponseHeaders().addAll(HttpString.tryFromString(h.getKey()), h.getValue());
        }
      }
      ByteBuffer bytes = body == null ? ByteBuffer.allocate(0) : body.bytes();
      boolean head = exchange.getRequestMethod().equals(Methods.HEAD);
      // a HEAD response has no body but the length the GET's would have, which Jersey tells
      exchange.setResponseContentLength(head && contentLength >= 0 ? contentLength : bytes.remaining());
      if (hadBody && !exchange.isRequestComplete()) {
        // the rest of the body may have to be read to end the exchange: not on an I/O thread
        OutputStream out = exchange.getOutputStream();
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        out.close();
        return;
      }
      if (hadBody) {
        exchange.getInputStream().close(); // at its end already: frees its buffer
        exchange.startBlocking(null); // the I/O thread's sender must not block
      }
      exchange.dispatch(exchange.getIoThread(), () -> new AsyncSenderImpl(exchange).send(bytes));
    }
  }

  /** A growable buffer whose bytes are sent without a copy. */
  private static final class ExposedBuffer extends ByteArrayOutputStream {
    ExposedBuffer(int size) {
      super(size);
    }

    ByteBuffer bytes() {
      return ByteBuffer.wrap(buf, 0, count);
    }
  }

  /** No one authenticated by the container: Scimkit's own filter sets the caller. */
  private record Anonymous(boolean secure) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return null;
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return null;
    }
  }
}
