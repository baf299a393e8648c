package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** {@link UserTableDifferentialContract} on embedded PostgreSQL. */
class PostgresUserTableDifferentialTest extends UserTableDifferentialContract {
  @Override
  HikariDataSource openDatabase() {
    return TestDatabases.postgres();
  }
}
