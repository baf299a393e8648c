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
import io.undertow.servlet.api.ServletInfo;
import jakarta.servlet.ServletException;
import jakarta.ws.rs.core.Application;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher;
import org.jboss.resteasy.spi.ResteasyDeployment;

/**
 * RESTEasy in Undertow's servlet container, deployed the way a servlet host does it. Scimkit's own
 * application: the dispatcher servlet mapped to {@code /v2/*} in context {@code /scim}, its {@code
 * jakarta.ws.rs.Application} init parameter naming {@link ResteasyScimApplication}. A host's
 * application: the dispatcher mapped to {@code /*} in a context at the host's path, over a
 * deployment that holds the application instance.
 */
public final class ResteasyRuntime implements ScimRuntime {
  static final String CONTEXT = "/scim";
  static final String MAPPING = "/v2";
  public static final ResteasyRuntime INSTANCE = new ResteasyRuntime();

  private static final AtomicInteger DEPLOYMENTS = new AtomicInteger();

  @Override
  public ScimServer startOwnApplication(ScimHttpConfig config) {
    synchronized (ResteasyScimApplication.class) {
      ResteasyScimApplication.next = config;
      try {
        DeploymentInfo deployment =
            Servlets.deployment()
                .addServlet(
                    dispatcher()
                        .addInitParam("jakarta.ws.rs.Application", ResteasyScimApplication.class.getName())
                        .addInitParam("resteasy.servlet.mapping.prefix", MAPPING)
                        .addMapping(MAPPING + "/*"));
        return deploy(deployment, CONTEXT, CONTEXT + MAPPING);
      } finally {
        ResteasyScimApplication.next = null;
      }
    }
  }

  @Override
  public ScimServer serve(Application application, String path) {
    ResteasyDeployment resteasy = new ResteasyDeploymentImpl();
    resteasy.setApplication(application); // the servlet starts it on init and stops it on destroy
    DeploymentInfo deployment =
        Servlets.deployment()
            .addServletContextAttribute(ResteasyDeployment.class.getName(), resteasy)
            .addServlet(dispatcher().addMapping("/*"));
    return deploy(deployment, path, path);
  }

  private static ServletInfo dispatcher() {
    return Servlets.servlet("resteasy", HttpServlet30Dispatcher.class).setAsyncSupported(true).setLoadOnStartup(1);
  }

  /** Deploys at {@code context} and serves on a free port; the base URI ends in {@code basePath}. */
  private static ScimServer deploy(DeploymentInfo deployment, String context, String basePath) {
    deployment
        .setClassLoader(ResteasyRuntime.class.getClassLoader())
        .setContextPath(context)
        .setDeploymentName("scim-" + DEPLOYMENTS.incrementAndGet());
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
            .setHandler(Handlers.path().addPrefixPath(context, handler))
            .build();
    undertow.start();
    int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    URI base = URI.create("http://127.0.0.1:" + port + basePath);
    return ScimServer.of(
        base,
        () -> {
          undertow.stop();
          try {
            manager.stop();
          } catch (ServletException e) {
            // stopping a test server: nothing left to do
          }
          manager.undeploy();
        });
  }
}
