package dev.scimkit.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

  @Test
  void noArguments_areTheDocumentedDefaults() throws Exception {
    ServerOptions o = ServerOptions.parse();
    assertThat(o.command()).isEqualTo(ServerOptions.Command.SERVE);
    assertThat(o.host()).isEqualTo("127.0.0.1");
    assertThat(o.port()).isEqualTo(8080);
    assertThat(o.basePath()).isEqualTo("/scim/v2");
    assertThat(o.store()).isEqualTo("h2:./scimkit-data");
    assertThat(o.token()).isNull();
    assertThat(o.tenantTokens()).isEmpty();
  }

  @Test
  void noArguments_giveTheDocumentedConnectionLimits() throws Exception {
    ServerOptions.Limits limits = ServerOptions.parse().limits();

    assertThat(limits.maxConnections()).isEqualTo(10_000);
    assertThat(limits.headTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(limits.bodyTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(limits.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(ServerOptions.USAGE)
        .contains("--max-connections N      connections open at once (default 10000")
        .contains("(default 10s)").contains("(default 30s)").contains("(default 60s)");
  }

  @Test
  void connectionLimits_inEveryUnit() throws Exception {
    ServerOptions.Limits limits = ServerOptions.parse(
        "--max-connections", "500", "--head-timeout", "1500ms", "--body-timeout=45s", "--idle-timeout", "2m").limits();

    assertThat(limits).isEqualTo(
        new ServerOptions.Limits(500, Duration.ofMillis(1500), Duration.ofSeconds(45), Duration.ofMinutes(2), 0));
  }

  @Test
  void workerThreads_twoPerCoreOnStoresInTheProcess_eightOnPostgres_unlessGiven() throws Exception {
    int cores = Math.max(2, Runtime.getRuntime().availableProcessors());

    assertThat(ServerOptions.parse("--store", "memory").workerThreads()).isEqualTo(2 * cores);
    assertThat(ServerOptions.parse("--store", "h2:./x").workerThreads()).isEqualTo(2 * cores);
    assertThat(ServerOptions.parse().workerThreads()).as("H2 by default").isEqualTo(2 * cores);
    assertThat(ServerOptions.parse("--store", "jdbc:postgresql://db/scim").workerThreads()).isEqualTo(8 * cores);
    assertThat(ServerOptions.parse("--store", "memory", "--worker-threads", "7").workerThreads()).isEqualTo(7);
    for (String bad : new String[] {"0", "-2", "x", "4097"}) {
      assertThatThrownBy(() -> ServerOptions.parse("--worker-threads", bad)).hasMessageContaining("--worker-threads");
    }
  }

  @Test
  void malformedConnectionLimits_areUsageErrors() {
    for (String bad : new String[] {"0", "-1", "many", "99999999999"}) {
      assertThatThrownBy(() -> ServerOptions.parse("--max-connections", bad)).hasMessageContaining("--max-connections");
    }
    for (String bad : new String[] {"10", "0s", "1h", "-5s", "s", "2 s", "2000000m", "9999999999ms"}) {
      assertThatThrownBy(() -> ServerOptions.parse("--body-timeout", bad))
          .hasMessage("--body-timeout must be a time such as 500ms, 10s or 2m, got '" + bad + "'");
    }
  }

  @Test
  void maxConnections_leaveRoomForTheOtherDescriptors() {
    assertThat(HttpListener.maxConnections(10_000, 1_048_576)).isEqualTo(10_000);
    assertThat(HttpListener.maxConnections(10_000, 4_096)).isEqualTo(4_096 - HttpListener.RESERVED_DESCRIPTORS);
    assertThat(HttpListener.maxConnections(10_000, 100)).isEqualTo(1);
    assertThat(HttpListener.maxConnections(10_000, -1)).as("limit unknown").isEqualTo(10_000);
  }

  @Test
  void everyOption_inBothSpellings() throws Exception {
    ServerOptions o = ServerOptions.parse(
        "--host", "0.0.0.0", "--port=9090", "--base-path", "v1.0/scim-2/", "--store", "jdbc:postgresql://db/scim",
        "--db-user", "scim", "--db-password=pw", "--token", "t0ken-of-the-default-tenant-0123456789",
        "--tenant", "acme=acme-token-0123456789-0123456789", "--tenant=globex=globex-token-0123456789-01234");
    assertThat(o.host()).isEqualTo("0.0.0.0");
    assertThat(o.port()).isEqualTo(9090);
    assertThat(o.basePath()).isEqualTo("/v1.0/scim-2");
    assertThat(o.store()).isEqualTo("jdbc:postgresql://db/scim");
    assertThat(o.dbUser()).isEqualTo("scim");
    assertThat(o.dbPassword()).isEqualTo("pw");
    assertThat(o.token()).isEqualTo("t0ken-of-the-default-tenant-0123456789");
    assertThat(o.tenantTokens()).isEqualTo(Map.of(
        "acme", "acme-token-0123456789-0123456789", "globex", "globex-token-0123456789-01234"));
  }

  @Test
  void tokenSubcommands_needATenant() throws Exception {
    ServerOptions create = ServerOptions.parse("token", "create", "--tenant", "acme", "--store", "h2:/tmp/x");
    assertThat(create.command()).isEqualTo(ServerOptions.Command.TOKEN_CREATE);
    assertThat(create.tenant()).isEqualTo("acme");
    assertThat(ServerOptions.parse("token", "list", "--tenant", "acme").command()).isEqualTo(ServerOptions.Command.TOKEN_LIST);
    ServerOptions revoke = ServerOptions.parse("token", "revoke", "--tenant", "acme", "--id", "tok_1");
    assertThat(revoke.tokenId()).isEqualTo("tok_1");
    assertThatThrownBy(() -> ServerOptions.parse("token", "create")).hasMessageContaining("--tenant");
    assertThatThrownBy(() -> ServerOptions.parse("token", "revoke", "--tenant", "acme")).hasMessageContaining("--id");
    assertThatThrownBy(() -> ServerOptions.parse("token", "rotate", "--tenant", "acme")).hasMessageContaining("rotate");
  }

  @Test
  void malformedOptions_areUsageErrors() {
    assertThatThrownBy(() -> ServerOptions.parse("--port", "eighty")).hasMessageContaining("--port");
    assertThatThrownBy(() -> ServerOptions.parse("--port", "70000")).hasMessageContaining("--port");
    assertThatThrownBy(() -> ServerOptions.parse("--port")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> ServerOptions.parse("--store", "mysql://x")).hasMessageContaining("--store");
    assertThatThrownBy(() -> ServerOptions.parse("--tenant", "acme")).hasMessageContaining("NAME=TOKEN");
    assertThatThrownBy(() -> ServerOptions.parse("--verbose")).hasMessageContaining("unknown option --verbose");
    assertThatThrownBy(() -> ServerOptions.parse("serve")).hasMessageContaining("unexpected argument");
  }

  @Test
  void malformedOption_printsOneLineAndTheUsage_andExitsWith2() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = StandaloneServer.run(new String[] {"--port", "x"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(text.lines().findFirst()).hasValue("error: --port must be a number from 0 to 65535, got 'x'");
    assertThat(text).contains("Usage: java -jar scimkit-server.jar");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void help_printsTheUsage_andExitsWith0() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = StandaloneServer.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--store STORE").contains("token create");
  }
}
