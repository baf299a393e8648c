package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** {@link OneTenantUserTableContract} on embedded PostgreSQL. */
class PostgresOneTenantUserTableContractTest extends OneTenantUserTableContract {
  @Override
  HikariDataSource openDatabase() {
    return TestDatabases.postgres(20);
  }
}
