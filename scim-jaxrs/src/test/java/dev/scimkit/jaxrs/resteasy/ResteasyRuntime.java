package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.ScimServer;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainer;
import jakarta.servlet.ServletException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher;

/**
 * RESTEasy in Undertow's servlet container, deployed the way a servlet host does it: the
 * dispatcher servlet mapped to {@code /v2/*} in context {@code /scim}, its {@code
 * jakarta.ws.rs.Application} init parameter naming {@link ResteasyScimApplication}.
 */
final class ResteasyRuntime implements ScimRuntime {
  static final String CONTEXT = "/scim";
  static final String MAPPING = "/v2";
  static final ResteasyRuntime INSTANCE = new ResteasyRuntime();

  private static final AtomicInteger DEPLOYMENTS = new AtomicInteger();

  @Override
  public ScimServer start(ScimHttpConfig config) {
    synchronized (ResteasyScimApplication.class) {
      ResteasyScimApplication.next = config;
      try {
        return deploy();
      } finally {
        ResteasyScimApplication.next = null;
      }
    }
  }

  private static ScimServer deploy() {
    DeploymentInfo deployment =
        Servlets.deployment()
            .setClassLoader(ResteasyRuntime.class.getClassLoader())
            .setContextPath(CONTEXT)
            .setDeploymentName("scim-" + DEPLOYMENTS.incrementAndGet())
            .addServlet(
                Servlets.servlet("resteasy", HttpServlet30Dispatcher.class)
                    .addInitParam("jakarta.ws.rs.Application", ResteasyScimApplication.class.getName())
                    .addInitParam("resteasy.servlet.mapping.prefix", MAPPING)
                    .addMapping(MAPPING + "/*")
                    .setAsyncSupported(true)
                    .setLoadOnStartup(1));
    ServletContainer container = Servlets.newContainer();
    DeploymentManager manager = container.addDeployment(deployment);
    manager.deploy();
    HttpHandler handler;
    try {
      handler = manager.start(); // loads the servlet, so the application is built now
    } catch (ServletException e) {
      throw new IllegalStateException("cannot start RESTEasy", e);
    }
    Undertow undertow =
        Undertow.builder()
            .addHttpListener(0, "127.0.0.1")
            .setHandler(Handlers.path().addPrefixPath(CONTEXT, handler))
            .build();
    undertow.start();
    int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    URI base = URI.create("http://127.0.0.1:" + port + CONTEXT + MAPPING);
    return new ScimServer() {
      @Override
      public URI baseUri() {
        return base;
      }

      @Override
      public void close() {
        undertow.stop();
        try {
          manager.stop();
        } catch (ServletException e) {
          // stopping a test server: nothing left to do
        }
        manager.undeploy();
      }
    };
  }
}
