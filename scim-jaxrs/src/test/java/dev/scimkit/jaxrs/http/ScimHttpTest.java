package dev.scimkit.jaxrs.http;

import dev.scimkit.core.ScimEngine;
import dev.scimkit.jaxrs.ScimHttpConfig;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of every HTTP test class: one server per class, started on the runtime the concrete
 * class names, with an engine and configuration the class may adjust.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ScimHttpTest {
  private static final AtomicInteger NAMES = new AtomicInteger();

  protected ScimEngine engine;
  protected ScimServer server;
  protected ScimHttp http;

  /** The runtime to serve on. */
  protected abstract ScimRuntime runtime();

  /** Adjusts the engine of this class; by default, the defaults. */
  protected ScimEngine.Builder engine(ScimEngine.Builder builder) {
    return builder;
  }

  /** Adjusts the HTTP configuration of this class; by default, the defaults. */
  protected ScimHttpConfig.Builder config(ScimHttpConfig.Builder builder) {
    return builder;
  }

  /**
   * The client {@link #http} of this class, made from a plain one; by default the plain one. A
   * class whose server authenticates returns {@code plain.withBearer(token)}.
   */
  protected ScimHttp client(ScimHttp plain) {
    return plain;
  }

  @BeforeAll
  void startServer() {
    engine = engine(ScimEngine.builder()).build();
    server = runtime().start(config(ScimHttpConfig.builder(engine)).build());
    http = client(ScimHttp.of(server.baseUri()));
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  /** A name no other test of this JVM uses: {@code prefix-<n>}. */
  protected static String unique(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }
}
