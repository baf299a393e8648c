package dev.scimkit.jaxrs.http;

import dev.scimkit.jaxrs.ScimHttpConfig;

/** A JAX-RS runtime that the shared suites run on: it serves a configuration over real HTTP. */
public interface ScimRuntime {

  /**
   * Starts a server on a free port of 127.0.0.1 serving {@code config} as a {@link
   * dev.scimkit.jaxrs.ScimApplication}, under the runtime's own non-trivial path.
   */
  ScimServer start(ScimHttpConfig config);
}
