package dev.scimkit.benchmarks.scimple;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.directory.scim.core.repository.DefaultPatchHandler;
import org.apache.directory.scim.core.repository.PatchHandler;
import org.apache.directory.scim.core.repository.Repository;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.server.exception.UnableToCreateResourceException;
import org.apache.directory.scim.server.exception.UnableToRetrieveResourceException;
import org.apache.directory.scim.server.exception.UnableToUpdateResourceException;
import org.apache.directory.scim.spec.exception.ResourceException;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterExpressions;
import org.apache.directory.scim.spec.filter.FilterResponse;
import org.apache.directory.scim.spec.filter.PageRequest;
import org.apache.directory.scim.spec.filter.SortRequest;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.ScimResource;

/**
 * A minimal thread-safe in-memory SCIMple {@link Repository}: resources by id in a concurrent map
 * (reads take no lock), one lock for the writes of a type (so a uniqueness check and its insert,
 * and a PATCH's read, apply and write, are atomic), PATCH by SCIMple's own {@link
 * DefaultPatchHandler}, filters by SCIMple's {@link FilterExpressions#inMemory} (matched, then
 * paged), with an optional unique key that an equality filter may use as an index.
 */
abstract class PeerRepository<T extends ScimResource> implements Repository<T> {
  private final Map<String, T> byId = new ConcurrentHashMap<>();
  private final Map<String, String> byKey = new ConcurrentHashMap<>();
  private final SchemaRegistry schemas;
  private final Class<T> resourceClass;
  private final String schemaUrn;

  PeerRepository(SchemaRegistry schemas, Class<T> resourceClass, String schemaUrn) {
    this.schemas = schemas;
    this.resourceClass = resourceClass;
    this.schemaUrn = schemaUrn;
  }

  /** The resource's unique key (lower case), or {@code null} if the type has none. */
  abstract String uniqueKey(T resource);

  /** The unique key a filter asks for by equality alone, or {@code null}. */
  abstract String indexedEquality(Filter filter);

  @Override
  public Class<T> getResourceClass() {
    return resourceClass;
  }

  @Override
  public synchronized T create(T resource) throws ResourceException {
    String id = UUID.randomUUID().toString();
    String key = uniqueKey(resource);
    if (key != null && byKey.putIfAbsent(key, id) != null) {
      throw new UnableToCreateResourceException(Response.Status.CONFLICT, "'" + key + "' already exists");
    }
    resource.setId(id);
    byId.put(id, resource);
    return resource;
  }

  @Override
  public T get(String id) {
    return byId.get(id);
  }

  @Override
  public synchronized T update(
      String id, String version, T resource, Set<AttributeReference> included, Set<AttributeReference> excluded)
      throws ResourceException {
    return store(id, resource);
  }

  @Override
  public synchronized T patch(
      String id, String version, List<PatchOperation> operations, Set<AttributeReference> included,
      Set<AttributeReference> excluded) throws ResourceException {
    T current = byId.get(id);
    if (current == null) {
      throw new UnableToRetrieveResourceException(Response.Status.NOT_FOUND, "no resource " + id);
    }
    PatchHandler handler = new DefaultPatchHandler(schemas);
    return store(id, handler.apply(current, operations));
  }

  private T store(String id, T resource) throws ResourceException {
    T current = byId.get(id);
    if (current == null) {
      throw new UnableToRetrieveResourceException(Response.Status.NOT_FOUND, "no resource " + id);
    }
    String before = uniqueKey(current);
    String after = uniqueKey(resource);
    if (after != null && !after.equals(before) && byKey.putIfAbsent(after, id) != null) {
      throw new UnableToUpdateResourceException(Response.Status.CONFLICT, "'" + after + "' already exists");
    }
    if (before != null && !before.equals(after)) {
      byKey.remove(before, id);
    }
    resource.setId(id);
    byId.put(id, resource);
    return resource;
  }

  @Override
  public synchronized void delete(String id) {
    T removed = byId.remove(id);
    if (removed != null && uniqueKey(removed) != null) {
      byKey.remove(uniqueKey(removed), id);
    }
  }

  @Override
  public FilterResponse<T> find(Filter filter, PageRequest page, SortRequest sort) {
    List<T> matches = new ArrayList<>();
    String key = indexedEquality(filter);
    if (key != null) {
      String id = byKey.get(key);
      T found = id == null ? null : byId.get(id);
      if (found != null) {
        matches.add(found);
      }
    } else {
      Predicate<ScimResource> test =
          filter == null ? r -> true : FilterExpressions.inMemory(filter, schemas.getSchema(schemaUrn));
      for (T r : byId.values()) {
        if (test.test(r)) {
          matches.add(r);
        }
      }
    }
    int from = page.getStartIndex() == null ? 0 : Math.max(0, page.getStartIndex() - 1);
    int count = page.getCount() == null ? matches.size() : page.getCount();
    int to = (int) Math.min(matches.size(), (long) Math.min(from, matches.size()) + count);
    return new FilterResponse<>(matches.subList(Math.min(from, matches.size()), to), page, matches.size());
  }
}
