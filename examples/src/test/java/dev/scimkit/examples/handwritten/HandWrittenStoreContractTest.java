package dev.scimkit.examples.handwritten;

import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.store.tck.StoreContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
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
    db = JdbcConnectionPool.create("jdbc:h2:mem:handwritten-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    return new HostStores(db);
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
    db.dispose();
  }
}
