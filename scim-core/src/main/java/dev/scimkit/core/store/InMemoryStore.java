package dev.scimkit.core.store;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.schema.ResourceType;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default store: every resource type in memory, thread-safe, indexed so that lookups by
 * {@code id}, unique attributes ({@code userName}, group {@code displayName}) and {@code
 * externalId}, and membership changes, take the same time at a thousand resources as at a
 * million.
 *
 * <p>Suitable for tests, demos and hosts that can rebuild their state from elsewhere; everything is
 * lost when the process ends. Tenants are kept strictly apart.
 *
 * <pre>{@code
 * ScimEngine engine = ScimEngine.builder().storeProvider(new InMemoryStore()).build();
 * }</pre>
 */
public final class InMemoryStore implements StoreProvider {
  private final Map<String, ResourceStore> stores = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Creates an empty store on the system clock. */
  public InMemoryStore() {
    this(Clock.systemUTC());
  }

  /**
   * Creates an empty store that stamps membership changes with {@code clock} (tests fix it; the
   * engine stamps every other change itself).
   */
  public InMemoryStore(Clock clock) {
    this.clock = requireNonNull(clock, "clock == null");
  }

  @Override
  public ResourceStore storeFor(ResourceType type) {
    return stores.computeIfAbsent(type.name(), name -> new InMemoryResourceStore(type, clock));
  }
}
