package dev.scimkit.store.jdbc;

import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.store.tck.StoreContract;
import javax.sql.DataSource;

/**
 * The whole store contract, in multi-tenant mode, on a host's users table whose {@code org_id}
 * column names each row's tenant (one table for all tests; tenants per test).
 */
abstract class TenantColumnUserTableContract extends StoreContract {
  abstract DataSource dataSource();

  /** The store over the table, created once per class. */
  abstract JdbcStore store();

  static JdbcStore createStore(DataSource dataSource) {
    HostUserTables.createUsersWithTenant(dataSource, "org_users");
    return JdbcStore.builder(dataSource).userTable(HostUserTables.usersWithTenant("org_users")).build();
  }

  @Override
  protected StoreProvider newStoreProvider() {
    return store();
  }
}
