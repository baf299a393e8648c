package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

class PostgresMigrationTest extends MigrationContract {
  private final List<HikariDataSource> opened = new ArrayList<>();

  @Override
  DataSource freshDatabase() {
    HikariDataSource ds = TestDatabases.postgres(4);
    opened.add(ds);
    return ds;
  }

  @Override
  String documentParameter() {
    return "CAST(? AS jsonb)";
  }

  @Override
  String[] extraColumns(String json) {
    // Version 1 on PostgreSQL also writes the folded scalars of the document.
    return new String[] {", search_terms",
        ", ARRAY(SELECT DISTINCT lower(v #>> '{}') FROM jsonb_path_query(CAST('" + json.replace("'", "''")
            + "' AS jsonb), 'strict $.**') AS t(v) WHERE jsonb_typeof(v) IN ('string', 'boolean'))"};
  }

  @AfterEach
  void close() {
    opened.forEach(HikariDataSource::close);
  }
}
