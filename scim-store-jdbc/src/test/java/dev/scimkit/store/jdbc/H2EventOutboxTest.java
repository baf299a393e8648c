package dev.scimkit.store.jdbc;

import javax.sql.DataSource;

class H2EventOutboxTest extends EventOutboxContract {
  @Override
  DataSource freshDatabase() {
    return TestDatabases.h2();
  }
}
