package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A host's users table on H2. */
class H2UserTableTest extends UserTableContract {
  private static HikariDataSource dataSource;

  @BeforeAll
  static void startDatabase() {
    dataSource = TestDatabases.h2(20);
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
