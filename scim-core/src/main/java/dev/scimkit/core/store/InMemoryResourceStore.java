package dev.scimkit.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.CommonAttributes;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schema;
import dev.scimkit.core.schema.Uniqueness;
import dev.scimkit.core.search.CompiledFilter;
import dev.scimkit.core.search.FilterEvaluator;
import dev.scimkit.core.search.Sorting;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One resource type of {@link InMemoryStore}. Writes of a tenant are serialised on that tenant's
 * partition, which makes uniqueness, version checks and membership changes atomic; reads do not
 * lock.
 */
final class InMemoryResourceStore implements GroupStore {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A unique attribute: top-level, single-valued, simple, with uniqueness server or global. */
  private record UniqueKey(ResolvedAttribute attribute) {
    String key(StoredResource r) {
      JsonNode container =
          attribute.extension() ? r.document().path(attribute.schema()) : r.document();
      JsonNode v = container.get(attribute.attribute().name());
      if (v == null || v.isNull() || v.isContainerNode()) {
        return null;
      }
      String s = v.asText();
      return attribute.attribute().caseExact() ? s : s.toLowerCase(Locale.ROOT);
    }
  }

  private final ResourceType type;
  private final FilterEvaluator evaluator;
  private final List<UniqueKey> uniqueKeys;
  private final boolean hasMembers;
  private final Map<String, Partition> partitions = new ConcurrentHashMap<>();

  private final Clock clock;

  InMemoryResourceStore(ResourceType type, Clock clock) {
    this.type = type;
    this.clock = clock;
    this.evaluator = FilterEvaluator.forType(type);
    this.uniqueKeys = uniqueKeys(type);
    this.hasMembers = type.hasMembers();
  }

  private static List<UniqueKey> uniqueKeys(ResourceType type) {
    List<UniqueKey> keys = new ArrayList<>();
    addUniqueKeys(keys, type.schema(), false);
    for (ResourceType.Extension e : type.extensions()) {
      addUniqueKeys(keys, e.schema(), true);
    }
    return List.copyOf(keys);
  }

  private static void addUniqueKeys(List<UniqueKey> keys, Schema schema, boolean extension) {
    for (Attribute a : schema.attributes()) {
      if (a.uniqueness() != Uniqueness.NONE && !a.multiValued() && !a.isComplex()) {
        keys.add(new UniqueKey(new ResolvedAttribute(schema.id(), extension, a, null)));
      }
    }
  }

  /** One tenant's resources of this type, with their indexes. */
  private final class Partition {
    final Map<String, Entry> byId = new ConcurrentHashMap<>();
    final ConcurrentSkipListMap<Long, String> order = new ConcurrentSkipListMap<>();
    final List<Map<String, String>> unique = new ArrayList<>();
    final Map<String, Set<String>> byExternalId = new ConcurrentHashMap<>();
    final Map<String, LinkedHashMap<String, Member>> members = new ConcurrentHashMap<>();
    final Map<String, Set<String>> memberOf = new ConcurrentHashMap<>();
    final AtomicLong sequence = new AtomicLong();

    Partition() {
      for (int i = 0; i < uniqueKeys.size(); i++) {
        unique.add(new ConcurrentHashMap<>());
      }
    }
  }

  private record Entry(StoredResource resource, long sequence) {}

  private Partition partition(RequestContext ctx) {
    return partitions.computeIfAbsent(ctx.tenant(), t -> new Partition());
  }

  // ---- CRUD ----------------------------------------------------------------------------------

  @Override
  public StoredResource create(StoredResource resource, RequestContext ctx) {
    Partition p = partition(ctx);
    synchronized (p) {
      if (p.byId.containsKey(resource.id())) {
        throw ScimException.uniqueness(type.name() + " id " + resource.id() + " already exists");
      }
      StoredResource stored =
          new StoredResource(
              resource.id(), 1, resource.created(), resource.lastModified(), resource.document());
      checkUnique(p, stored, null);
      long seq = p.sequence.incrementAndGet();
      p.byId.put(stored.id(), new Entry(stored, seq));
      p.order.put(seq, stored.id());
      index(p, stored);
      if (hasMembers) {
        p.members.put(stored.id(), new LinkedHashMap<>());
      }
      return stored;
    }
  }

