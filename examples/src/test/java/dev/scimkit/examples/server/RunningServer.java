package dev.scimkit.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.examples.ScimClient;
import dev.scimkit.examples.ServerJar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A started standalone server ({@link ServerJar}) as production runs it, which a test can stop
 * with SIGTERM or kill with {@code kill -9}. Needs the jar of the {@code package} phase, so only
 * integration tests (run by failsafe) use it.
 */
final class RunningServer implements AutoCloseable {
  private final Process process;
  private final Path stderr;
  private final URI baseUri;

  private RunningServer(Process process, Path stderr, URI baseUri) {
    this.process = process;
    this.stderr = stderr;
    this.baseUri = baseUri;
  }

  /**
   * Starts the server in {@code workDir} with {@code options} (a free {@code --port} is added)
   * and waits until it listens.
   */
  static RunningServer start(Path workDir, String... options) throws IOException, InterruptedException {
    assertThat(ServerJar.JAR).as("built by the package phase of this very build").exists();
    int port = ServerJar.freePort();
    List<String> argv = new ArrayList<>(
        List.of("java", "-jar", ServerJar.JAR.toString(), "--port", Integer.toString(port)));
    argv.addAll(List.of(options));
    Path stderr = Files.createTempFile(workDir, "server-", ".stderr");
    Process p = new ProcessBuilder(argv)
        .directory(workDir.toFile())
        .redirectError(stderr.toFile())
        .start();
    CompletableFuture<String> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.startsWith("Scimkit SCIM server listening at ")) {
            listening.complete(line.substring("Scimkit SCIM server listening at ".length()).trim());
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      listening.completeExceptionally(new IllegalStateException("the server ended before it listened"));
    }, "server-stdout-" + port);
    reader.setDaemon(true);
    reader.start();
    String base;
    try {
      base = listening.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IllegalStateException("the server did not start; its stderr:\n" + Files.readString(stderr), e);
    }
    return new RunningServer(p, stderr, URI.create(base));
  }

  URI baseUri() {
    return baseUri;
  }

  ScimClient client(String token) {
    return ScimClient.at(baseUri).withBearer(token);
  }

  /** {@code kill -9}: the process ends at once, with no shutdown of any kind. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
  }

  /** SIGTERM; returns once the process has ended, with its exit status. */
  int terminate() throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops within its grace period").isTrue();
    return process.exitValue();
  }

  String stderr() throws IOException {
    return Files.readString(stderr);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
