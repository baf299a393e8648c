package dev.scimkit.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.examples.ScimClient;
import dev.scimkit.examples.ServerJar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server's lifecycle as an operator sees it: SIGTERM under write load on the
 * default H2 store, and command-line tokens across restarts.
 */
class ServerLifecycleIT {
  private static final String TOKEN_A = "lifecycle-token-A-0123456789abcdefghijkl";
  private static final String TOKEN_B = "lifecycle-token-B-0123456789abcdefghijkl";

  @TempDir Path work;

  /**
   * SIGTERM while eight writers provision: requests in flight complete with their normal status
   * (never a 500, never a 503 from a database closed under them), new ones get 503, the process
   * exits cleanly, and after a restart every write it acknowledged is there.
   */
  @Test
  @Timeout(300)
  void sigterm_underWriteLoadOnH2_letsRequestsInFlightFinish_andKeepsEveryAcknowledgedWrite() throws Exception {
    Path data = Files.createDirectories(work.resolve("data"));
    String[] options = {"--store", "h2:" + data, "--token", TOKEN_A};
    ProvisioningWriters writers;
    int exit;
    String stderr;
    try (RunningServer server = RunningServer.start(work, options)) {
      writers = new ProvisioningWriters(server.client(TOKEN_A), "sigterm");
      writers.start(8);
      writers.awaitAcknowledged(300, 60_000);
      exit = server.terminate();
      writers.join();
      stderr = server.stderr();
    }
    assertThat(writers.oddAnswers().keySet())
        .as("answers other than success, and 503 for requests that came after SIGTERM: %s%nserver log:%n%s",
            writers.oddAnswers(), stderr)
        .allMatch(k -> k.startsWith("503 "));
    writers.oddAnswers().forEach((k, body) -> assertThat(body).as(k).contains("\"status\":\"503\""));
    assertThat(stderr).as("the server's log").doesNotContain("Exception").doesNotContain("failed with");
    assertThat(exit).as("exit status after SIGTERM").isZero();
    try (RunningServer restarted = RunningServer.start(work, options)) {
      List<String> lost = writers.verify(restarted.client(TOKEN_A));
      System.out.println("SIGTERM on H2 under load: " + writers.acknowledged() + " acknowledged writes "
          + writers.acknowledgedByKind() + ", answers other than success: " + writers.oddAnswers().keySet()
          + ", " + lost.size() + " lost");
      assertThat(lost).isEmpty();
    }
  }

  /**
   * A token given on the command line is valid while the server is started with it: a restart
   * with another value retires the old one, without touching tokens made by {@code token
   * create}.
   */
  @Test
  @Timeout(180)
  void commandLineToken_restartedWithAnotherValue_retiresTheOldOne() throws Exception {
    Path data = Files.createDirectories(work.resolve("tokens"));
    String store = "h2:" + data;
    String created;
    try (RunningServer server = RunningServer.start(work, "--store", store, "--token", TOKEN_A)) {
      server.client(TOKEN_A).get("/Users").expect(200);
      created = tokenCreate(store);
      server.client(created).get("/Users").expect(200);
      server.terminate();
    }
    try (RunningServer server = RunningServer.start(work, "--store", store, "--token", TOKEN_B)) {
      ScimClient.Reply old = server.client(TOKEN_A).get("/Users");
      assertThat(old.status()).as("the token of the previous start").isEqualTo(401);
      assertThat(old.contentType()).startsWith("application/scim+json");
      server.client(TOKEN_B).get("/Users").expect(200);
      server.client(created).get("/Users").expect(200);
      server.terminate();
    }
    // and without --token at all, the last command-line token is not valid either
    try (RunningServer server = RunningServer.start(work, "--store", store)) {
      assertThat(server.client(TOKEN_B).get("/Users").status()).isEqualTo(401);
      server.client(created).get("/Users").expect(200);
      server.terminate();
    }
  }

  private String tokenCreate(String store) throws Exception {
    List<String> argv = new ArrayList<>(List.of(
        "java", "-jar", ServerJar.JAR.toString(), "token", "create", "--tenant", "default", "--store", store));
    Process p = new ProcessBuilder(argv).directory(work.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    Matcher m = Pattern.compile("scimkit_[A-Za-z0-9_-]{43}").matcher(output);
    assertThat(m.find()).as(output).isTrue();
    return m.group();
  }
}
