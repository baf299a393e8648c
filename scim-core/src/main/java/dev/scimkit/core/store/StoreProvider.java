package dev.scimkit.core.store;

import dev.scimkit.core.schema.ResourceType;

/**
 * Supplies a store for each resource type the engine serves. {@link InMemoryStore} and the JDBC
 * store implement it for every type; a host that keeps only its users itself registers its own
 * {@link ResourceStore} for {@code User} on the engine builder and a provider for the rest.
 */
@FunctionalInterface
public interface StoreProvider {

  /**
   * The store for {@code type}: a {@link GroupStore} when {@link ResourceType#hasMembers()}.
   *
   * <p>Called once per type when the engine is built.
   */
  ResourceStore storeFor(ResourceType type);
}
