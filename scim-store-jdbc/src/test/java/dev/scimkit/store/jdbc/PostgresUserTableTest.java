package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** {@link UserTableContract} on embedded PostgreSQL. */
class PostgresUserTableTest extends UserTableContract {
  @Override
  HikariDataSource openDatabase() {
    return TestDatabases.postgres(20);
  }
}
