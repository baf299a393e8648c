package dev.scimkit.jaxrs;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.ScimEngine;
import jakarta.ws.rs.core.Application;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Scimkit as a JAX-RS application of its own. It has no {@code @ApplicationPath}: the host
 * chooses where to mount it (see the package documentation for Jersey, {@code SeBootstrap} and
 * servlet containers). Needs no CDI.
 *
 * <pre>{@code
 * Application app = new ScimApplication(ScimEngine.builder().build());
 * }</pre>
 */
public class ScimApplication extends Application {
  private final ScimHttpConfig config;

  /** Serves {@code engine} with the default HTTP configuration. */
  public ScimApplication(ScimEngine engine) {
    this(ScimHttpConfig.builder(requireNonNull(engine, "engine == null")).build());
  }

  /** Serves {@code config}. */
  public ScimApplication(ScimHttpConfig config) {
    this.config = requireNonNull(config, "config == null");
  }

  /** The configuration served. */
  public ScimHttpConfig config() {
    return config;
  }

  @Override
  public Set<Class<?>> getClasses() {
    return Scimkit.classes();
  }

  /**
   * {@link Scimkit#properties(ScimHttpConfig)}, and on Jersey no WADL whatever the class path:
   * an application of Scimkit's own serves SCIM and nothing else.
   */
  @Override
  public Map<String, Object> getProperties() {
    Map<String, Object> properties = new HashMap<>(Scimkit.properties(config));
    properties.put(Scimkit.JERSEY_DISABLE_WADL, Boolean.TRUE);
    return properties;
  }
}
