package dev.scimkit.examples.springboot;

import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.ScimServer;
import jakarta.ws.rs.core.Application;
import java.net.URI;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Boot sample as a runtime of scim-jaxrs's HTTP suites: {@link BootHost} on a free port of
 * 127.0.0.1, wired exactly as in production (the starter's servlet at {@code scimkit.base-path},
 * its metrics filter included) except that the suite's own {@link ScimHttpConfig} (its engine,
 * authenticator and limits) takes the place of the auto-configured one, as an app's own bean
 * would.
 */
final class BootRuntime implements ScimRuntime {
  static final BootRuntime INSTANCE = new BootRuntime();

  @Override
  public ScimServer startOwnApplication(ScimHttpConfig config) {
    return start(config);
  }

  @Override
  public ScimServer start(ScimHttpConfig config) {
    return boot(
        new SpringApplicationBuilder(BootHost.class)
            .initializers(ctx -> ctx.getBeanFactory().registerSingleton("suiteScimHttpConfig", config)));
  }

  private static ScimServer boot(SpringApplicationBuilder builder) {
    ConfigurableApplicationContext context =
        builder.properties("server.address=127.0.0.1", "server.port=0", "spring.main.banner-mode=off").run();
    String port = context.getEnvironment().getProperty("local.server.port");
    URI base = URI.create("http://127.0.0.1:" + port + context.getEnvironment().getProperty("scimkit.base-path"));
    return ScimServer.of(base, context::close);
  }

  /** The sample mounts Scimkit's own application only. */
  @Override
  public ScimServer serve(Application application, String path) {
    throw new UnsupportedOperationException("the Boot sample mounts Scimkit's own application");
  }
}
