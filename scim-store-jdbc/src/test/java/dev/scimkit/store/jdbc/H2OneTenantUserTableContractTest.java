package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** {@link OneTenantUserTableContract} on H2. */
class H2OneTenantUserTableContractTest extends OneTenantUserTableContract {
  @Override
  HikariDataSource openDatabase() {
    return TestDatabases.h2();
  }
}
