package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.store.tck.StoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole store contract, in multi-tenant mode, on a host's users table whose {@code org_id}
 * column names each row's tenant (one table for all tests; tenants per test).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TenantColumnUserTableContract extends StoreContract {
  private HikariDataSource dataSource;
  private JdbcStore store;

  /** A pool on a new, empty database, for the whole class. */
  abstract HikariDataSource openDatabase();

  @BeforeAll
  void startDatabase() {
    dataSource = openDatabase();
    HostUserTables.createUsersWithTenant(dataSource, "org_users");
    store = JdbcStore.builder(dataSource).userTable(HostUserTables.usersWithTenant("org_users")).build();
  }

  @AfterAll
  void stopDatabase() {
    dataSource.close();
  }

  @Override
  protected StoreProvider newStoreProvider() {
    return store;
  }
}
