package dev.scimkit.examples.server;

import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.Scimkit;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.server.handlers.URLDecodingHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.Options;
import org.xnio.XnioExecutor;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.StreamSourceConduit;

/**
 * The standalone server's HTTP listener: Undertow, set up so that slow, idle and malformed clients
 * cost the server little and get SCIM errors.
 *
 * <ul>
 *   <li><b>Head timeout</b> ({@code --head-timeout}, Undertow's {@code REQUEST_PARSE_TIMEOUT}): a
 *       connection whose request head has begun but not ended in time is closed; it never reached
 *       a worker thread.
 *   <li><b>Body timeout</b> ({@code --body-timeout}): a connection whose request body has not
 *       arrived in full within this time of the head is closed.
 *   <li><b>Idle timeout</b> ({@code --idle-timeout}, {@code NO_REQUEST_TIMEOUT}): a connection
 *       with no request in progress is closed after this long.
 *   <li><b>Connections</b> ({@code --max-connections}, XNIO's connection high water mark): beyond
 *       it the server stops accepting until connections close, so file descriptors stay bounded;
 *       never more than the process's file descriptor limit less {@value #RESERVED_DESCRIPTORS}.
 *   <li><b>Bodies Scimkit will refuse are not read.</b> A request without a valid token, or with
 *       a {@code Content-Length} over Scimkit's limit, is answered before its body is read, and
 *       its connection closed rather than drained (Scimkit's JAX-RS filters answer with {@code
 *       Connection: close}); the worker thread is free at once. Undertow's own entity size limit
 *       is off, so that Scimkit answers with its {@code 413}.
 *   <li><b>SCIM errors from Undertow too.</b> URLs are decoded here rather than by Undertow's
 *       parser, so a malformed escape ({@code %zz}) is a SCIM {@code 400} rather than an empty
 *       one; any other error Undertow answers without a body (a path outside the base path, the
 *       {@code 503} while shutting down) gets the SCIM Error body.
 *   <li><b>No worker waits for a body.</b> The body of a request with a valid token is read on the
 *       I/O thread before a worker takes the request ({@link BodyReadAhead}); with a quarter of
 *       the heap for such bodies in all, beyond which requests are answered {@code 503}.
 * </ul>
 *
 * <p>What is left: requests so malformed that Undertow's parser rejects them (a broken request
 * line, a head over 1 MiB) get its bare {@code 400}.
 */
final class HttpListener {
  /** Descriptors kept for all but client connections: the store's pool, jars, logs. */
  static final int RESERVED_DESCRIPTORS = 256;

  private HttpListener() {}

  /** An Undertow server and the handler that stops it gracefully. */
  record Listener(Undertow server, GracefulShutdownHandler graceful) {}

