package dev.scimkit.spring.boot.internal;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimException;

/**
 * Whether the engine's store answers: a read of a user that does not exist, through the engine
 * and the store SPI like any {@code GET /Users/{id}}, so it works the same for the JDBC store, the
 * in-memory store and a host's own. A {@code 404} is a store that answered; anything else (a
 * database that is down, a pool that is exhausted, a schema that is missing) is the failure.
 * It costs one lookup by primary key, and changes nothing.
 */
public final class StoreProbe {
  /** An id no store gives out, in the form most id columns accept. */
  static final String ABSENT_ID = "00000000-0000-0000-0000-000000000000";

  private final ScimEngine engine;
  private final String resourceType;
  private final String storeName;

  /**
   * @param storeName what the health details call the store (its class's simple name)
   */
  public StoreProbe(ScimEngine engine, String storeName) {
    this.engine = requireNonNull(engine, "engine == null");
    this.resourceType = engine.resourceTypes().get(0).name();
    this.storeName = requireNonNull(storeName, "storeName == null");
  }

  /** The store's name for the health details. */
  public String storeName() {
    return storeName;
  }

  /** {@code null} when the store answered, else what went wrong. */
  public RuntimeException check() {
    try {
      engine.get(resourceType, ABSENT_ID, RequestContext.defaultTenant(), ResponseOptions.defaults());
      return null; // a store that holds the id answered, too
    } catch (ScimException e) {
      return e.status() == 404 ? null : e;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
