package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a host's users table of one tenant, on H2. */
class H2OneTenantUserTableContractTest extends OneTenantUserTableContract {
  private static HikariDataSource dataSource;

  @BeforeAll
  static void startDatabase() {
    dataSource = TestDatabases.h2();
  }

  @AfterAll
  static void stopDatabase() {
    dataSource.close();
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }
}
