package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.ScimApplication;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.ScimServer;
import jakarta.ws.rs.core.Application;
import java.net.URI;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.DeploymentContext;
import org.glassfish.jersey.test.grizzly.GrizzlyTestContainerFactory;
import org.glassfish.jersey.test.spi.TestContainer;

/**
 * Jersey in the Jersey test framework's Grizzly container, on a free port of 127.0.0.1: Scimkit's
 * own application under Robin's tenant URL shape {@value #PATH}, or a host's application.
 */
public final class JerseyRuntime implements ScimRuntime {
  static final String PATH = "/v1.0/scim-2";
  public static final JerseyRuntime INSTANCE = new JerseyRuntime();

  @Override
  public ScimServer startOwnApplication(ScimHttpConfig config) {
    return start(ResourceConfig.forApplication(new ScimApplication(config)), PATH);
  }

  @Override
  public ScimServer serve(Application application, String path) {
    return start(application, path);
  }

  /**
   * Serves {@code application} under {@code path} in the Jersey test framework's Grizzly
   * container.
   */
  static ScimServer start(Application application, String path) {
    ResourceConfig rc =
        application instanceof ResourceConfig c ? c : ResourceConfig.forApplication(application);
    TestContainer container =
        new GrizzlyTestContainerFactory()
            .create(URI.create("http://127.0.0.1:0" + path + "/"), DeploymentContext.builder(rc).build());
    container.start(); // binds a free port and puts it into the base URI
    String started = container.getBaseUri().toString();
    URI base = URI.create(started.endsWith("/") ? started.substring(0, started.length() - 1) : started);
    return ScimServer.of(base, container::stop);
  }
}
