package dev.scimkit.store.jdbc.internal;

import dev.scimkit.core.ScimException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The store's access to the host's {@link DataSource}.
 *
 * <p>A {@linkplain #unit unit of work} holds one connection for a whole engine request: every
 * {@link #transaction} called on the same thread while it is open runs on that connection and in
 * its transaction, and the unit commits once at the end (or, read-only, runs in auto-commit). A
 * {@code transaction} called outside a unit is a unit of its own. Deadlocks and serialization
 * failures roll the whole unit back and run it again; every other failure is a {@link
 * ScimException} (503 while the database is unreachable). Nothing is cached between calls, so
 * service resumes by itself when the database comes back.
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

  /**
   * A deadlock or serialization failure inside a unit: the unit has been rolled back and runs
   * again from the start. Never seen outside {@link #unit}.
   */
  private static final class RetryUnit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RetryUnit(SQLException cause) {
      super(null, cause, false, false);
    }
  }

  /** The unit open on a thread: its connection, and whether it must not commit. */
  private static final class Unit {
    final Connection connection;
    final boolean writes;
    final java.util.Set<String> locked = new java.util.HashSet<>();
    java.util.Map<String, Object> fetchedAhead;
    boolean rollbackOnly;

    Unit(Connection connection, boolean writes) {
      this.connection = connection;
      this.writes = writes;
    }
  }

  private final DataSource dataSource;
  private final Dialect dialect;
  private final ThreadLocal<Unit> open = new ThreadLocal<>();

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

  /** Whether a unit that only reads is open on this thread. */
  public boolean inReadUnit() {
    Unit u = open.get();
    return u != null && !u.writes;
  }

  /**
   * Keeps {@code value}, read ahead by a statement of the open reading unit for a later call of
   * the same unit (a user's groups, read with the user), under {@code key}. Does nothing outside
   * a reading unit: what a writing unit reads must be read when it is needed.
   */
  public void keepFetchedAhead(String key, Object value) {
    Unit u = open.get();
    if (u != null && !u.writes) {
      if (u.fetchedAhead == null) {
        u.fetchedAhead = new java.util.HashMap<>();
      }
      u.fetchedAhead.put(key, value);
    }
  }

  /**
   * Takes what {@link #keepFetchedAhead} kept under {@code key} in the open reading unit, or
   * {@code null}. A reading unit changes nothing, so what it read ahead is still what it would
   * read now.
   */
  public Object takeFetchedAhead(String key) {
    Unit u = open.get();
    return u == null || u.fetchedAhead == null ? null : u.fetchedAhead.remove(key);
  }

  /** Whether a unit that may write is open on this thread: reads in it should lock. */
  public boolean inWriteUnit() {
    Unit u = open.get();
    return u != null && u.writes;
  }

  /**
   * Notes that the open writing unit holds the lock of a resource's row (a locking read found it),
   * so that later calls in the unit need not lock it again.
   */
  public void noteLocked(String resourceType, String id) {
    Unit u = open.get();
    if (u != null && u.writes) {
      u.locked.add(resourceType + '\u0000' + id);
    }
  }

  /** Whether the open writing unit holds the lock of this resource's row. */
  public boolean holdsLock(String resourceType, String id) {
    Unit u = open.get();
    return u != null && u.writes && u.locked.contains(resourceType + '\u0000' + id);
  }

  /**
   * Runs {@code work} as one unit of work on one connection. A unit already open on this thread
   * is joined. A writing unit commits when {@code work} returns and rolls back when it throws; it
   * is run again (up to {@value #ATTEMPTS} times in all) after a deadlock or serialization
   * failure, so {@code work} must be repeatable.
   *
   * @throws ScimException 503 if the database cannot be reached or the unit keeps failing on
   *     conflicts; whatever {@code work} throws, unchanged
   * @throws IllegalStateException if {@code work} returned normally although a statement in it
   *     failed (it caught the failure): nothing is committed then
   */
  public <T> T unit(boolean writes, Supplier<T> work) {
    Unit joined = open.get();
    if (joined != null) {
      if (writes && !joined.writes) {
        throw new IllegalStateException("a read-only unit of work cannot write");
      }
      return work.get();
    }
    for (int attempt = 1; ; attempt++) {
      Connection c = connect();
      Unit unit = new Unit(c, writes);
      boolean switched = false;
      open.set(unit);
      try {
        // a writing unit is one transaction; a reading one runs each statement on its own
        if (c.getAutoCommit() == writes) {
          c.setAutoCommit(!writes);
          switched = true;
        }
        T result = work.get();
        if (unit.rollbackOnly) {
          rollback(c);
          throw new IllegalStateException(
              "a statement of the unit of work failed and the work went on: nothing was committed");
        }
        if (writes) {
          c.commit();
        }
        return result;
      } catch (RetryUnit e) {
        rollback(c);
        if (attempt >= ATTEMPTS) {
          throw SqlErrors.map((SQLException) e.getCause(), "finish the request");
        }
        pause(attempt);
      } catch (SQLException e) {
        rollback(c);
        if (attempt < ATTEMPTS && SqlErrors.isRetryable(e) && !SqlErrors.isUnavailable(e)) {
          pause(attempt);
          continue;
        }
        throw SqlErrors.map(e, "finish the request");
      } catch (RuntimeException | Error e) {
        if (writes) {
          rollback(c);
        }
        throw e;
      } finally {
        open.remove();
        if (switched) {
          restoreAutoCommit(c, writes);
        }
        close(c);
      }
    }
  }

  /**
   * Runs {@code work} on a connection: in the unit open on this thread if there is one, else in
   * a transaction of its own that commits when it returns.
   *
   * @param what what the work does, for the 500 detail ("create the resource")
   * @throws UniqueViolation if a unique constraint was violated (rolled back: inside a unit, the
   *     whole unit, which can then no longer commit)
   * @throws ScimException for every other failure
   */
  public <T> T transaction(String what, Work<T> work) {
    Unit unit = open.get();
    if (unit != null) {
      return inUnit(unit, what, work);
    }
    return unit(true, () -> inUnit(open.get(), what, work));
  }

  /**
   * Runs {@code work} so that its statements commit together, even in a unit that only reads:
   * in a writing unit it joins the unit (as {@link #transaction}); in a reading unit, whose
   * connection runs in auto-commit, it runs as a short transaction of its own on that connection
   * and commits before returning; outside a unit, as a transaction of its own. For the writes a
   * read may have to make (the store's row of a user the host inserted).
   *
   * @throws UniqueViolation if a unique constraint was violated (rolled back)
   * @throws ScimException for every other failure
   */
  public <T> T atomically(String what, Work<T> work) {
    Unit unit = open.get();
    if (unit == null || unit.writes) {
      return transaction(what, work);
    }
    Connection c = unit.connection;
    try {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(c);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw new UniqueViolation(e);
      }
      if (SqlErrors.isRetryable(e) && !SqlErrors.isUnavailable(e)) {
        throw new RetryUnit(e); // the reading unit runs again
      }
      throw SqlErrors.map(e, what);
    }
  }

  private <T> T inUnit(Unit unit, String what, Work<T> work) {
    try {
      return work.run(unit.connection);
    } catch (SQLException e) {
      // The database may have aborted the transaction (PostgreSQL does on any error): roll it
      // back now, so that the caller may still read on this connection to explain the failure.
      unit.rollbackOnly = true;
      rollback(unit.connection);
      if (SqlErrors.isUniqueViolation(e)) {
        throw new UniqueViolation(e);
      }
      if (SqlErrors.isRetryable(e) && !SqlErrors.isUnavailable(e)) {
        throw new RetryUnit(e);
      }
      throw SqlErrors.map(e, what);
    }
  }

  private Connection connect() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw SqlErrors.unavailable(e);
    } catch (RuntimeException e) {
      // Some pools report a closed or unreachable database with an unchecked exception.
      throw SqlErrors.unavailable(e);
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

  private static void restoreAutoCommit(Connection c, boolean autoCommit) {
    try {
      c.setAutoCommit(autoCommit);
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
