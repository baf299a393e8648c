package dev.scimkit.examples.handwritten;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The host's own transaction handling, the part every data-access library has (Spring's
 * {@code TransactionTemplate}, jOOQ's {@code transactionResult}, Jdbi's {@code inTransaction}):
 * a transaction bound to the thread, which every statement on that thread joins. {@link
 * HostStores} hands it Scimkit's units of work, so that a SCIM request's changes to the host's
 * table commit together or not at all.
 */
public final class HostTransactions {
  /** Statements run on a connection. */
  @FunctionalInterface
  public interface Statements<T> {
    T run(Connection c) throws SQLException;
  }

  private final DataSource db;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  public HostTransactions(DataSource db) {
    this.db = requireNonNull(db, "db == null");
  }

  /**
   * Runs {@code work} in a transaction: the one already open on this thread, or a new one that
   * commits when {@code work} returns and rolls back when it throws.
   */
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      current.set(c);
      try {
        T result = work.get();
        c.commit();
        return result;
      } catch (RuntimeException | Error e) {
        c.rollback();
        throw e;
      } finally {
        current.remove();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the host database failed", e);
    }
  }

  /** Whether a transaction is open on this thread. */
  public boolean inTransaction() {
    return current.get() != null;
  }

  /**
   * Runs {@code statements} on the transaction open on this thread, or else on a connection of
   * their own in auto-commit.
   */
  public <T> T on(Statements<T> statements) throws SQLException {
    Connection c = current.get();
    if (c != null) {
      return statements.run(c);
    }
    try (Connection own = db.getConnection()) {
      return statements.run(own);
    }
  }
}
