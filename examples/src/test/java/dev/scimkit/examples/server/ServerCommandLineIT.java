package dev.scimkit.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.examples.ServerJar;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real {@code scimkit-server.jar} prints, as a user sees it: one log format and no
 * spurious warning when it serves, only their own output from token commands, a hint at restart,
 * and errors that say what to do.
 */
class ServerCommandLineIT {
  /** slf4j-simple's line, as configured in the jar: time, [thread], level, logger - message. */
  private static final Pattern LOG_LINE =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S* \\[[^\\]]+\\] (INFO|WARN|ERROR) \\S+ - .*");

  @TempDir Path work;

  @Test
  @Timeout(120)
  void serving_logsEveryLineInOneFormat_withoutWarnings() throws Exception {
    Process server = ServerJar.start(work, "--port", "0");
    String token;
    try {
      ServerJar.Lines out = new ServerJar.Lines(server);
      URI base = URI.create(out.await("Scimkit SCIM server listening at ").replaceFirst(".* at ", ""));
      out.await("Generated a bearer token");
      token = out.next().trim();
      HttpResponse<String> created =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/Users"))
                      .header("Authorization", "Bearer " + token)
                      .header("Content-Type", "application/scim+json")
                      .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"bjensen\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(201);
    } finally {
      server.destroy();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    List<String> log = Files.readAllLines(work.resolve("stderr.txt")).stream().filter(l -> !l.isBlank()).toList();

    assertThat(log).as("the audit line of the create: logging is on").anyMatch(l -> l.contains("dev.scimkit.audit"));
    assertThat(log).allMatch(l -> LOG_LINE.matcher(l).matches(), "in slf4j-simple's format");
    assertThat(log).noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR "));
    assertThat(String.join("\n", log)).doesNotContain("DataSource").doesNotContain("WADL").doesNotContain(token);
  }

  @Test
  @Timeout(120)
  void restart_withTheTokenAlreadyInTheStore_saysHowToCreateANewOne() throws Exception {
    Process first = ServerJar.start(work, "--port", "0");
    try {
      new ServerJar.Lines(first).await("Generated a bearer token for tenant 'default'");
    } finally {
      first.destroy();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    Process second = ServerJar.start(work, "--port", "0");
    String hint;
    try {
      ServerJar.Lines out = new ServerJar.Lines(second);
      out.await("Scimkit SCIM server listening at ");
      hint = out.next();
    } finally {
      second.destroy();
      assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    String command = "java -jar scimkit-server.jar token create --tenant default";
    assertThat(hint).startsWith("Tenant 'default' already has a token").endsWith(command);
    ServerJar.Result created = ServerJar.run(work, command.substring("java -jar scimkit-server.jar ".length()).split(" "));
    assertThat(created.status()).isZero();
    assertThat(created.out()).contains("for tenant 'default'").containsPattern("scimkit_[A-Za-z0-9_-]{43}");
  }

  @Test
  @Timeout(120)
  void tokenCommands_printOnlyTheirOwnOutput() throws Exception {
    ServerJar.Result created = ServerJar.run(work, "token", "create", "--tenant", "acme", "--description", "Entra");
    ServerJar.Result listed = ServerJar.run(work, "token", "list", "--tenant", "acme");

    assertThat(created.status()).isZero();
    assertThat(created.out().lines().toList()).hasSize(2);
    assertThat(created.out().lines().toList().get(0)).startsWith("Token tok_").endsWith("for tenant 'acme' (shown once, only its hash is kept):");
    assertThat(created.err()).isEmpty();
    assertThat(listed.status()).isZero();
    assertThat(listed.out().lines().toList()).singleElement().asString().startsWith("tok_").contains("active").endsWith("Entra");
    assertThat(listed.err()).isEmpty();
  }

  @Test
  @Timeout(60)
  void tokenList_ofATenantWithoutTokens_saysSo_andSucceeds() throws Exception {
    ServerJar.Result r = ServerJar.run(work, "token", "list", "--tenant", "nosuch");

    assertThat(r.status()).as("an empty list is an answer, not a failure").isZero();
    assertThat(r.out()).as("stdout stays a list of tokens").isEmpty();
    assertThat(r.err().trim())
        .isEqualTo("Tenant 'nosuch' has no tokens. Create one with: java -jar scimkit-server.jar token create --tenant nosuch");
  }

  @Test
  @Timeout(60)
  void aTenantName_outsideTheRuleOfTenantNames_isAUsageError() throws Exception {
    String expected =
        "error: --tenant: not a tenant name: 'bad tenant!' (tenant names are 1 to 64 of A-Z a-z 0-9 . _ - (not "
            + "starting with a dot))";
    ServerJar.Result create = ServerJar.run(work, "token", "create", "--tenant", "bad tenant!");
    ServerJar.Result serve = ServerJar.run(work, "--store", "memory", "--tenant", "bad tenant!=" + "t".repeat(40));

    assertThat(create.status()).isEqualTo(2);
    assertThat(create.err().lines().findFirst()).hasValue(expected);
    assertThat(create.out()).isEmpty();
    assertThat(serve.status()).isEqualTo(2);
    assertThat(serve.err().lines().findFirst()).hasValue(expected);
  }

  @Test
  @Timeout(60)
  void aPortInUse_isNamed_withTheOptionThatChangesIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      ServerJar.Result r = ServerJar.run(work, "--port", Integer.toString(port), "--store", "memory");

      assertThat(r.status()).isEqualTo(1);
      assertThat(r.err().lines().filter(l -> l.startsWith("error: ")).toList())
          .containsExactly("error: cannot listen on 127.0.0.1:" + port + " (Address already in use): another "
              + "process uses the port; choose another with --port PORT (0 picks a free one)");
    }
  }
}
