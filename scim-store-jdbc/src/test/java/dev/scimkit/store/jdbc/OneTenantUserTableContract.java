package dev.scimkit.store.jdbc;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.store.tck.StoreContract;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The whole store contract, in single-tenant mode, on a host's five-column {@code users} table
 * that belongs to one tenant. Each test gets a table and a tenant of its own in one database.
 */
abstract class OneTenantUserTableContract extends StoreContract {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private RequestContext tenant;

  abstract DataSource dataSource();

  @Override
  protected boolean multiTenant() {
    return false;
  }

  @Override
  protected RequestContext tenant() {
    return tenant;
  }

  @Override
  protected StoreProvider newStoreProvider() {
    int n = TABLES.incrementAndGet();
    String table = "users_" + n;
    tenant = RequestContext.of("acme-" + n);
    HostUserTables.createUsers(dataSource(), table);
    return JdbcStore.builder(dataSource()).userTable(HostUserTables.users(table, tenant.tenant())).build();
  }
}
