package dev.scimkit.examples.customstore;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.examples.H2Memory;
import dev.scimkit.store.tck.StoreContract;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

/**
 * The whole store contract against the sample's store, in single-tenant mode since the host's
 * {@code users} table belongs to one organisation: a new database for every test.
 */
class UserTableStoreContractTest extends StoreContract {
  private JdbcConnectionPool db;

  @Override
  protected boolean multiTenant() {
    return false;
  }

  @Override
  protected RequestContext tenant() {
    return RequestContext.of(UserTableStore.ORGANISATION);
  }

  @Override
  protected StoreProvider newStoreProvider() {
    db = HostDatabase.open(H2Memory.url("contract"));
    return UserTableStore.open(db);
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    H2Memory.shutdown(db);
  }
}
