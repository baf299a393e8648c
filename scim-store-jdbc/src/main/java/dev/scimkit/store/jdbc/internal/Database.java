package dev.scimkit.store.jdbc.internal;

import dev.scimkit.core.ScimException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The store's access to the host's {@link DataSource}: every unit of work runs in one
 * transaction on one connection, is retried on deadlocks and serialization failures, and fails
 * with a {@link ScimException} (503 while the database is unreachable). Nothing is cached between
 * calls, so service resumes by itself when the database comes back.
 */
public final class Database {
  private static final int ATTEMPTS = 4;

  /** Work done on a connection inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** A unique constraint was violated; the transaction has been rolled back. */
  public static final class UniqueViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UniqueViolation(SQLException cause) {
      super(cause);
    }
  }

  private final DataSource dataSource;
  private final Dialect dialect;

  private Database(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /**
   * Connects once to find out which database this is.
   *
   * @throws ScimException 503 if it cannot be reached
   * @throws IllegalStateException if it is neither PostgreSQL 14+ nor H2 2.x
   */
  public static Database open(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      String product = meta.getDatabaseProductName();
      int major = meta.getDatabaseMajorVersion();
      Dialect dialect;
      if (product.toLowerCase(java.util.Locale.ROOT).contains("postgresql")) {
        if (major < 14) {
          throw new IllegalStateException("Scimkit's JDBC store needs PostgreSQL 14 or later, not " + major);
        }
        dialect = Dialect.POSTGRESQL;
      } else if (product.equalsIgnoreCase("H2")) {
        if (major < 2) {
          throw new IllegalStateException("Scimkit's JDBC store needs H2 2.x, not " + meta.getDatabaseProductVersion());
        }
        dialect = Dialect.H2;
      } else {
        throw new IllegalStateException(
            "Scimkit's JDBC store supports PostgreSQL and H2, not " + product);
      }
      return new Database(dataSource, dialect);
    } catch (SQLException e) {
      throw SqlErrors.unavailable(e);
    }
  }

  /** Epoch nanoseconds, the store's form of an instant. */
  public static long nanos(java.time.Instant instant) {
    return Instants.toNanos(instant);
  }

  /** The instant of epoch nanoseconds. */
  public static java.time.Instant instant(long nanos) {
    return Instants.fromNanos(nanos);
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * Runs {@code work} in a transaction and commits it.
   *
   * @param what what the work does, for the 500 detail ("create the resource")
   * @throws UniqueViolation if a unique constraint was violated (rolled back)
   * @throws ScimException for every other failure
   */
  public <T> T transaction(String what, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      Connection c;
      try {
        c = dataSource.getConnection();
      } catch (SQLException e) {
        throw SqlErrors.unavailable(e);
      } catch (RuntimeException e) {
        // Some pools report a closed or unreachable database with an unchecked exception.
        throw SqlErrors.unavailable(e);
      }
      try {
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
          c.setAutoCommit(false);
        }
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          rollback(c);
          throw e;
        } finally {
          if (autoCommit) {
            restoreAutoCommit(c);
          }
        }
      } catch (SQLException e) {
        if (SqlErrors.isUniqueViolation(e)) {
          throw new UniqueViolation(e);
        }
        if (attempt < ATTEMPTS && SqlErrors.isRetryable(e) && !SqlErrors.isUnavailable(e)) {
          pause(attempt);
          continue;
        }
        throw SqlErrors.map(e, what);
      } finally {
        close(c);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(5L * attempt + (long) (Math.random() * 10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is probably gone; the pool discards it
    }
  }

  private static void restoreAutoCommit(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // as above
    }
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // as above
    }
  }
}
