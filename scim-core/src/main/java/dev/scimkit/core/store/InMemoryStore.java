package dev.scimkit.core.store;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.schema.ResourceType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The default store: every resource type in memory, thread-safe, indexed so that lookups by
 * {@code id}, unique attributes ({@code userName}, group {@code displayName}) and {@code
 * externalId}, and membership changes, take the same time at a thousand resources as at a
 * million.
 *
 * <p>Suitable for tests, demos and hosts that can rebuild their state from elsewhere; everything is
 * lost when the process ends. Tenants are kept strictly apart.
 *
 * <p>Units of work ({@link #transaction}) give the same guarantees as a database store: a {@link
 * TransactionMode#READ_WRITE} unit holds its tenant's write lock from start to end, so the writes
 * of a tenant happen one unit at a time and a member being added cannot be deleted halfway; if the
 * work throws, every change it made is undone, in reverse order, before the lock is released.
 * Reads take no lock: a read that runs while a unit is in progress may see the unit's first
 * changes before its last ones, never a change that was rolled back after the read returned.
 *
 * <pre>{@code
 * ScimEngine engine = ScimEngine.builder().storeProvider(new InMemoryStore()).build();
 * }</pre>
 */
public final class InMemoryStore implements StoreProvider {
  private final Map<String, ResourceStore> stores = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> tenantLocks = new ConcurrentHashMap<>();
  private final ThreadLocal<Unit> openUnit = new ThreadLocal<>();
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
    return stores.computeIfAbsent(type.name(), name -> new InMemoryResourceStore(type, clock, this));
  }

  @Override
  public <T> T transaction(RequestContext ctx, TransactionMode mode, Supplier<T> work) {
    requireNonNull(ctx, "ctx == null");
    requireNonNull(mode, "mode == null");
    requireNonNull(work, "work == null");
    Unit open = openUnit.get();
    if (open != null) {
      open.checkTenant(ctx);
      return work.get();
    }
    if (mode == TransactionMode.READ_ONLY) {
      return work.get();
    }
    ReentrantLock lock = lockOf(ctx.tenant());
    lock.lock();
    Unit unit = new Unit(ctx.tenant());
    openUnit.set(unit);
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      unit.rollBack();
      throw e;
    } finally {
      openUnit.remove();
      lock.unlock();
    }
  }

  /** The display name of a resource of the named type, for {@code members[].display}. */
  String displayOf(String type, String id, RequestContext ctx) {
    ResourceStore store = type == null ? null : stores.get(type);
    return store instanceof InMemoryResourceStore s ? s.display(id, ctx) : null;
  }

  /** Runs a change (or a read of unsynchronised state) under the tenant's lock. */
  <T> T locked(RequestContext ctx, Supplier<T> change) {
    Unit open = openUnit.get();
    if (open != null) {
      open.checkTenant(ctx);
      return change.get(); // the unit holds the lock
    }
    ReentrantLock lock = lockOf(ctx.tenant());
    lock.lock();
    try {
      return change.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Records how to undo a change just made under {@link #locked}, if a unit of work is open; a
   * change outside a unit is final at once.
   */
  void onRollback(Runnable undo) {
    Unit open = openUnit.get();
    if (open != null) {
      open.undo.add(undo);
    }
  }

  private ReentrantLock lockOf(String tenant) {
    return tenantLocks.computeIfAbsent(tenant, t -> new ReentrantLock());
  }

  /** An open unit of work: its tenant, and how to undo what it did so far. */
  private static final class Unit {
    final String tenant;
    final List<Runnable> undo = new ArrayList<>();

    Unit(String tenant) {
      this.tenant = tenant;
    }

    void checkTenant(RequestContext ctx) {
      if (!tenant.equals(ctx.tenant())) {
        throw new IllegalStateException(
            "a unit of work of one tenant cannot touch another tenant's resources");
      }
    }

    void rollBack() {
      for (int i = undo.size() - 1; i >= 0; i--) {
        undo.get(i).run();
      }
      undo.clear();
    }
  }
}
