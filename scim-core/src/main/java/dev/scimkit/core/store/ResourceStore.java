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
 */
public interface ResourceStore {

  /** An expected version that matches any current version. */
  long ANY_VERSION = -1;

  /**
   * Stores a new resource. Its {@code version} is the first version (the store may choose it).
   *
   * @return the resource as stored
   * @throws ScimException 409 {@code uniqueness} if a unique attribute is taken
   */
  StoredResource create(StoredResource resource, RequestContext ctx);

  /** The resource with this id, if the tenant has one. */
  Optional<StoredResource> get(String id, RequestContext ctx);

  /**
   * Replaces a resource's document.
   *
   * @param resource the new state; its {@code version} is ignored and the store assigns the next
   * @param expectedVersion the version the change is based on, or {@link #ANY_VERSION}
   * @return the resource as stored, with its new version
   * @throws ScimException 404 if there is no such resource, 412 on a version mismatch, 409 if a
   *     unique attribute is taken
   */
  StoredResource replace(StoredResource resource, long expectedVersion, RequestContext ctx);

  /**
   * Deletes a resource.
   *
   * @throws ScimException 404 if there is no such resource, 412 on a version mismatch
   */
  void delete(String id, long expectedVersion, RequestContext ctx);

  /**
   * Finds the resources matching the request's filter, sorts and pages them, and counts all
   * matches.
   */
  SearchResult search(SearchRequest request, RequestContext ctx);
}