  @Override
  public Optional<StoredResource> get(String id, RequestContext ctx) {
    Partition p = partitions.get(ctx.tenant());
    if (p == null) {
      return Optional.empty();
    }
    Entry e = p.byId.get(id);
    return e == null ? Optional.empty() : Optional.of(e.resource());
  }

  @Override
  public StoredResource replace(StoredResource resource, long expectedVersion, RequestContext ctx) {
    Partition p = partition(ctx);
    synchronized (p) {
      Entry current = require(p, resource.id());
      checkVersion(current.resource(), expectedVersion);
      StoredResource next =
          current.resource()
              .withChange(
                  current.resource().version() + 1, resource.lastModified(), resource.document());
      checkUnique(p, next, current.resource().id());
      unindex(p, current.resource());
      p.byId.put(next.id(), new Entry(next, current.sequence()));
      index(p, next);
      return next;
    }
  }

  @Override
  public void delete(String id, long expectedVersion, RequestContext ctx) {
    Partition p = partition(ctx);
    synchronized (p) {
      Entry current = require(p, id);
      checkVersion(current.resource(), expectedVersion);
      unindex(p, current.resource());
      p.byId.remove(id);
      p.order.remove(current.sequence());
      LinkedHashMap<String, Member> members = p.members.remove(id);
      if (members != null) {
        for (String memberId : members.keySet()) {
          unlink(p, memberId, id);
        }
      }
    }
  }

  private Entry require(Partition p, String id) {
    Entry e = p.byId.get(id);
    if (e == null) {
      throw ScimException.notFound(type.name(), id);
    }
    return e;
  }

  private void checkVersion(StoredResource current, long expectedVersion) {
    if (expectedVersion != ANY_VERSION && expectedVersion != current.version()) {
      throw ScimException.preconditionFailed(
          type.name() + " " + current.id() + " has changed (version " + current.version() + ")");
    }
  }

  private void checkUnique(Partition p, StoredResource r, String self) {
    for (int i = 0; i < uniqueKeys.size(); i++) {
      String key = uniqueKeys.get(i).key(r);
      if (key == null) {
        continue;
      }
      String owner = p.unique.get(i).get(key);
      if (owner != null && !owner.equals(self)) {
        throw ScimException.uniqueness(
            type.name() + " with this " + uniqueKeys.get(i).attribute().attribute().name()
                + " already exists");
      }
    }
  }

  private void index(Partition p, StoredResource r) {
    for (int i = 0; i < uniqueKeys.size(); i++) {
      String key = uniqueKeys.get(i).key(r);
      if (key != null) {
        p.unique.get(i).put(key, r.id());
      }
    }
    String externalId = externalId(r);
    if (externalId != null) {
      p.byExternalId.computeIfAbsent(externalId, k -> ConcurrentHashMap.newKeySet()).add(r.id());
    }
  }

  private void unindex(Partition p, StoredResource r) {
    for (int i = 0; i < uniqueKeys.size(); i++) {
      String key = uniqueKeys.get(i).key(r);
      if (key != null) {
        p.unique.get(i).remove(key, r.id());
      }
    }
    String externalId = externalId(r);
    if (externalId != null) {
      Set<String> ids = p.byExternalId.get(externalId);
      if (ids != null) {
        ids.remove(r.id());
        if (ids.isEmpty()) {
          p.byExternalId.remove(externalId);
        }
      }
    }
  }

