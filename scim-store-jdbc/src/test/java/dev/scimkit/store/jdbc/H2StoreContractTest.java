package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.store.tck.StoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on an in-memory H2 database (one per test class; tenants per test). */
class H2StoreContractTest extends StoreContract {
  private static HikariDataSource dataSource;
  private static JdbcStore store;

  @BeforeAll
  static void startDatabase() {
    dataSource = TestDatabases.h2();
    store = JdbcStore.builder(dataSource).build();
  }

  @AfterAll
  static void stopDatabase() {
    dataSource.close();
  }

  @Override
  protected StoreProvider newStoreProvider() {
    return store;
  }
}
