package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** {@link TenantColumnUserTableContract} on H2. */
class H2TenantColumnUserTableContractTest extends TenantColumnUserTableContract {
  @Override
  HikariDataSource openDatabase() {
    return TestDatabases.h2();
  }
}
