package dev.scimkit.store.jdbc;

import javax.sql.DataSource;

class PostgresEventOutboxTest extends EventOutboxContract {
  @Override
  DataSource freshDatabase() {
    return TestDatabases.postgres();
  }
}
