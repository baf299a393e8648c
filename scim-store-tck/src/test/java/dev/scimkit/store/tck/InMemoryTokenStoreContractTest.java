package dev.scimkit.store.tck;

import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.TokenStore;

/** The in-memory token store passes the contract. */
class InMemoryTokenStoreContractTest extends TokenStoreContract {
  @Override
  protected TokenStore newTokenStore() {
    return new InMemoryTokenStore();
  }
}
