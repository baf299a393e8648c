package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.ScimApplication;
import dev.scimkit.jaxrs.ScimHttpConfig;

/**
 * What a servlet host names in the {@code jakarta.ws.rs.Application} init parameter: a one-line
 * subclass with a no-arg constructor. It takes the configuration {@link ResteasyRuntime} is
 * deploying (a host would build its engine here).
 */
public class ResteasyScimApplication extends ScimApplication {
  static volatile ScimHttpConfig next;

  public ResteasyScimApplication() {
    super(requireConfig());
  }

  private static ScimHttpConfig requireConfig() {
    ScimHttpConfig config = next;
    if (config == null) {
      throw new IllegalStateException("no configuration is being deployed");
    }
    return config;
  }
}
