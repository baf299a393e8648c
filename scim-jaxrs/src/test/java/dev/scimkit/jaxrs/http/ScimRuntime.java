package dev.scimkit.jaxrs.http;

import dev.scimkit.jaxrs.ScimHttpConfig;
import jakarta.ws.rs.core.Application;

/** A JAX-RS runtime that the shared suites run on: it serves a configuration over real HTTP. */
public interface ScimRuntime {

  /**
   * Starts a server on a free port of 127.0.0.1 serving {@code config} the way this run mounts
   * Scimkit ({@link TestMount#current()}): as a {@link dev.scimkit.jaxrs.ScimApplication} under
   * the runtime's own non-trivial path, or under a sub-path of a {@link HostApplication}.
   */
  default ScimServer start(ScimHttpConfig config) {
    return TestMount.current() == TestMount.HOST_SUB_PATH
        ? TestMount.inHostApplication(this, config)
        : startOwnApplication(config);
  }

  /** Serves {@code config} as a {@link dev.scimkit.jaxrs.ScimApplication} of its own. */
  ScimServer startOwnApplication(ScimHttpConfig config);

  /** Serves {@code application} under {@code path} (such as {@code /api}) on a free port. */
  ScimServer serve(Application application, String path);
}
