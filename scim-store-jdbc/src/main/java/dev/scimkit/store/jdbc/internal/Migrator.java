package dev.scimkit.store.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and upgrades the store's schema with versioned SQL scripts, one folder per dialect
 * ({@code migration/postgresql/V1__….sql}). The versions applied are recorded in {@code
 * scim_schema_version}; each script runs in its own transaction with that record, so a database
 * made by an older Scimkit upgrades in place and an interrupted upgrade resumes. On PostgreSQL an
 * advisory lock keeps concurrently starting instances from migrating twice.
 *
 * <p>A deliberately tiny alternative to Flyway: two dialects, a handful of scripts, and no
 * dependency for the host to align.
 */
public final class Migrator {
  /** The scripts, oldest first; the version is the number after {@code V}. */
  static final List<String> SCRIPTS =
      List.of(
          "V1__resources_and_membership.sql",
          "V2__tokens.sql",
          "V3__membership_foreign_keys.sql",
          "V4__retire_command_line_tokens.sql",
          "V5__event_outbox.sql",
          "V6__search_terms.sql");

  /** The schema version this code expects. */
  public static final int CURRENT = SCRIPTS.size();

  /** The version whose script creates H2's table of search terms, which the migration fills. */
  private static final int TERM_TABLE_VERSION = 6;

  private static final long ADVISORY_LOCK = 0x5C1A_4B17_0001L;

  private final Database db;
  private final Clock clock;

  public Migrator(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Migrates to {@link #CURRENT}. */
  public void migrate() {
    migrate(CURRENT);
  }

  /**
   * Applies every script up to {@code target} not applied yet.
   *
   * @throws IllegalStateException if the database has a newer schema than this code knows
   */
  public void migrate(int target) {
    try {
      createVersionTable();
    } catch (Database.UniqueViolation concurrentlyCreated) {
      createVersionTable(); // PostgreSQL: another instance created it at the same moment
    }
    int applied = currentVersion();
    if (applied > CURRENT) {
      throw new IllegalStateException(
          "The database's Scimkit schema is version " + applied + ", newer than this Scimkit knows ("
              + CURRENT + "); upgrade Scimkit");
    }
    for (int v = applied + 1; v <= target; v++) {
      int version = v;
      String script = SCRIPTS.get(v - 1);
      List<String> statements = statements(read(db.dialect().folder() + "/" + script));
      db.transaction("migrate the schema", c -> {
        if (db.dialect() == Dialect.POSTGRESQL) {
          try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, ADVISORY_LOCK);
            lock.execute();
          }
        }
        if (versionOn(c) >= version) {
          return null; // another instance got there first
        }
        try (Statement s = c.createStatement()) {
          for (String sql : statements) {
            s.execute(sql);
          }
        }
        if (version == TERM_TABLE_VERSION && db.dialect().hasTermTable()) {
          SearchTerms.fillTable(c);
        }
        try (PreparedStatement ps =
            c.prepareStatement("INSERT INTO scim_schema_version (version, description, applied_ns) VALUES (?, ?, ?)")) {
          ps.setInt(1, version);
          ps.setString(2, script.substring(script.indexOf("__") + 2, script.length() - 4).replace('_', ' '));
          ps.setLong(3, Instants.toNanos(clock.instant()));
          ps.executeUpdate();
        }
        return null;
      });
    }
  }

  private void createVersionTable() {
    db.transaction("prepare the schema", c -> {
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE IF NOT EXISTS scim_schema_version ("
                + "version INTEGER NOT NULL PRIMARY KEY, description VARCHAR NOT NULL, applied_ns BIGINT NOT NULL)");
      }
      return null;
    });
  }

  /** The schema version the database is at (0 for none). */
  public int currentVersion() {
    return db.transaction("read the schema version", Migrator::versionOn);
  }

  private static int versionOn(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM scim_schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String read(String path) {
    try (InputStream in = Migrator.class.getResourceAsStream("migration/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing migration script " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Splits a script into statements at semicolons that end a line, outside quotes and
   * dollar-quoted bodies; {@code --} comment lines are dropped.
   */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean dollar = false;
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (!dollar && trimmed.startsWith("--")) {
        continue;
      }
      int from = 0;
      while ((from = line.indexOf("$$", from)) >= 0) {
        dollar = !dollar;
        from += 2;
      }
      current.append(line).append('\n');
      if (!dollar && trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }
}
