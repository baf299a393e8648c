package dev.scimkit.benchmarks.scimple;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.apache.directory.scim.server.rest.ScimResourceHelper;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Apache SCIMple 1.0.0-M1 as a server for side-by-side load tests with the standalone Scimkit
 * server: SCIMple's resources and providers ({@link ScimResourceHelper#scimpleFeatureAndResourceClasses})
 * on Jersey in Undertow's servlet container, as Scimkit runs, under {@code /scim/v2}, with Weld SE
 * as the CDI container SCIMple needs and {@link PeerUsers} and {@link PeerGroups} as its
 * repositories. No authentication: SCIMple leaves it to the host.
 *
 * <pre>
 * java -cp 'benchmarks/scimple-peer/target/scimple-peer.jar:benchmarks/scimple-peer/target/lib/*' \
 *     dev.scimkit.benchmarks.scimple.PeerServer [PORT]
 * </pre>
 */
public final class PeerServer {
  static final String BASE_PATH = "/scim/v2";

  private PeerServer() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18081;
    SeContainer cdi = SeContainerInitializer.newInstance().initialize();
    Application scimple = new Application() {
      @Override
      public Set<Class<?>> getClasses() {
        return ScimResourceHelper.scimpleFeatureAndResourceClasses();
      }
    };
    ResourceConfig app =
        ResourceConfig.forApplication(scimple).property("jersey.config.server.wadl.disableWadl", true);
    DeploymentInfo info =
        Servlets.deployment()
            .setClassLoader(PeerServer.class.getClassLoader())
            .setContextPath(BASE_PATH)
            .setDeploymentName("scimple")
            .addServlet(
                Servlets.servlet("scim", ServletContainer.class, new ImmediateInstanceFactory<>(new ServletContainer(app)))
                    .addMapping("/*")
                    .setLoadOnStartup(1));
    DeploymentManager deployment = Servlets.defaultContainer().addDeployment(info);
    deployment.deploy();
    Undertow http =
        Undertow.builder()
            .addHttpListener(port, "127.0.0.1")
            .setHandler(Handlers.path().addPrefixPath(BASE_PATH, deployment.start()))
            .build();
    http.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      http.stop();
      cdi.close();
    }));
    System.out.println("SCIMple peer listening at http://127.0.0.1:" + port + BASE_PATH);
  }
}
