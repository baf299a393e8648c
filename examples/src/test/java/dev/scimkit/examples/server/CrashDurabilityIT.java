package dev.scimkit.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the standalone server under write load loses no acknowledged write and
 * leaves no change half-applied, on the default H2 store and on PostgreSQL: eight writers
 * provision users and groups (creates, PATCHes, groups created with members, member adds,
 * deletes), the server is killed at a random moment, restarted on the same database, and every
 * write it answered 2xx is checked, as is every group's member list against the users that exist.
 * Three runs per store in the build; {@code -Dscimkit.crash.runs=5} for more.
 */
class CrashDurabilityIT {
  static final String TOKEN = "crash-test-token-0123456789abcdefghijklmnop";
  private static final int RUNS = Integer.getInteger("scimkit.crash.runs", 3);
  private static final int WRITERS = 8;

  private static EmbeddedPostgres postgres;

  @TempDir Path work;

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Timeout(600)
  void killNine_underWriteLoad_onH2_losesNoAcknowledgedWrite() throws Exception {
    Path data = work.resolve("h2-data");
    Files.createDirectories(data);
    killAndCheck("H2", "--store", "h2:" + data);
  }

  @Test
  @Timeout(600)
  void killNine_underWriteLoad_onPostgres_losesNoAcknowledgedWrite() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE crash_test");
    }
    killAndCheck("PostgreSQL",
        "--store", postgres.getJdbcUrl("postgres", "crash_test"),
        "--db-user", "postgres", "--db-password", "postgres");
  }

  private void killAndCheck(String store, String... storeOptions) throws Exception {
    String[] options = concat(storeOptions, "--token", TOKEN);
    Random random = new Random();
    for (int run = 1; run <= RUNS; run++) {
      ProvisioningWriters writers;
      long killAfter = random.nextInt(1000);
      long started;
      try (RunningServer server = RunningServer.start(work, options)) {
        writers = new ProvisioningWriters(server.client(TOKEN), "run" + run);
        started = System.nanoTime();
        writers.start(WRITERS);
        // past the cold start, then at a random moment
        writers.awaitAcknowledged(400, 60_000);
        Thread.sleep(killAfter);
        server.kill9();
        writers.join();
      }
      long loadMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(writers.oddAnswers()).as("answers other than the expected success").isEmpty();
      assertThat(writers.acknowledged()).as("acknowledged writes before the kill").isGreaterThanOrEqualTo(400);
      try (RunningServer restarted = RunningServer.start(work, options)) {
        List<String> lost = writers.verify(restarted.client(TOKEN));
        System.out.println("kill -9 on " + store + ", run " + run + " of " + RUNS + ", " + loadMillis
            + " ms into the load: " + writers.acknowledged() + " acknowledged writes " + writers.acknowledgedByKind() + ", "
            + lost.size() + " lost or half-applied");
        assertThat(lost).as("acknowledged writes missing after kill -9 and restart").isEmpty();
        assertThat(restarted.terminate()).isIn(0, 143);
      }
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