  /** The externalId index key: matched ignoring case, like {@link CommonAttributes#EXTERNAL_ID}. */
  private static String externalId(StoredResource r) {
    JsonNode v = r.document().get("externalId");
    return v == null || !v.isTextual() ? null : v.asText().toLowerCase(Locale.ROOT);
  }

  // ---- search --------------------------------------------------------------------------------

  @Override
  public SearchResult search(SearchRequest request, RequestContext ctx) {
    Partition p = partitions.get(ctx.tenant());
    if (p == null) {
      return new SearchResult(List.of(), 0);
    }
    Filter filter = request.filter();
    CompiledFilter compiled = filter == null ? null : evaluator.compile(filter);
    Function<String, JsonNode> noExtra = name -> null;
    List<StoredResource> matches = new ArrayList<>();
    for (StoredResource candidate : candidates(p, filter)) {
      if (compiled == null
          || compiled.matches(candidate, hasMembers ? membersOf(p, candidate.id()) : noExtra)) {
        matches.add(candidate);
      }
    }
    if (request.sortBy() != null) {
      matches = Sorting.sort(matches, request.sortBy(), request.sortOrder());
    }
    int from = Math.min(request.startIndex() - 1, matches.size());
    int to = (int) Math.min((long) from + request.count(), matches.size());
    return new SearchResult(matches.subList(from, to), matches.size());
  }

