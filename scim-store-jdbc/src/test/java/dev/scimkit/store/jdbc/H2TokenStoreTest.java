package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2TokenStoreTest extends TokenStoreContract {
  private static HikariDataSource dataSource;

  @BeforeAll
  static void start() {
    dataSource = TestDatabases.h2();
  }

  @AfterAll
  static void stop() {
    dataSource.close();
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }
}
