package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.store.tck.StoreContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole store contract, in single-tenant mode, on a host's five-column {@code users} table
 * that belongs to one tenant. Each test gets a table and a tenant of its own in one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneTenantUserTableContract extends StoreContract {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private HikariDataSource dataSource;
  private RequestContext tenant;

  /** A pool on a new, empty database, for the whole class. */
  abstract HikariDataSource openDatabase();

  @BeforeAll
  void startDatabase() {
    dataSource = openDatabase();
  }

  @AfterAll
  void stopDatabase() {
    dataSource.close();
  }

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
    HostUserTables.createUsers(dataSource, table);
    return JdbcStore.builder(dataSource).userTable(HostUserTables.users(table, tenant.tenant())).build();
  }
}
