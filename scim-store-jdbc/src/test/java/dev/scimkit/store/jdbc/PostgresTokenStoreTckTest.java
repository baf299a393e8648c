package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.auth.TokenStore;
import dev.scimkit.store.tck.TokenStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The token store contract of the TCK on Postgres (a database per test class; tenants per test). */
class PostgresTokenStoreTckTest extends TokenStoreContract {
  private static HikariDataSource dataSource;
  private static TokenStore tokens;

  @BeforeAll
  static void startDatabase() {
    dataSource = TestDatabases.postgres();
    tokens = JdbcStore.builder(dataSource).build().tokenStore();
  }

  @AfterAll
  static void stopDatabase() {
    dataSource.close();
  }

  @Override
  protected TokenStore newTokenStore() {
    return tokens;
  }
}
