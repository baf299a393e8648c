package dev.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command of the README, so that it cannot rot: the server command (on a free port,
 * in a fresh folder), the curl examples against it, the token commands, and the test command
 * (which must be what {@code .ci/run} runs). Runs after {@code package}, against the real
 * {@code scimkit-server.jar}.
 */
class ReadmeIT {
  private static final Path ROOT = ServerJar.ROOT;
  private static final Path JAR = ServerJar.JAR;
  private static final String SERVER_COMMAND = "java -jar examples/target/scimkit-server.jar";

  @TempDir Path work;

  /** The lines of the README's {@code shell} code blocks. */
  static List<String> readmeCommands() throws IOException {
    List<String> commands = new ArrayList<>();
    boolean inShell = false;
    for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
      if (line.startsWith("```")) {
        inShell = !inShell && line.equals("```shell");
        continue;
      }
      if (inShell && !line.isBlank()) {
        commands.add(line.trim());
      }
    }
    return commands;
  }

  @Test
  @Timeout(180)
  void everyReadmeCommand_runs() throws Exception {
    List<String> commands = readmeCommands();
    assertThat(commands).as("commands in the README").hasSizeGreaterThanOrEqualTo(4);
    assertThat(JAR).as("built by the package phase of this very build").exists();

    String ci = Files.readString(ROOT.resolve(".ci/run"));
    int port = freePort();
    Process server = null;
    String token = null;
    try {
      for (String command : commands) {
        if (command.equals("mvn -B verify")) {
          assertThat(ci).as(".ci/run runs the README's test command").contains("exec mvn -B verify");
        } else if (command.equals("mvn -B -q -DskipTests package && " + SERVER_COMMAND)) {
          long started = System.nanoTime();
          server = start(SERVER_COMMAND + " --port " + port);
          ServerJar.Lines out = new ServerJar.Lines(server);
          out.await("Scimkit SCIM server listening at http://127.0.0.1:" + port + "/scim/v2");
          out.await("Generated a bearer token for tenant 'default'");
          token = out.next().trim();
          assertThat(token).startsWith("scimkit_");
          long firstAnswer = firstAnswerMillis(port, started);
          System.out.println("README server: first answer " + firstAnswer + " ms after start");
        } else if (command.startsWith("curl ")) {
          assertThat(server).as("the server runs before the curl examples").isNotNull();
          String output = bash(command.replace("127.0.0.1:8080", "127.0.0.1:" + port), token);
          assertThat(output).contains("bjensen@example.com");
          assertThat(output).doesNotContain("\"status\":\"4").doesNotContain("\"status\":\"5");
        } else if (command.startsWith(SERVER_COMMAND + " token ")) {
          String output = bash(command.replace(SERVER_COMMAND, "java -jar " + JAR), null);
          assertThat(output).contains("for tenant 'acme'").containsPattern("scimkit_[A-Za-z0-9_-]{43}");
        } else {
          fail("a README command that ReadmeIT does not run: " + command);
        }
      }
    } finally {
      if (server != null) {
        server.destroy(); // SIGTERM
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stops within its grace period").isTrue();
        String err = Files.readString(work.resolve("stderr.txt"));
        // a clean stop: the pool and the database would warn about anything left half-closed
        assertThat(err).doesNotContain(" WARN ").doesNotContain(" ERROR ").doesNotContain("Exception");
        if (token != null) {
          assertThat(err).doesNotContain(token);
        }
      }
    }
  }

  @Test
  @Timeout(60)
  void malformedOption_printsOneLineAndTheUsage_andExitsWith2() throws Exception {
    Process p = start(SERVER_COMMAND + " --port eighty");
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    List<String> err = Files.readAllLines(work.resolve("stderr.txt"));
    assertThat(err.get(0)).isEqualTo("error: --port must be a number from 0 to 65535, got 'eighty'");
    assertThat(err.get(1)).startsWith("Usage: java -jar scimkit-server.jar");
  }

  private Process start(String command) throws IOException {
    List<String> argv = new ArrayList<>(List.of(command.split(" ")));
    argv.set(argv.indexOf("examples/target/scimkit-server.jar"), JAR.toString());
    // stderr to a file: a pipe nobody reads would block the server once it fills
    return new ProcessBuilder(argv)
        .directory(work.toFile())
        .redirectError(work.resolve("stderr.txt").toFile())
        .start();
  }

  private String bash(String command, String token) throws Exception {
    ProcessBuilder b = new ProcessBuilder("bash", "-c", command).directory(work.toFile()).redirectErrorStream(true);
    if (token != null) {
      b.environment().put("TOKEN", token);
    }
    Process p = b.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(command + "\n" + output).isZero();
    return output;
  }

  private static long firstAnswerMillis(int port, long startedNanos) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/scim/v2/ServiceProviderConfig")).build();
    HttpResponse<String> r = http.send(probe, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
