package dev.scimkit.store.tck;

import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.StoreProvider;

/** The default in-memory store passes the contract. */
class InMemoryStoreContractTest extends StoreContract {
  @Override
  protected StoreProvider newStoreProvider() {
    return new InMemoryStore();
  }
}
