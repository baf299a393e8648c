package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A host's users table on embedded PostgreSQL. */
class PostgresUserTableTest extends UserTableContract {
  private static HikariDataSource dataSource;

  @BeforeAll
  static void startDatabase() {
    dataSource = TestDatabases.postgres(20);
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
