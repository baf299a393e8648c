package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** {@link TenantColumnUserTableContract} on embedded PostgreSQL. */
class PostgresTenantColumnUserTableContractTest extends TenantColumnUserTableContract {
  @Override
  HikariDataSource openDatabase() {
    return TestDatabases.postgres(20);
  }
}
