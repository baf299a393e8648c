package dev.scimkit.core.store;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import java.util.Optional;

/**
 * Keeps the resources of one resource type. Implementations must be thread-safe and must confine
 * every call to {@code ctx.tenant()}: a resource of one tenant is invisible to every other (a
 * lookup of it answers "not found", never "forbidden").
 *
 * <p>Two guarantees are the store's, because only it can give them atomically:
 *
 * <ul>
 *   <li><b>Uniqueness.</b> Attributes whose schema says {@code uniqueness: server} ({@code
 *       userName}, group {@code displayName}) are unique per tenant, compared ignoring case unless
 *       the attribute is {@code caseExact}; a violation is {@link ScimException#uniqueness} (409).
 *       Enforce it with a constraint, not a check followed by an insert.
 *   <li><b>Versions.</b> Every change increments {@link StoredResource#version()}; a change that
 *       names an expected version other than the current one fails with {@link
 *       ScimException#preconditionFailed} (412) and changes nothing.
 * </ul>
 *
 * <p>Pass {@link #ANY_VERSION} as the expected version to skip the version check.
 *
 * <p>The store contract kit ({@code StoreContract} in {@code scim-store-tck}) checks every
 * requirement stated on this interface and its methods, including the two above under
 * concurrency: eight racing creates of one {@code userName} leave exactly one, and eight racing
 * replaces from one version succeed exactly once (compare and set in one step, not a read, a check
 * and a write).
 *
 * <p>The engine calls a store only inside a unit of work of its {@link StoreProvider} (see {@link
 * StoreProvider#transaction}); a store over a transactional database joins that unit rather than
 * committing each call on its own.
 */
public interface ResourceStore {

  /** An expected version that matches any current version. */
  long ANY_VERSION = -1;

  /**
   * Stores a new resource. Its {@code version} is the first version (the store may choose it).
   * The document, {@code created} and {@code lastModified} are kept exactly as given: {@link #get}
   * returns them unchanged (no value reformatted, no letter case folded), and a later {@link
   * #replace} keeps {@code created}.
   *
   * @return the resource as stored
   * @throws ScimException 409 {@code uniqueness} if a unique attribute is taken
   */
  StoredResource create(StoredResource resource, RequestContext ctx);

  /**
   * The resource with this id, if the tenant has one: as last stored, with its current version.
   * Empty for an id the tenant does not have, whether no tenant has it or another does.
   *
   * <p>Inside a {@link TransactionMode#READ_WRITE} unit of work a store that can should lock the
   * resource until the unit ends (the JDBC store takes a row lock; the in-memory store holds the
   * tenant's lock for the whole unit): the engine reads through this method what it is about to
   * change, and the members it is about to add, so a lock here makes a concurrent change of the
   * same resource, or a concurrent delete of a member being added, wait instead of conflicting.
   */
  Optional<StoredResource> get(String id, RequestContext ctx);

  /**
   * Replaces a resource's document.
   *
   * <p>Every replace gives the resource a higher version, takes its {@code lastModified} from
   * {@code resource} and keeps its {@code created}. A replace that fails (412, 409) changes
   * nothing. A unique attribute may keep its value in another letter case.
   *
   * @param resource the new state; its {@code version} is ignored and the store assigns the next
   * @param expectedVersion the version the change is based on, or {@link #ANY_VERSION}
   * @return the resource as stored, with its new version
   * @throws ScimException 404 if there is no such resource, 412 on a version mismatch, 409 if a
   *     unique attribute is taken
   */
  StoredResource replace(StoredResource resource, long expectedVersion, RequestContext ctx);

  /**
   * Deletes a resource. The engine has removed it from every group in the same unit of work
   * first ({@link GroupStore#removeFromAllGroups}); a store with a membership table of its own
   * should also make sure no membership of the resource outlives it (the JDBC store's foreign
   * keys do). Afterwards its unique values are free for other resources, and a second delete of
   * the same id is a 404. A delete that fails on its version keeps the resource.
   *
   * @throws ScimException 404 if there is no such resource, 412 on a version mismatch
   */
  void delete(String id, long expectedVersion, RequestContext ctx);

  /**
   * Finds the resources matching the request's filter, sorts and pages them, and counts all
   * matches.
   *
   * <ul>
   *   <li><b>Matches</b> are those of {@link dev.scimkit.core.search.FilterEvaluator}, the
   *       reference semantics: among others, {@code userName}, {@code externalId} and group
   *       {@code displayName} compare ignoring case, {@code id eq} finds the resource, and a
   *       disabled user ({@code active} false) is found like any other.
   *   <li><b>Order.</b> Without {@link SearchRequest#sortBy()} the order is stable from one call
   *       to the next, so that paging through the results neither skips nor repeats a resource;
   *       the kit expects creation order. With it, the order of {@link
   *       dev.scimkit.core.search.Sorting}, in either direction.
   *   <li><b>Paging.</b> {@link SearchResult#totalResults()} counts every match, also when the
   *       page is empty because {@code count} is 0 or {@code startIndex} lies past the last
   *       match.
   * </ul>
   */
  SearchResult search(SearchRequest request, RequestContext ctx);

  /**
   * Whether {@link #search} answers keyset requests ({@link SearchRequest#keyset()}), which the
   * engine sends when clients page by cursor (RFC 9865). Default {@code false}: the engine then
   * pages cursors itself through ordinary searches, in {@code id} order, adding {@code id gt
   * "<last id>"} (or {@code id lt}) to the filter and sorting by {@code id}. That is correct for
   * every store that meets the search contract, and as stable as keyset paging, but each page
   * costs a whole search. Override it when the store can seek to a position in its default order
   * (the JDBC store seeks on an index of its sequence column), so that the page at the end of a
   * walk of a million resources costs what the first does.
   */
  default boolean keysetPaging() {
    return false;
  }
}
