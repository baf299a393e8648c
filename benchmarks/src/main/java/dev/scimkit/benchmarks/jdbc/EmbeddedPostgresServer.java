package dev.scimkit.benchmarks.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.concurrent.CountDownLatch;

/**
 * An embedded PostgreSQL (from a Maven artifact, as the JDBC store's tests use) for the wrk
 * benchmark's {@code scimkit-pg} server, with {@code fsync} and synchronous commit on. Prints its
 * JDBC URL (user {@code postgres}, no password) and runs until the process is stopped.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.scimkit.benchmarks.jdbc.EmbeddedPostgresServer
 * </pre>
 */
public final class EmbeddedPostgresServer {
  private EmbeddedPostgresServer() {}

  public static void main(String[] args) throws Exception {
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("max_connections", "100")
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        pg.close();
      } catch (Exception e) {
        // stopping anyway
      }
    }));
    System.out.println("PostgreSQL at " + pg.getJdbcUrl("postgres", "postgres"));
    new CountDownLatch(1).await();
  }
}
