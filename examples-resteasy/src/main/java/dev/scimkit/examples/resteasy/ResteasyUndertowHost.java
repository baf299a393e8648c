package dev.scimkit.examples.resteasy;

import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.IssuedToken;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.jaxrs.ScimApplication;
import dev.scimkit.jaxrs.ScimHttpConfig;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import jakarta.servlet.ServletException;
import jakarta.ws.rs.core.Application;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher;
import org.jboss.resteasy.spi.ResteasyDeployment;
import org.xnio.Options;

/**
 * A RESTEasy application in Undertow's servlet container that serves its own API under {@code
 * /api} and mounts Scimkit beside it under {@code /api/scim/v2}.
 *
 * <pre>
 * mvn -q -pl examples-resteasy exec:java -Dexec.mainClass=dev.scimkit.examples.resteasy.ResteasyUndertowHost
 * </pre>
 *
 * <h2>How it mounts</h2>
 *
 * <p>Two JAX-RS applications, each in a servlet context of its own: the host's {@link
 * HostApplication} at {@code /api} and Scimkit's {@link ScimApplication} at {@code /api/scim/v2}
 * ({@link #deploy}). Undertow's path handler gives each request to the longest matching context
 * path, so {@code /api/scim/v2/Users} reaches Scimkit and every other {@code /api/...} the host.
 *
 * <p>Each context runs RESTEasy's {@link HttpServlet30Dispatcher} over a {@link
 * ResteasyDeployment} that holds the application <em>instance</em>, handed over as a servlet
 * context attribute (the servlet starts the deployment when it loads and stops it when it is
 * destroyed). That is how the engine reaches Scimkit's resources without a static field or CDI:
 * the usual {@code jakarta.ws.rs.Application} init parameter names a class instead, which RESTEasy
 * instantiates with no arguments. One context per application, because the attribute is per
 * context.
 *
 * <p>Why not add Scimkit to the host's application? That works too, with a one-line {@link
 * dev.scimkit.jaxrs.ScimEndpoints} subclass annotated {@code @Path("scim/v2")} and {@link
 * dev.scimkit.jaxrs.Scimkit#classes(Class)}; an application of its own keeps each side's
 * providers and configuration entirely to itself.
 *
 * <h2>Server settings</h2>
 *
 * <p>The host owns the HTTP server, so the settings that keep slow and idle clients from tying it
 * up are the host's ({@link #start}): a limit on the time a request head may take ({@value
 * #HEAD_TIMEOUT_MILLIS} ms) and on the time a connection may idle ({@value #IDLE_TIMEOUT_MILLIS}
 * ms), and on the connections open at once ({@value #MAX_CONNECTIONS}). Undertow has none of the
 * first and third by default. Scimkit does its part: it answers a request without a valid token,
 * or declaring a body over its limit, before reading the body, with {@code Connection: close}, so
 * Undertow closes the connection instead of draining the body on a worker thread. A slow body
 * with a valid token still holds a worker thread while it arrives; the standalone server reads
 * such bodies ahead on the I/O thread ({@code dev.scimkit.examples.server.BodyReadAhead}).
 *
 * <h2>Tokens</h2>
 *
 * <p>Organisation tokens, as in the Jersey sample: the host's admin console creates one per
 * customer organisation ({@link OrganizationTokens#create}) and shows it once; only hashes are
 * kept (here in memory; a real host uses a {@link dev.scimkit.core.auth.TokenStore} in its
 * database).
 */
public final class ResteasyUndertowHost implements AutoCloseable {
  /** Where the host's own API lives. */
  public static final String API_PATH = "/api";

  /** Where Scimkit lives: beside the host's resources, inside its {@code /api}. */
  public static final String SCIM_PATH = API_PATH + "/scim/v2";

  /** The most time from the first byte of a request head to its end. */
  static final int HEAD_TIMEOUT_MILLIS = 10_000;

  /** The most time a connection may stay open with no request (Undertow's own default too). */
  static final int IDLE_TIMEOUT_MILLIS = 60_000;

  /** The most connections open at once; more wait to be accepted. */
  static final int MAX_CONNECTIONS = 10_000;

