/**
 * The store SPI: what a host implements to keep SCIM resources in its own database, and the
 * default {@link dev.scimkit.core.store.InMemoryStore}.
 *
 * <p>A store keeps one resource type ({@link dev.scimkit.core.store.ResourceStore}); a store of
 * groups also keeps membership as deltas ({@link dev.scimkit.core.store.GroupStore}). Every call
 * carries a {@link dev.scimkit.core.RequestContext} and must be confined to its tenant. The engine
 * does everything SCIM means (normalising client input, validation, PATCH, projection); the store
 * only keeps documents, guarantees uniqueness and versions atomically, and answers searches.
 *
 * <p>Searches page by index ({@link dev.scimkit.core.store.SearchRequest#startIndex()}) or, when a
 * client pages by cursor (RFC 9865), by keyset ({@link dev.scimkit.core.store.Keyset}) if the
 * store declares {@link dev.scimkit.core.store.ResourceStore#keysetPaging()}; otherwise the engine
 * pages cursors itself through ordinary searches in {@code id} order.
 */
package dev.scimkit.core.store;
