package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a host's users table with a tenant column, on H2. */
class H2TenantColumnUserTableContractTest extends TenantColumnUserTableContract {
  private static HikariDataSource dataSource;
  private static JdbcStore store;

  @BeforeAll
  static void startDatabase() {
    dataSource = TestDatabases.h2();
    store = createStore(dataSource);
  }

  @AfterAll
  static void stopDatabase() {
    dataSource.close();
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }

  @Override
  JdbcStore store() {
    return store;
  }
}
