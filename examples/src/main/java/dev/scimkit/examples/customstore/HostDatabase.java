package dev.scimkit.examples.customstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Stands for the database the host already has: an H2 database with the host's own five-column
 * {@code users} table, which its sign-up page and admin console keep writing as before. Nothing
 * in it is there for SCIM's sake; {@link UserTableStore} serves it as it is.
 */
public final class HostDatabase {
  private HostDatabase() {}

  /** The host's schema: what its own migrations created long before SCIM came along. */
  static final String USERS =
      """
      CREATE TABLE IF NOT EXISTS users (
        id         VARCHAR(64)  DEFAULT RANDOM_UUID() PRIMARY KEY,
        email      VARCHAR(320) NOT NULL,
        first_name VARCHAR(200),
        last_name  VARCHAR(200),
        active     BOOLEAN      NOT NULL DEFAULT TRUE
      )""";

  /**
   * Opens a pool on the H2 database at {@code jdbcUrl} ({@code jdbc:h2:mem:app;DB_CLOSE_DELAY=-1}
   * for one in memory) and creates {@code users} if it is missing.
   */
  public static JdbcConnectionPool open(String jdbcUrl) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, "sa", "");
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(USERS);
    } catch (SQLException e) {
      pool.dispose();
      throw new IllegalStateException("cannot create the host's tables in " + jdbcUrl, e);
    }
    return pool;
  }
}
