package dev.scimkit.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Users tables as hosts have them, created with plain SQL that H2 and PostgreSQL both run, and
 * their {@link UserTable} descriptions.
 */
final class HostUserTables {
  private HostUserTables() {}

  /** The five-column table of issue 12, of one tenant. */
  static void createUsers(DataSource dataSource, String table) {
    execute(dataSource, "CREATE TABLE " + table + " (id VARCHAR(64) PRIMARY KEY, email VARCHAR(320) NOT NULL,"
        + " first_name VARCHAR(100), last_name VARCHAR(100), active BOOLEAN)");
  }

  /** {@link #createUsers}' table, all of whose rows belong to {@code tenant}. */
  static UserTable users(String table, String tenant) {
    return fiveColumns(table).tenant(tenant).build();
  }

  private static UserTable.Builder fiveColumns(String table) {
    return UserTable.named(table)
        .id("id")
        .column("userName", "email")
        .column("name.givenName", "first_name")
        .column("name.familyName", "last_name")
        .column("active", "active");
  }

  /** The five columns and a tenant column, the key being tenant and id. */
  static void createUsersWithTenant(DataSource dataSource, String table) {
    execute(dataSource, "CREATE TABLE " + table + " (org_id VARCHAR(64) NOT NULL, id VARCHAR(64) NOT NULL,"
        + " email VARCHAR(320) NOT NULL, first_name VARCHAR(100), last_name VARCHAR(100), active BOOLEAN,"
        + " PRIMARY KEY (org_id, id))");
  }

  static UserTable usersWithTenant(String table) {
    return fiveColumns(table).tenantColumn("org_id").build();
  }

  /**
   * A table with a column for every kind of path (core and extension attributes, sub-attributes,
   * an element selected by type, the instants) and a tenant column; every column may be null, so
   * that documents off their schema's types are stored as the in-memory store stores them.
   */
  static void createWide(DataSource dataSource, String table) {
    execute(dataSource, "CREATE TABLE " + table + " (org VARCHAR(64) NOT NULL, id VARCHAR(200) NOT NULL,"
        + " user_name VARCHAR(1000), given_name VARCHAR(1000), family_name VARCHAR(1000), display VARCHAR(1000),"
        + " enabled BOOLEAN, ext_id VARCHAR(1000), work_email VARCHAR(1000), job_title VARCHAR(1000),"
        + " department VARCHAR(1000), manager_id VARCHAR(1000), created_at TIMESTAMP WITH TIME ZONE,"
        + " updated_at TIMESTAMP WITH TIME ZONE, PRIMARY KEY (org, id))");
  }

  static UserTable wide(String table) {
    String enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";
    return UserTable.named(table)
        .id("id")
        .tenantColumn("org")
        .column("userName", "user_name")
        .column("name.givenName", "given_name")
        .column("name.familyName", "family_name")
        .column("displayName", "display")
        .column("active", "enabled")
        .column("externalId", "ext_id")
        .column("emails[type eq \"work\"].value", "work_email")
        .column("title", "job_title")
        .column(enterprise + "department", "department")
        .column(enterprise + "manager.value", "manager_id")
        .column("meta.created", "created_at")
        .column("meta.lastModified", "updated_at")
        .build();
  }

  static void execute(DataSource dataSource, String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      ps.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static void executeAll(DataSource dataSource, String... statements) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
