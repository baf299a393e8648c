package dev.scimkit.examples.jersey;

import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.IssuedToken;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.jaxrs.ScimApplication;
import dev.scimkit.jaxrs.ScimHttpConfig;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * A plain Jersey + Grizzly application that serves its own API under {@code /api} and mounts
 * Scimkit beside it under {@code /api/scim/v2}.
 *
 * <pre>
 * java -cp examples/target/scimkit-server.jar dev.scimkit.examples.jersey.JerseyGrizzlyHost
 * </pre>
 *
 * <h2>How it mounts</h2>
 *
 * <p>Two JAX-RS applications share one Grizzly {@link HttpServer}: the host's own, and Scimkit's
 * {@link ScimApplication}. Each runs in a Jersey container of its own, registered as a Grizzly
 * handler at its context path ({@link #mount}). Grizzly hands each request to the handler with
 * the longest matching context path, so {@code /api/scim/v2/Users} reaches Scimkit and every other
 * {@code /api/...} reaches the host.
 *
 * <p>Why not add Scimkit to the host's application instead? That works too: a one-line {@link
 * dev.scimkit.jaxrs.ScimEndpoints} subclass annotated {@code @Path("scim/v2")} and {@link
 * dev.scimkit.jaxrs.Scimkit#classes(Class)} put SCIM under {@code /api/scim/v2} of the host's own
 * application, and Scimkit's providers then act on that path only (see the {@code
 * dev.scimkit.jaxrs} package documentation). A container of its own goes one step further: the
 * two applications share no provider and no configuration at all.
 *
 * <h2>Tokens</h2>
 *
 * <p>Scimkit authenticates with organisation tokens: the admin of each customer organisation
 * creates one in the host's console ({@link OrganizationTokens#create}) and pastes it into the
 * identity provider; the token tells Scimkit which organisation (tenant) is calling. This sample
 * keeps the token hashes in memory; a real host keeps them in its database (any {@link
 * dev.scimkit.core.auth.TokenStore}, such as the JDBC store's).
 *
 * <h2>Server settings</h2>
 *
 * <p>The host owns the HTTP server. Scimkit answers a request without a valid token, or declaring
 * a body over its limit, before reading the body, with {@code Connection: close}; by default
 * Grizzly would still read and discard the rest of the body before closing, for as long as it
 * takes, so {@link #start} sets {@link ServerConfiguration#setMaxPayloadRemainderToSkip} to 0:
 * close at once. Grizzly has no timeout for a request head or body that arrives slowly; a host
 * that faces the internet on Grizzly should put a reverse proxy with such timeouts in front, or
 * host Scimkit in Undertow as the standalone server does.
 *
 * <p>One Grizzly caveat: it stalls on the body of a request that offers an HTTP/2 cleartext
 * upgrade ({@code Upgrade: h2c}), which the JDK's {@code HttpClient} does by default. Talk to it
 * with HTTP/1.1, or host Scimkit in Undertow as the standalone server does.
 */
public final class JerseyGrizzlyHost implements AutoCloseable {
  /** Where the host's own API lives. */
  public static final String API_PATH = "/api";

  /** Where Scimkit lives: beside the host's resources, inside its {@code /api}. */
  public static final String SCIM_PATH = API_PATH + "/scim/v2";

  private final HttpServer server;
  private final OrganizationTokens tokens;
  private final URI root;

  private JerseyGrizzlyHost(HttpServer server, OrganizationTokens tokens, URI root) {
    this.server = server;
    this.tokens = tokens;
    this.root = root;
  }

  /** Starts the host on {@code host:port} (port 0 picks a free one). */
  public static JerseyGrizzlyHost start(String host, int port) throws IOException {
    OrganizationTokens tokens = OrganizationTokens.builder(new InMemoryTokenStore()).build();
    ScimEngine engine = ScimEngine.builder().build(); // users and groups in memory
    ScimHttpConfig scim =
        ScimHttpConfig.builder(engine).authenticator(tokens.authenticator()).build();

    HttpServer server =
        GrizzlyHttpServerFactory.createHttpServer(URI.create("http://" + host + ":" + port), false);
    // a body left unread (Scimkit refused the request): close the connection, do not drain it
    server.getServerConfiguration().setMaxPayloadRemainderToSkip(0);
    mount(server, API_PATH, new ResourceConfig(HostResource.class));
    mount(server, SCIM_PATH, ResourceConfig.forApplication(new ScimApplication(scim)));
    server.start();

    int actualPort = server.getListener("grizzly").getPort();
    return new JerseyGrizzlyHost(server, tokens, URI.create("http://" + host + ":" + actualPort));
  }

  /** Serves {@code application} in a Jersey container of its own at {@code contextPath}. */
  private static void mount(HttpServer server, String contextPath, Application application) {
    ResourceConfig config =
        ResourceConfig.forApplication(application)
            .property(ServerProperties.WADL_FEATURE_DISABLE, true); // WADL would want JAXB
    GrizzlyHttpContainer container = ContainerFactory.createContainer(GrizzlyHttpContainer.class, config);
    server
        .getServerConfiguration()
        .addHttpHandler(container, HttpHandlerRegistration.builder().contextPath(contextPath).build());
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
    server.shutdownNow();
  }

  /** Starts on {@code 127.0.0.1:8080} and prints the SCIM URL and a token for {@code acme}. */
  public static void main(String[] args) throws IOException {
    JerseyGrizzlyHost host = start("127.0.0.1", 8080);
    Runtime.getRuntime().addShutdownHook(new Thread(host::close));
    IssuedToken token = host.tokens().create("acme", "sample");
    System.out.println("Host API:  " + host.apiUri() + "/hello");
    System.out.println("SCIM URL:  " + host.scimUri());
    System.out.println("Token for organisation 'acme' (shown once): " + token.secret());
  }
}
