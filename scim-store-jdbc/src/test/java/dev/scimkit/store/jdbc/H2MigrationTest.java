package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

class H2MigrationTest extends MigrationContract {
  private final List<HikariDataSource> opened = new ArrayList<>();

  @Override
  DataSource freshDatabase() {
    HikariDataSource ds = TestDatabases.h2(4);
    opened.add(ds);
    return ds;
  }

  @Override
  String documentParameter() {
    return "?";
  }

  @AfterEach
  void close() {
    opened.forEach(HikariDataSource::close);
  }
}
