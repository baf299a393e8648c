package dev.scimkit.examples.customstore;

import dev.scimkit.store.jdbc.JdbcStore;
import dev.scimkit.store.jdbc.UserTable;
import javax.sql.DataSource;

/**
 * The whole store of a host whose users live in its own {@code users} table (see {@link
 * HostDatabase}): which SCIM attribute each column holds, and whose users they are. Everything
 * else (groups, memberships, what SCIM needs and the table has no column for) the JDBC store
 * keeps in its own tables of the same database, in the same transactions.
 */
public final class UserTableStore {
  private UserTableStore() {}

  /** The organisation (tenant) whose users the table holds: the host has only one. */
  public static final String ORGANISATION = "acme";

  /** The table, column by column. */
  static final UserTable USERS =
      UserTable.named("users")
          .id("id")
          .column("userName", "email")
          .column("name.givenName", "first_name")
          .column("name.familyName", "last_name")
          .column("active", "active")
          .tenant(ORGANISATION)
          .build();

  /** Creates (or upgrades) Scimkit's tables beside the host's and serves the host's users. */
  public static JdbcStore open(DataSource hostDatabase) {
    return JdbcStore.builder(hostDatabase).userTable(USERS).build();
  }
}
