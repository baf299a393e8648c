package dev.scimkit.examples;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;

/** In-memory H2 databases of their own, for tests that need an empty one each time. */
public final class H2Memory {
  private H2Memory() {}

  /** The URL of a new in-memory database that lives until {@link #shutdown}. */
  public static String url(String name) {
    return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  /** Drops the database behind {@code pool} and closes the pool. */
  public static void shutdown(JdbcConnectionPool pool) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
    pool.dispose();
  }
}
