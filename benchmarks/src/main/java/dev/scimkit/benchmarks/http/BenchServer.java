package dev.scimkit.benchmarks.http;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.IssuedToken;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.jaxrs.ScimApplication;
import dev.scimkit.jaxrs.ScimHttpConfig;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.ServletException;
import java.net.InetSocketAddress;
import java.net.URI;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The server under load, built as {@code examples/.../StandaloneServer} builds it: Scimkit's
 * {@link ScimApplication} on Jersey in Undertow's servlet container, on {@link InMemoryStore},
 * with organisation bearer tokens (authentication on, as in production) and the engine's default
 * audit listener (one log line per change). The {@link BareUserResource} ceiling is added to the
 * same Jersey application.
 */
final class BenchServer implements AutoCloseable {
  static final String BASE_PATH = "/scim/v2";

  private final Undertow http;
  private final DeploymentManager deployment;
  final URI baseUri;
  final ScimEngine engine;
  final String token;
  final BareUserResource.Bare bare;

  private BenchServer(
      Undertow http, DeploymentManager deployment, URI baseUri, ScimEngine engine, String token,
      BareUserResource.Bare bare) {
    this.http = http;
    this.deployment = deployment;
    this.baseUri = baseUri;
    this.engine = engine;
    this.token = token;
    this.bare = bare;
  }

  static BenchServer start(String host, int port) throws ServletException {
    OrganizationTokens tokens = OrganizationTokens.builder(new InMemoryTokenStore()).build();
    IssuedToken issued = tokens.create(RequestContext.DEFAULT_TENANT, "load generator");
    ScimEngine engine = ScimEngine.builder().storeProvider(new InMemoryStore()).build();
    ScimHttpConfig config = ScimHttpConfig.builder(engine).authenticator(tokens.authenticator()).build();
    BareUserResource.Bare bare = new BareUserResource.Bare(tokens.authenticator());
    ResourceConfig app =
        ResourceConfig.forApplication(new ScimApplication(config))
            .property("jersey.config.server.wadl.disableWadl", true)
            .property(BareUserResource.PROPERTY, bare)
            .register(BareUserResource.class);
    DeploymentInfo info =
        Servlets.deployment()
            .setClassLoader(BenchServer.class.getClassLoader())
            .setContextPath(BASE_PATH)
            .setDeploymentName("scimkit")
            .addServlet(
                Servlets.servlet("scim", ServletContainer.class, new ImmediateInstanceFactory<>(new ServletContainer(app)))
                    .addMapping("/*")
                    .setLoadOnStartup(1));
    DeploymentManager deployment = Servlets.defaultContainer().addDeployment(info);
    deployment.deploy();
    Undertow http =
        Undertow.builder()
            .addHttpListener(port, host)
            .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 64L << 20)
            .setHandler(Handlers.gracefulShutdown(Handlers.path().addPrefixPath(BASE_PATH, deployment.start())))
            .build();
    http.start();
    int actual = ((InetSocketAddress) http.getListenerInfo().get(0).getAddress()).getPort();
    URI base = URI.create("http://" + host + ":" + actual + BASE_PATH);
    return new BenchServer(http, deployment, base, engine, issued.secret(), bare);
  }

  @Override
  public void close() {
    http.stop();
    try {
      deployment.stop();
    } catch (ServletException e) {
      // going away anyway
    }
    deployment.undeploy();
  }
}
