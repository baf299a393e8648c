package dev.scimkit.examples.handwritten;

import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.examples.H2Memory;
import dev.scimkit.store.tck.StoreContract;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

/**
 * The whole store contract against {@link HostStores}: {@link DocumentUserStore} for users, with
 * groups in an {@link InMemoryStore}: the hand-written store is correct, and atomic per request
 * across both.
 */
class HandWrittenStoreContractTest extends StoreContract {
  private JdbcConnectionPool db;

  @Override
  protected StoreProvider newStoreProvider() {
    db = JdbcConnectionPool.create(H2Memory.url("handwritten"), "sa", "");
    return new HostStores(db);
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    H2Memory.shutdown(db);
  }
}
