package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The databases the tests run on: a fresh in-memory H2 database, or a fresh database on one
 * embedded PostgreSQL server shared by the whole test run (started on first use from the
 * {@code io.zonky.test} binaries, stopped when the JVM exits).
 */
final class TestDatabases {
  private TestDatabases() {}

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  /** A pooled DataSource on a new, empty in-memory H2 database. */
  static HikariDataSource h2() {
    return h2(10);
  }

  static HikariDataSource h2(int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:scim-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(poolSize);
    return new HikariDataSource(config);
  }

  /** The shared embedded PostgreSQL server. */
  static synchronized EmbeddedPostgres postgresServer() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "200")
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException ignored) {
          // exiting anyway
        }
      }));
    }
    return postgres;
  }

  /** A pooled DataSource on a new, empty database of the shared embedded PostgreSQL server. */
  static HikariDataSource postgres() {
    return postgres(10);
  }

  static HikariDataSource postgres(int poolSize) {
    String name = createDatabase();
    return pool(postgresServer().getJdbcUrl("postgres", name), poolSize);
  }

  /** Another pool on the same database as {@code existing} (a second application instance). */
  static HikariDataSource anotherPool(HikariDataSource existing, int poolSize) {
    return pool(existing.getJdbcUrl(), poolSize);
  }

  static String createDatabase() {
    String name = "scim_test_" + DATABASES.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
    DataSource admin = postgresServer().getPostgresDatabase();
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return name;
  }

  static HikariDataSource pool(String jdbcUrl, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername("postgres");
    config.setPassword("postgres");
    config.setMaximumPoolSize(poolSize);
    config.setConnectionTimeout(5_000);
    return new HikariDataSource(config);
  }
}
