package dev.scimkit.jaxrs.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.ScimEngine;
import dev.scimkit.jaxrs.ScimApplication;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.http.HostApplication;
import dev.scimkit.jaxrs.http.ScimServer;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A plain Jersey host that adds Scimkit does nothing to keep Jersey quiet, and Jersey says nothing
 * about optional parts Scimkit does not use: no "JAX-B API not found. WADL feature is disabled."
 * and no "jakarta.activation.DataSource ... was not found". Each start runs in a JVM of its own,
 * because Jersey warns about a missing class only once per JVM.
 */
class QuietStartTest {

  @Test
  void scimkitsOwnApplication_startsWithoutJerseyWarnings() throws Exception {
    assertThat(warningsOf("own")).isEmpty();
  }

  @Test
  void scimkitInAHostsApplication_startsWithoutJerseyWarnings() throws Exception {
    assertThat(warningsOf("host")).isEmpty();
  }

  @Test
  void aHostWithoutScimkit_getsTheWadlWarning_soTheCheckSeesIt() throws Exception {
    // this class path has the JAXB API (through the test framework) but no implementation, and
    // Jakarta Activation; the examples module checks the DataSource warning where it is absent
    assertThat(warningsOf("plain")).anyMatch(w -> w.contains("WADL feature is disabled"));
  }

  /** The warnings Jersey logs while a server of this kind starts and stops in a new JVM. */
  private static List<String> warningsOf(String kind) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.util.logging.config.file=none",
                QuietStartTest.class.getName(),
                kind)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    List<String> warnings = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("WARNING ")) {
        warnings.add(line);
      }
    }
    return warnings;
  }

  /** Starts and stops one server of the kind {@code args[0]}, printing Jersey's warnings. */
  public static void main(String[] args) {
    LogManager.getLogManager().reset();
    List<String> warnings = new ArrayList<>();
    Logger jersey = Logger.getLogger("org.glassfish.jersey");
    jersey.setLevel(Level.ALL);
    jersey.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(r.getLoggerName() + ": " + r.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
    ScimHttpConfig config = ScimHttpConfig.builder(ScimEngine.builder().build()).build();
    Application app =
        switch (args[0]) {
          case "own" -> new ScimApplication(config);
          case "host" -> new HostApplication(config);
          default -> new Application() {
            @Override
            public Set<Class<?>> getClasses() {
              return Set.of(HostApplication.HostResource.class);
            }
          };
        };
    try (ScimServer server = JerseyRuntime.INSTANCE.serve(app, "/api")) {
      System.out.println("started at " + server.baseUri());
    }
    warnings.forEach(w -> System.out.println("WARNING " + w));
  }
}
