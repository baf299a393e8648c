package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** {@link UserTableDifferentialContract} on H2. */
class H2UserTableDifferentialTest extends UserTableDifferentialContract {
  @Override
  HikariDataSource openDatabase() {
    return TestDatabases.h2();
  }
}
