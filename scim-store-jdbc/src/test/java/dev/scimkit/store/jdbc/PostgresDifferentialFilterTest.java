package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** The differential test on embedded PostgreSQL. */
class PostgresDifferentialFilterTest extends DifferentialFilterContract {
  private final HikariDataSource dataSource = TestDatabases.postgres();

  @Override
  DataSource dataSource() {
    return dataSource;
  }

  @AfterEach
  void close() {
    dataSource.close();
  }
}
