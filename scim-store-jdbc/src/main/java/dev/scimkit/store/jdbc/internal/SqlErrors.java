package dev.scimkit.store.jdbc.internal;

import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Classifies {@link SQLException}s by SQLState, so that clients get a SCIM status and never a
 * database message: the database being unreachable is 503 (the host's clients retry), a
 * uniqueness constraint is 409, a value the database cannot hold (or a value a host's table
 * requires that a request leaves out) is 400, anything else 500.
 */
public final class SqlErrors {
  private SqlErrors() {}

  /** H2's codes for a database that is closed, unreachable or shutting down. */
  private static final Set<String> H2_UNAVAILABLE =
      Set.of("90067", "90098", "90121", "90020", "90028", "90013", "90146", "90149");

  private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "HYT00", "55P03");

  /** A client value that the database cannot store (too long to index, NUL in text, ...). */
  private static final Set<String> UNSTORABLE = Set.of("22001", "22P05", "22021", "54000", "22003");

  static boolean isUniqueViolation(SQLException e) {
    for (SQLException s : chain(e)) {
      if ("23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A deadlock, serialization failure or lock timeout: worth running the transaction again. */
  static boolean isRetryable(SQLException e) {
    for (SQLException s : chain(e)) {
      if (s.getSQLState() != null && RETRYABLE.contains(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The database cannot be reached, is shutting down, or refuses connections for now. */
  public static boolean isUnavailable(SQLException e) {
    for (SQLException s : chain(e)) {
      if (s instanceof SQLTransientConnectionException
          || s instanceof SQLNonTransientConnectionException
          || s instanceof SQLRecoverableException) {
        return true;
      }
      String state = s.getSQLState();
      if (state == null) {
        continue;
      }
      if (state.startsWith("08")
          || state.startsWith("53")
          || state.startsWith("57P")
          || state.equals("57014")
          || H2_UNAVAILABLE.contains(state)) {
        return true;
      }
    }
    return false;
  }

  /** 503: the database is unavailable. Service resumes by itself once it is back. */
  public static ScimException unavailable(Throwable cause) {
    return new ScimException(
        503, null, "The service is temporarily unavailable: its database cannot be reached. Retry later.", cause);
  }

  /** A foreign key was violated: a member names a resource that does not exist (any more). */
  static boolean isForeignKeyViolation(SQLException e) {
    for (SQLException s : chain(e)) {
      if ("23503".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Maps an exception that no caller handled specially. */
  public static ScimException map(SQLException e, String what) {
    if (isUnavailable(e)) {
      return unavailable(e);
    }
    if (isForeignKeyViolation(e)) {
      return ScimException.badRequest(ScimType.INVALID_VALUE, "a member does not exist");
    }
    if (isRetryable(e)) {
      return new ScimException(503, null, "The service is busy; retry the request.", e);
    }
    for (SQLException s : chain(e)) {
      if ("23502".equals(s.getSQLState())) {
        // only a host's own table has NOT NULL columns the store may leave empty
        return ScimException.badRequest(
            ScimType.INVALID_VALUE, "A value the users table requires is missing or not of its column's type");
      }
      if (s.getSQLState() != null && UNSTORABLE.contains(s.getSQLState())) {
        return ScimException.badRequest(
            ScimType.INVALID_VALUE,
            "A value cannot be stored: it is too long or contains a character the database does not accept");
      }
    }
    return new ScimException(500, null, "The store failed to " + what + ".", e);
  }

  private static Iterable<SQLException> chain(SQLException e) {
    java.util.List<SQLException> out = new java.util.ArrayList<>();
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
    todo.add(e);
    while (!todo.isEmpty() && out.size() < 20) {
      Throwable t = todo.poll();
      if (t == null || !seen.add(t)) {
        continue;
      }
      if (t instanceof SQLException s) {
        out.add(s);
        if (s.getNextException() != null) {
          todo.add(s.getNextException());
        }
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
    }
    return out;
  }
}
