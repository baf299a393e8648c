package dev.scimkit.core.store;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.schema.ResourceType;
import java.util.function.Supplier;

/**
 * Supplies a store for each resource type the engine serves, and runs the store calls of one
 * request as one unit of work. {@link InMemoryStore} and the JDBC store implement it for every
 * type; a host that keeps only its users itself registers its own {@link ResourceStore} for
 * {@code User} on the engine builder and a provider for the rest.
 *
 * <h2>Units of work</h2>
 *
 * <p>Every engine operation runs its store calls inside one {@link #transaction transaction}:
 * creating a group with members, replacing or patching a resource and its members, deleting a
 * resource together with its memberships, each operation of a bulk request, and also reads (a
 * resource and its groups). A store that keeps its data in a transactional database overrides
 * {@code transaction} to open a transaction, make it the one every store call on this thread
 * joins until {@code work} returns, and commit it; that is all it takes for a host store to be
 * all-or-nothing. The default runs {@code work} as it is, which is right only for a store whose
 * every call is atomic on its own and that cannot group calls: such a store can be left
 * half-changed by a crash between two calls, and the engine then orders its calls so that the
 * half-done state is the safer one (memberships are removed before the resource is deleted).
 */
@FunctionalInterface
public interface StoreProvider {

  /**
   * The store for {@code type}: a {@link GroupStore} when {@link ResourceType#hasMembers()}.
   *
   * <p>Called once per type when the engine is built.
   */
  ResourceStore storeFor(ResourceType type);

  /**
   * Runs {@code work}, the store calls of one request of {@code ctx.tenant()}, as one unit:
   *
   * <ul>
   *   <li><b>All or nothing.</b> If {@code work} returns, everything it changed is committed (and
   *       durable, for a store that claims durability) before this method returns; if it throws,
   *       nothing it changed remains, and the exception propagates unchanged.
   *   <li><b>Joined.</b> Every call on a store of this provider that {@code work} makes, on this
   *       thread, belongs to the unit. A nested call of {@code transaction} joins the unit that is
   *       already open.
   *   <li><b>Repeatable.</b> The store may run {@code work} more than once, to retry after a
   *       deadlock or a serialization failure of its database; {@code work} has no effect
   *       outside the store until it returns, and the engine's work is written that way.
   *   <li><b>Locking reads.</b> In a {@link TransactionMode#READ_WRITE} unit, a store that can
   *       should lock what {@link ResourceStore#get} returns until the unit ends: the engine reads
   *       through {@code get} exactly what it is about to change (the resource, and the members
   *       it adds), so concurrent requests on one resource then queue instead of failing with a
   *       version conflict that the engine would have to retry.
   * </ul>
   *
   * <p>The default runs {@code work} directly; see the class description for when that is
   * enough.
   *
   * @param ctx the request; every store call of the unit is confined to its tenant
   * @param mode whether the work may write
   * @param work the store calls
   * @return what {@code work} returned
   */
  default <T> T transaction(RequestContext ctx, TransactionMode mode, Supplier<T> work) {
    return work.get();
  }
}
