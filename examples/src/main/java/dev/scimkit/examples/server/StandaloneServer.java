package dev.scimkit.examples.server;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.auth.IssuedToken;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.core.auth.StoredToken;
import dev.scimkit.jaxrs.ScimApplication;
import dev.scimkit.jaxrs.ScimHttpConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The standalone Scimkit server: a SCIM 2.0 endpoint on Jersey in Undertow ({@link
 * JerseyHandler}, without a servlet container), on the embedded H2 store by default, with
 * organisation bearer tokens. See {@link ServerOptions#USAGE}.
 *
 * <pre>
 * java -jar examples/target/scimkit-server.jar
 * </pre>
 *
 * <p>On SIGTERM (or Ctrl-C) it answers new requests 503, lets requests in flight finish (up to
 * {@value #GRACE_SECONDS} seconds) on an open store, then closes the store and exits with status
 * 0.
 */
public final class StandaloneServer implements AutoCloseable {
  static final int GRACE_SECONDS = 20;

  private final Undertow http;
  private final GracefulShutdownHandler graceful;
  private final JerseyHandler jersey;
  private final ServerStores stores;
  private final ScimEngine engine;
  private final URI baseUri;
  private final IssuedToken generatedToken;

  private StandaloneServer(
      Undertow http,
      GracefulShutdownHandler graceful,
      JerseyHandler jersey,
      ServerStores stores,
      ScimEngine engine,
      URI baseUri,
      IssuedToken generated) {
    this.http = http;
    this.graceful = graceful;
    this.jersey = jersey;
    this.stores = stores;
    this.engine = engine;
    this.baseUri = baseUri;
    this.generatedToken = generated;
  }

  public static void main(String[] args) {
    // Undertow, XNIO and Jersey log through java.util.logging: one format for every line
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command line; for {@code serve} returns only once the server has shut down. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    ServerOptions options;
    try {
      options = ServerOptions.parse(args);
    } catch (ServerOptions.UsageException e) {
      err.println("error: " + e.getMessage());
      err.print(ServerOptions.USAGE);
      return 2;
    }
    try {
      switch (options.command()) {
        case HELP -> out.print(ServerOptions.USAGE);
        case SERVE -> serveUntilStopped(options, out);
        default -> TokenCommands.run(options, out, err);
      }
      return 0;
    } catch (ServerOptions.UsageException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("error: " + describe(e, options));
      return 1;
    }
  }

  /** A failure in words for the command line: what could not be done, and what to do. */
  private static String describe(Exception e, ServerOptions options) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return "cannot listen on " + hostForUri(options.host()) + ":" + options.port() + " (" + t.getMessage()
            + "): another process uses the port; choose another with --port PORT (0 picks a free one)";
      }
    }
    return e.getMessage();
  }

  private static void serveUntilStopped(ServerOptions options, PrintStream out) throws IOException {
    StandaloneServer server = start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop = () -> {
      if (stopping.compareAndSet(false, true)) {
        server.close();
      }
      stopped.countDown();
    };
    // SIGTERM and Ctrl-C stop the server before the JVM's shutdown begins, so that requests in
    // flight finish on an open database: shutdown hooks run all at once, and H2's own closes
    // the database under them. The hook stays for any other way the JVM may exit.
    boolean signalsHandled = handleStopSignals(stop);
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "scimkit-shutdown"));
    out.println("Scimkit SCIM server listening at " + server.baseUri());
    server.generatedToken()
        .ifPresentOrElse(
            t -> {
              out.println("Generated a bearer token for tenant '" + RequestContext.DEFAULT_TENANT
                  + "' (shown once, only its hash is kept; token id " + t.token().id() + "):");
              out.println("  " + t.secret());
            },
            () -> {
              if (options.token() == null && options.tenantTokens().isEmpty()) {
                out.println("Tenant '" + RequestContext.DEFAULT_TENANT + "' already has a token (a secret is "
                    + "shown only when it is created). For a new one: java -jar scimkit-server.jar token "
                    + "create --tenant " + RequestContext.DEFAULT_TENANT + TokenCommands.storeOption(options));
              }
            });
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (signalsHandled) {
      System.exit(0); // stopped cleanly on a signal: end the JVM, whose hooks find nothing to do
    }
  }

  /** Runs {@code stop} on SIGTERM and SIGINT, where the JVM lets a program handle them. */
  @SuppressWarnings("removal")
  private static boolean handleStopSignals(Runnable stop) {
    try {
      for (String name : List.of("TERM", "INT")) {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> new Thread(stop, "scimkit-stop").start());
      }
      return true;
    } catch (RuntimeException | LinkageError e) {
      return false; // not on this JVM or platform: the shutdown hook stops the server
    }
  }

  /**
   * Starts a server. When no token is configured and the default tenant has no active token yet,
   * one is generated: see {@link #generatedToken()}.
   */
  static StandaloneServer start(ServerOptions options) throws IOException {
    ServerStores stores = ServerStores.open(options);
    ScimEngine engine = null;
    try {
      OrganizationTokens tokens = configuredTokens(options, stores);
      IssuedToken generated = generateTokenIfNone(options, tokens);
      ScimEngine.Builder engineBuilder = ScimEngine.builder().storeProvider(stores.resources());
      if (options.webhook() != null) {
        engineBuilder.eventListener(
            "webhook", new WebhookListener(options.webhook().url(), options.webhook().secret(), Clock.systemUTC()));
      }
      engine = engineBuilder.build();
      ScimHttpConfig config =
          ScimHttpConfig.builder(engine).authenticator(tokens.authenticator()).build();
      ResourceConfig app =
          ResourceConfig.forApplication(new ScimApplication(config))
              // no WADL: it loads JAXB at start and is not part of SCIM
              .property("jersey.config.server.wadl.disableWadl", true);
      JerseyHandler jersey = new JerseyHandler(app, options.basePath());
      jersey.start();
      HttpListener.Listener listener =
          HttpListener.build(options, config, Handlers.path().addPrefixPath(options.basePath(), jersey));
      Undertow http = listener.server();
      GracefulShutdownHandler graceful = listener.graceful();
      http.start();
      int port = ((InetSocketAddress) http.getListenerInfo().get(0).getAddress()).getPort();
      URI actual =
          URI.create("http://" + hostForUri(options.host()) + ":" + port + options.basePath());
      return new StandaloneServer(http, graceful, jersey, stores, engine, actual, generated);
    } catch (RuntimeException e) {
      closeQuietly(engine);
      stores.close();
      throw e;
    }
  }

  private static void closeQuietly(ScimEngine engine) {
    if (engine != null) {
      engine.close();
    }
  }

  /**
   * The tokens of {@code --token} and {@code --tenant} are configuration: valid while the server
   * is started with them, never stored, so a restart with another value retires the old one.
   */
  private static OrganizationTokens configuredTokens(ServerOptions options, ServerStores stores) {
    OrganizationTokens.Builder builder = OrganizationTokens.builder(stores.tokens());
    if (options.token() != null) {
      builder.configuredToken(RequestContext.DEFAULT_TENANT, options.token());
    }
    for (Map.Entry<String, String> t : options.tenantTokens().entrySet()) {
      builder.configuredToken(t.getKey(), t.getValue());
    }
    return builder.build();
  }

  private static IssuedToken generateTokenIfNone(ServerOptions options, OrganizationTokens tokens) {
    if (options.token() != null || !options.tenantTokens().isEmpty()) {
      return null;
    }
    List<StoredToken> existing = tokens.list(RequestContext.DEFAULT_TENANT);
    boolean anyActive = existing.stream().anyMatch(t -> t.isActive(Clock.systemUTC().instant()));
    return anyActive ? null : tokens.create(RequestContext.DEFAULT_TENANT, "generated at first start");
  }

  private static String hostForUri(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** The SCIM base URL, without a trailing slash. */
  public URI baseUri() {
    return baseUri;
  }

  /** The token generated at start, if one was. */
  public Optional<IssuedToken> generatedToken() {
    return Optional.ofNullable(generatedToken);
  }

  /**
   * Stops taking requests (new ones are answered 503), lets requests in flight finish for up to
   * {@value #GRACE_SECONDS} seconds, then stops the listener, the delivery of provisioning events
   * (events not delivered yet are delivered after the next start), and closes the store.
   */
  @Override
  public void close() {
    try {
      graceful.shutdown();
      graceful.awaitShutdown(TimeUnit.SECONDS.toMillis(GRACE_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      http.stop();
      jersey.stop();
      engine.close();
      stores.close();
    }
  }
}