  /**
   * An Undertow server on the options' host and port, serving {@code app} (Scimkit) within the
   * limits. The {@code config} is Scimkit's: its authenticator decides whose bodies are read ahead
   * ({@link BodyReadAhead}), and its largest body how much of one. The graceful shutdown handler
   * counts a request from the moment its body starts being read ahead (which checks its token in
   * the store), so that shutting down waits for it before the store closes.
   */
  static Listener build(ServerOptions options, ScimHttpConfig config, HttpHandler app) {
    ServerOptions.Limits limits = options.limits();
    int connections = maxConnections(limits.maxConnections(), fileDescriptorLimit());
    HttpHandler readAhead =
        new BodyReadAhead(app, config.authenticator(), config.maxBodyBytes(), Runtime.getRuntime().maxMemory() / 4);
    GracefulShutdownHandler graceful = Handlers.gracefulShutdown(new BodyDeadline(readAhead, limits.bodyTimeout()));
    HttpHandler handler = new ScimErrorBodies(new UrlDecoding(graceful));
    Undertow server = Undertow.builder()
        .addHttpListener(options.port(), options.host())
        .setServerOption(UndertowOptions.DECODE_URL, false)
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, -1L)
        .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(limits.headTimeout()))
        .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, millis(limits.idleTimeout()))
        .setSocketOption(Options.CONNECTION_HIGH_WATER, connections)
        .setSocketOption(Options.CONNECTION_LOW_WATER, connections)
        .setWorkerThreads(options.workerThreads())
        .setHandler(handler)
        .build();
    return new Listener(server, graceful);
  }

  /** {@code requested}, but never more than the descriptors the process may open less a reserve. */
  static int maxConnections(int requested, long descriptorLimit) {
    if (descriptorLimit <= 0) {
      return requested; // unknown
    }
    long room = Math.max(1, descriptorLimit - RESERVED_DESCRIPTORS);
    return (int) Math.min(requested, room);
  }

  /** The process's file descriptor limit, or -1 where the JVM does not tell. */
  static long fileDescriptorLimit() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return unix.getMaxFileDescriptorCount();
    }
    return -1;
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }

  /** Answers {@code status} with the SCIM Error body, closing the connection if a body is unread. */
  static void sendScimError(HttpServerExchange exchange, int status) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders()
        .put(Headers.CONTENT_TYPE, Scimkit.MEDIA_TYPE)
        .put(Headers.CACHE_CONTROL, "no-store")
        .put(HttpString.tryFromString("X-Content-Type-Options"), "nosniff");
    if (!exchange.isRequestComplete()) {
      exchange.setPersistent(false);
    }
    exchange.getResponseSender().send(ByteBuffer.wrap(Scimkit.errorBody(status)));
  }

  /** Gives any error Undertow answers without a body the SCIM Error body. */
  private record ScimErrorBodies(HttpHandler next) implements HttpHandler {
    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
      exchange.addDefaultResponseListener(
          ex -> {
            if (!ex.isResponseChannelAvailable() || ex.getStatusCode() < 400) {
              return false;
            }
            sendScimError(ex, ex.getStatusCode());
            return true;
          });
      next.handleRequest(exchange);
    }
  }

  /**
   * Decodes the path and query (Undertow's parser does not: {@code DECODE_URL} is off), answering
   * a malformed escape with a SCIM {@code 400}.
   */
  private record UrlDecoding(HttpHandler next) implements HttpHandler {
    private static final HttpHandler DECODE = new URLDecodingHandler(exchange -> {}, StandardCharsets.UTF_8.name());

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
      try {
        DECODE.handleRequest(exchange);
      } catch (IllegalArgumentException e) {
        sendScimError(exchange, 400);
        return;
      }
      next.handleRequest(exchange);
    }
  }

  /**
   * Closes the connection of a request whose body has not arrived in full within {@code timeout}
   * of its head. Runs on the I/O thread, before the request goes to a worker.
   */
  private record BodyDeadline(HttpHandler next, Duration timeout) implements HttpHandler {
    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
      if (!exchange.isRequestComplete()) {
        EndObservingConduit[] body = new EndObservingConduit[1];
        exchange.addRequestWrapper(
            (factory, ex) -> {
              body[0] = new EndObservingConduit(factory.create());
              return body[0];
            });
        XnioExecutor.Key deadline =
            exchange.getIoThread()
                .executeAfter(
                    () -> {
                      if (body[0] == null || !body[0].ended) {
                        IoUtils.safeClose(exchange.getConnection());
                      }
                    },
                    timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        exchange.addExchangeCompleteListener(
            (ex, nextListener) -> {
              deadline.remove();
              nextListener.proceed();
            });
      }
      next.handleRequest(exchange);
    }
  }

  /** The request body's conduit, noting when its end has been read. */
  private static final class EndObservingConduit extends AbstractStreamSourceConduit<StreamSourceConduit> {
    private volatile boolean ended;

    EndObservingConduit(StreamSourceConduit next) {
      super(next);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      int n = super.read(dst);
      ended |= n == -1;
      return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
      long n = super.read(dsts, offs, len);
      ended |= n == -1;
      return n;
    }

    @Override
    public long transferTo(long position, long count, java.nio.channels.FileChannel target) throws IOException {
      long n = super.transferTo(position, count, target);
      ended |= n == -1;
      return n;
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, org.xnio.channels.StreamSinkChannel target)
        throws IOException {
      long n = super.transferTo(count, throughBuffer, target);
      ended |= n == -1;
      return n;
    }
  }
}