  /** The host's own JAX-RS application, as it was before Scimkit. */
  public static final class HostApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(HostResource.class);
    }
  }

  /** One application in its servlet context. */
  private record Deployed(DeploymentManager manager, HttpHandler handler) {}

  private final Undertow server;
  private final List<Deployed> deployments;
  private final OrganizationTokens tokens;
  private final URI root;

  private ResteasyUndertowHost(
      Undertow server, List<Deployed> deployments, OrganizationTokens tokens, URI root) {
    this.server = server;
    this.deployments = deployments;
    this.tokens = tokens;
    this.root = root;
  }

  /** Starts the host on {@code host:port} (port 0 picks a free one). */
  public static ResteasyUndertowHost start(String host, int port) throws ServletException {
    OrganizationTokens tokens = OrganizationTokens.builder(new InMemoryTokenStore()).build();
    ScimEngine engine = ScimEngine.builder().build(); // users and groups in memory
    ScimHttpConfig scim =
        ScimHttpConfig.builder(engine).authenticator(tokens.authenticator()).build();

    Deployed api = deploy(API_PATH, new HostApplication());
    Deployed scimkit = deploy(SCIM_PATH, new ScimApplication(scim));
    Undertow server =
        Undertow.builder()
            .addHttpListener(port, host)
            .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, HEAD_TIMEOUT_MILLIS)
            .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, IDLE_TIMEOUT_MILLIS)
            .setSocketOption(Options.CONNECTION_HIGH_WATER, MAX_CONNECTIONS)
            .setSocketOption(Options.CONNECTION_LOW_WATER, MAX_CONNECTIONS)
            .setHandler(
                Handlers.path()
                    .addPrefixPath(API_PATH, api.handler())
                    .addPrefixPath(SCIM_PATH, scimkit.handler()))
            .build();
    server.start();

    int actualPort = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    return new ResteasyUndertowHost(
        server, List.of(api, scimkit), tokens, URI.create("http://" + host + ":" + actualPort));
  }

  /** Runs {@code application} on RESTEasy in a servlet context of its own at {@code contextPath}. */
  private static Deployed deploy(String contextPath, Application application) throws ServletException {
    ResteasyDeployment resteasy = new ResteasyDeploymentImpl();
    resteasy.setApplication(application); // the servlet starts it on init and stops it on destroy
    DeploymentInfo info =
        Servlets.deployment()
            .setClassLoader(ResteasyUndertowHost.class.getClassLoader())
            .setContextPath(contextPath)
            .setDeploymentName(contextPath)
            .addServletContextAttribute(ResteasyDeployment.class.getName(), resteasy)
            .addServlet(
                Servlets.servlet("resteasy", HttpServlet30Dispatcher.class)
                    .addMapping("/*")
                    .setAsyncSupported(true)
                    .setLoadOnStartup(1));
    DeploymentManager manager = Servlets.defaultContainer().addDeployment(info);
    manager.deploy();
    return new Deployed(manager, manager.start());
  }

  /** The host's API root, {@code http://host:port/api}. */
  public URI apiUri() {
    return URI.create(root + API_PATH);
  }

  /** The SCIM base URL to give the identity provider, {@code http://host:port/api/scim/v2}. */
  public URI scimUri() {
    return URI.create(root + SCIM_PATH);
  }

  /** The organisation tokens: what the host's admin console would call. */
  public OrganizationTokens tokens() {
    return tokens;
  }

  @Override
  public void close() {
    server.stop();
    for (Deployed d : deployments) {
      try {
        d.manager().stop();
      } catch (ServletException e) {
        // the servlet's destroy failed; the deployment is going away regardless
      }
      d.manager().undeploy();
    }
  }

  /** Starts on {@code 127.0.0.1:8080} and prints the SCIM URL and a token for {@code acme}. */
  public static void main(String[] args) throws ServletException {
    ResteasyUndertowHost host = start("127.0.0.1", 8080);
    Runtime.getRuntime().addShutdownHook(new Thread(host::close));
    IssuedToken token = host.tokens().create("acme", "sample");
    System.out.println("Host API:  " + host.apiUri() + "/hello");
    System.out.println("SCIM URL:  " + host.scimUri());
    System.out.println("Token for organisation 'acme' (shown once): " + token.secret());
  }
}
