package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** The differential test on H2. */
class H2DifferentialFilterTest extends DifferentialFilterContract {
  private final HikariDataSource dataSource = TestDatabases.h2();

  @Override
  DataSource dataSource() {
    return dataSource;
  }

  @AfterEach
  void close() {
    dataSource.close();
  }
}