  /**
   * The resources worth evaluating: those an indexed equality in the filter picks out (in the
   * default order), else all of them in creation order.
   */
  private Collection<StoredResource> candidates(Partition p, Filter filter) {
    Set<String> ids = filter == null ? null : indexedIds(p, filter);
    if (ids == null) {
      List<StoredResource> all = new ArrayList<>(p.byId.size());
      for (String id : p.order.values()) {
        Entry e = p.byId.get(id);
        if (e != null) {
          all.add(e.resource());
        }
      }
      return all;
    }
    List<Entry> entries = new ArrayList<>(ids.size());
    for (String id : ids) {
      Entry e = p.byId.get(id);
      if (e != null) {
        entries.add(e);
      }
    }
    entries.sort(Comparator.comparingLong(Entry::sequence));
    List<StoredResource> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      out.add(e.resource());
    }
    return out;
  }

  /** The ids an index yields for an equality in {@code filter}, or {@code null} if none applies. */
  private Set<String> indexedIds(Partition p, Filter filter) {
    if (filter instanceof Filter.And and) {
      for (Filter operand : and.operands()) {
        Set<String> ids = indexedIds(p, operand);
        if (ids != null) {
          return ids;
        }
      }
      return null;
    }
    if (!(filter instanceof Filter.Comparison c)
        || c.operator() != ComparisonOperator.EQ
        || !(c.value() instanceof FilterValue.StringValue s)) {
      return null;
    }
    ResolvedAttribute r = type.resolve(c.attribute());
    if (r == null || r.subAttribute() != null) {
      return null;
    }
    String name = r.attribute().name();
    if (r.schema().equals(CommonAttributes.URN)) {
      if (name.equals("id")) {
        return p.byId.containsKey(s.value()) ? Set.of(s.value()) : Set.of();
      }
      if (name.equals("externalId")) {
        Set<String> ids = p.byExternalId.get(s.value().toLowerCase(Locale.ROOT));
        return ids == null ? Set.of() : new HashSet<>(ids);
      }
      return null;
    }
    for (int i = 0; i < uniqueKeys.size(); i++) {
      ResolvedAttribute u = uniqueKeys.get(i).attribute();
      if (u.schema().equals(r.schema()) && u.attribute().name().equals(name)
          && u.attribute().type() == AttributeType.STRING) {
        String key = u.attribute().caseExact() ? s.value() : s.value().toLowerCase(Locale.ROOT);
        String id = p.unique.get(i).get(key);
        return id == null ? Set.of() : Set.of(id);
      }
    }
    return null;
  }

  /** Supplies a group's {@code members} to the evaluator on demand, without copying documents. */
  private Function<String, JsonNode> membersOf(Partition p, String groupId) {
    return name -> {
      if (!name.equals("members")) {
        return null;
      }
      ArrayNode array = NODES.arrayNode();
      synchronized (p) {
        LinkedHashMap<String, Member> members = p.members.get(groupId);
        if (members != null) {
          for (Member m : members.values()) {
            var node = array.addObject().put("value", m.value());
            if (m.type() != null) {
              node.put("type", m.type());
            }
          }
        }
      }
      return array;
    };
  }

  // ---- membership ----------------------------------------------------------------------------

  @Override
  public void addMembers(String groupId, Collection<Member> members, RequestContext ctx) {
    Partition p = partition(ctx);
    synchronized (p) {
      Entry group = require(p, groupId);
      LinkedHashMap<String, Member> current = p.members.computeIfAbsent(groupId, k -> new LinkedHashMap<>());
      boolean changed = false;
      for (Member m : members) {
        if (!current.containsKey(m.value())) {
          current.put(m.value(), m);
          p.memberOf.computeIfAbsent(m.value(), k -> ConcurrentHashMap.newKeySet()).add(groupId);
          changed = true;
        }
      }
      if (changed) {
        touch(p, group);
      }
    }
  }

  @Override
  public void removeMembers(String groupId, Collection<String> memberIds, RequestContext ctx) {
    Partition p = partition(ctx);
    synchronized (p) {
      Entry group = require(p, groupId);
      LinkedHashMap<String, Member> current = p.members.get(groupId);
      boolean changed = false;
      if (current != null) {
        for (String id : memberIds) {
          if (current.remove(id) != null) {
            unlink(p, id, groupId);
            changed = true;
          }
        }
      }
      if (changed) {
        touch(p, group);
      }
    }
  }

  @Override
  public void replaceMembers(String groupId, Collection<Member> members, RequestContext ctx) {
    Partition p = partition(ctx);
    synchronized (p) {
      Entry group = require(p, groupId);
      LinkedHashMap<String, Member> current = p.members.computeIfAbsent(groupId, k -> new LinkedHashMap<>());
      for (String id : current.keySet()) {
        unlink(p, id, groupId);
      }
      current.clear();
      for (Member m : members) {
        current.putIfAbsent(m.value(), m);
        p.memberOf.computeIfAbsent(m.value(), k -> ConcurrentHashMap.newKeySet()).add(groupId);
      }
      touch(p, group);
    }
  }

  @Override
  public List<Member> members(String groupId, RequestContext ctx) {
    Partition p = partition(ctx);
    synchronized (p) {
      require(p, groupId);
      LinkedHashMap<String, Member> current = p.members.get(groupId);
      return current == null ? List.of() : List.copyOf(current.values());
    }
  }

  @Override
  public List<GroupRef> groupsOf(String memberId, RequestContext ctx) {
    Partition p = partitions.get(ctx.tenant());
    if (p == null) {
      return List.of();
    }
    Set<String> groupIds = p.memberOf.get(memberId);
    if (groupIds == null) {
      return List.of();
    }
    List<GroupRef> out = new ArrayList<>(groupIds.size());
    for (String groupId : groupIds) {
      Entry e = p.byId.get(groupId);
      if (e != null) {
        JsonNode name = e.resource().document().get("displayName");
        out.add(new GroupRef(groupId, name == null ? null : name.asText()));
      }
    }
    return out;
  }

  private void unlink(Partition p, String memberId, String groupId) {
    Set<String> groups = p.memberOf.get(memberId);
    if (groups != null) {
      groups.remove(groupId);
      if (groups.isEmpty()) {
        p.memberOf.remove(memberId);
      }
    }
  }

  private void touch(Partition p, Entry group) {
    StoredResource r = group.resource();
    StoredResource next = r.withChange(r.version() + 1, clock.instant(), r.document());
    p.byId.put(r.id(), new Entry(next, group.sequence()));
  }
}
