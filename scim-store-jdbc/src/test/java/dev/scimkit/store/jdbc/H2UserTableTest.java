package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** {@link UserTableContract} on H2. */
class H2UserTableTest extends UserTableContract {
  @Override
  HikariDataSource openDatabase() {
    return TestDatabases.h2(20);
  }
}
