/**
 * The store contract test kit. Extend {@link dev.scimkit.store.tck.StoreContract} in your store's
 * test sources and implement {@code newStoreProvider()}: the inherited JUnit 5 tests check
 * everything the engine relies on (tenancy, uniqueness, versions, membership deltas, search and
 * paging), including under concurrency.
 */
package dev.scimkit.store.tck;
