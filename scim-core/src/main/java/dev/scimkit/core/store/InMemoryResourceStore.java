package dev.scimkit.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One resource type of {@link InMemoryStore}. Writes of a tenant run under that tenant's lock,
 * which {@link InMemoryStore} shares among all types and holds for a whole unit of work: that
 * makes uniqueness, version checks and membership changes atomic, and every write records how to
 * undo itself should the unit fail. Reads of resources do not lock.
 */
final class InMemoryResourceStore implements GroupStore {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A unique attribute: top-level, single-valued, simple, with uniqueness server or global. */
  private record UniqueKey(ResolvedAttribute attribute) {
    String key(ObjectNode document) {
      JsonNode container = attribute.extension() ? document.path(attribute.schema()) : document;
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
  private final InMemoryStore owner;

  InMemoryResourceStore(ResourceType type, Clock clock, InMemoryStore owner) {
    this.type = type;
    this.clock = clock;
    this.owner = owner;
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

  /**
   * One tenant's resources of this type, with their indexes. The maps are concurrent so that
   * reads need no lock, and striped ({@link StripedMap}) so that no write waits while a whole
   * index moves to a larger table; {@link #members} (per group) is read and written under the
   * tenant lock.
   * {@link #byExternalId} maps a folded externalId to the one id that has it, or to a set of ids
   * when several have it (externalId is not unique), which saves a set per resource.
   */
  private final class Partition {
    final Map<String, Entry> byId = new StripedMap<>();
    final ConcurrentSkipListMap<Long, String> order = new ConcurrentSkipListMap<>();
    final List<Map<String, String>> unique = new ArrayList<>();
    final Map<String, Object> byExternalId = new StripedMap<>();
    final Map<String, Members> members = new StripedMap<>();
    final Map<String, Set<String>> memberOf = new StripedMap<>();
    final AtomicLong sequence = new AtomicLong();

    Partition() {
      for (int i = 0; i < uniqueKeys.size(); i++) {
        unique.add(new StripedMap<>());
      }
    }
  }

  /**
   * A stored resource: its document as {@link DocumentBytes#compact} keeps it (JSON bytes, parsed
   * again whenever it is read), and its name as others show it ({@link #nameOf}): what {@link
   * #groupsOf} answers for each group of a member, and {@code members[].display} for each member,
   * without parsing a document.
   */
  private record Entry(
      String id, long version, Instant created, Instant lastModified, Object json, String display, long sequence) {

    Entry {
      // one instant for both while the resource is unchanged
      lastModified = lastModified.equals(created) ? created : lastModified;
    }

    static Entry of(StoredResource r, long sequence) {
      return new Entry(r.id(), r.version(), r.created(), r.lastModified(), DocumentBytes.compact(r.document()),
          nameOf(r.document()), sequence);
    }

    StoredResource resource() {
      return new StoredResource(id, version, created, lastModified, document());
    }

    ObjectNode document() {
      return DocumentBytes.expand(json);
    }

    /** This entry with another version and modification time, its document unchanged. */
    Entry touched(long newVersion, Instant when) {
      return new Entry(id, newVersion, created, when, json, display, sequence);
    }
  }

  /**
   * A group's members in the order they were added. Each keeps the position it was added at, so
   * that undoing a removal puts it back exactly where it was.
   */
  private static final class Members {
    private final Map<String, Long> positions = new HashMap<>();
    private final TreeMap<Long, Member> ordered = new TreeMap<>();
    private long next;

    boolean add(Member m) {
      if (positions.containsKey(m.value())) {
        return false;
      }
      long position = next++;
      positions.put(m.value(), position);
      ordered.put(position, m);
      return true;
    }

    /** Removes a member; returns its position, or -1 if it was not one. */
    long remove(String id) {
      Long position = positions.remove(id);
      if (position == null) {
        return -1;
      }
      ordered.remove(position);
      return position;
    }

    void restore(long position, Member m) {
      positions.put(m.value(), position);
      ordered.put(position, m);
    }

    Member at(long position) {
      return ordered.get(position);
    }

    Collection<Member> inOrder() {
      return ordered.values();
    }
  }

  private Partition partition(RequestContext ctx) {
    return partitions.computeIfAbsent(ctx.tenant(), t -> new Partition());
  }

  // ---- CRUD ----------------------------------------------------------------------------------

  @Override
  public StoredResource create(StoredResource resource, RequestContext ctx) {
    Partition p = partition(ctx);
    return owner.locked(ctx, () -> {
      if (p.byId.containsKey(resource.id())) {
        throw ScimException.uniqueness(type.name() + " id " + resource.id() + " already exists");
      }
      StoredResource stored =
          new StoredResource(
              resource.id(), 1, resource.created(), resource.lastModified(), resource.document());
      checkUnique(p, stored.document(), null);
      Entry entry = Entry.of(stored, p.sequence.incrementAndGet());
      insert(p, entry, stored.document(), hasMembers ? new Members() : null);
      owner.onRollback(() -> {
        remove(p, entry, stored.document());
        p.members.remove(stored.id());
      });
      return stored;
    });
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
    return owner.locked(ctx, () -> {
      Entry current = require(p, resource.id());
      checkVersion(current, expectedVersion);
      StoredResource next =
          new StoredResource(
              current.id(), current.version() + 1, current.created(), resource.lastModified(), resource.document());
      checkUnique(p, next.document(), current.id());
      Entry changed = Entry.of(next, current.sequence());
      ObjectNode before = current.document();
      swap(p, current, before, changed, next.document());
      owner.onRollback(() -> swap(p, changed, next.document(), current, before));
      return next;
    });
  }

  @Override
  public void delete(String id, long expectedVersion, RequestContext ctx) {
    Partition p = partition(ctx);
    owner.locked(ctx, () -> {
      Entry current = require(p, id);
      checkVersion(current, expectedVersion);
      ObjectNode document = current.document();
      remove(p, current, document);
      Members members = p.members.remove(id);
      if (members != null) {
        for (Member m : members.inOrder()) {
          unlink(p, m.value(), id);
        }
      }
      owner.onRollback(() -> {
        insert(p, current, document, members);
        if (members != null) {
          for (Member m : members.inOrder()) {
            link(p, m.value(), id);
          }
        }
      });
      return null;
    });
  }

  private void insert(Partition p, Entry entry, ObjectNode document, Members members) {
    p.byId.put(entry.id(), entry);
    p.order.put(entry.sequence(), entry.id());
    index(p, entry.id(), document);
    if (members != null) {
      p.members.put(entry.id(), members);
    }
  }

  private void remove(Partition p, Entry entry, ObjectNode document) {
    unindex(p, entry.id(), document);
    p.byId.remove(entry.id());
    p.order.remove(entry.sequence());
  }

  /** Replaces {@code from} by {@code to}, the same resource in another state (with its document). */
  private void swap(Partition p, Entry from, ObjectNode fromDocument, Entry to, ObjectNode toDocument) {
    unindex(p, from.id(), fromDocument);
    p.byId.put(to.id(), to);
    index(p, to.id(), toDocument);
  }

  private Entry require(Partition p, String id) {
    Entry e = p.byId.get(id);
    if (e == null) {
      throw ScimException.notFound(type.name(), id);
    }
    return e;
  }

  private void checkVersion(Entry current, long expectedVersion) {
    if (expectedVersion != ANY_VERSION && expectedVersion != current.version()) {
      throw ScimException.preconditionFailed(
          type.name() + " " + current.id() + " has changed (version " + current.version() + ")");
    }
  }

  private void checkUnique(Partition p, ObjectNode document, String self) {
    for (int i = 0; i < uniqueKeys.size(); i++) {
      String key = uniqueKeys.get(i).key(document);
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

  private void index(Partition p, String id, ObjectNode document) {
    for (int i = 0; i < uniqueKeys.size(); i++) {
      String key = uniqueKeys.get(i).key(document);
      if (key != null) {
        p.unique.get(i).put(key, id);
      }
    }
    String externalId = externalId(document);
    if (externalId != null) {
      p.byExternalId.merge(externalId, id, InMemoryResourceStore::withId);
    }
  }

  private void unindex(Partition p, String id, ObjectNode document) {
    for (int i = 0; i < uniqueKeys.size(); i++) {
      String key = uniqueKeys.get(i).key(document);
      if (key != null) {
        p.unique.get(i).remove(key, id);
      }
    }
    String externalId = externalId(document);
    if (externalId != null) {
      p.byExternalId.computeIfPresent(externalId, (k, ids) -> withoutId(ids, id));
    }
  }

  /** An externalId's ids (one id, or a set of several) with {@code id} added (a new set). */
  private static Object withId(Object ids, Object id) {
    Set<String> out = new HashSet<>();
    addIds(ids, out);
    addIds(id, out);
    return out.size() == 1 ? out.iterator().next() : Set.copyOf(out);
  }

  /** An externalId's ids without {@code id}, or {@code null} when none is left. */
  private static Object withoutId(Object ids, String id) {
    Set<String> out = new HashSet<>();
    addIds(ids, out);
    out.remove(id);
    return out.isEmpty() ? null : out.size() == 1 ? out.iterator().next() : Set.copyOf(out);
  }

  @SuppressWarnings("unchecked")
  private static void addIds(Object ids, Set<String> out) {
    if (ids instanceof String id) {
      out.add(id);
    } else {
      out.addAll((Set<String>) ids);
    }
  }

  /** The externalId index key: matched ignoring case, like {@link CommonAttributes#EXTERNAL_ID}. */
  private static String externalId(ObjectNode document) {
    JsonNode v = document.get("externalId");
    return v == null || !v.isTextual() ? null : v.asText().toLowerCase(Locale.ROOT);
  }

  // ---- search --------------------------------------------------------------------------------

  @Override
  public SearchResult search(SearchRequest request, RequestContext ctx) {
    Partition p = partitions.get(ctx.tenant());
    if (p == null) {
      return new SearchResult(List.of(), 0);
    }
    if (request.keyset() != null) {
      return keysetPage(p, request, ctx);
    }
    Filter filter = request.filter();
    CompiledFilter compiled = filter == null ? null : evaluator.compile(filter);
    Function<String, JsonNode> noExtra = name -> null;
    List<StoredResource> candidates = candidates(p, filter);
    List<StoredResource> matches;
    if (compiled == null) {
      matches = candidates; // parsed only where read: the page, or all of them to sort
    } else {
      matches = new ArrayList<>();
      for (StoredResource candidate : candidates) {
        if (compiled.matches(candidate, hasMembers ? membersOf(p, candidate.id(), ctx) : noExtra)) {
          matches.add(candidate);
        }
      }
    }
    if (request.sortBy() != null) {
      matches = Sorting.sort(matches, request.sortBy(), request.sortOrder());
    }
    int from = Math.min(request.startIndex() - 1, matches.size());
    int to = (int) Math.min((long) from + request.count(), matches.size());
    return new SearchResult(matches.subList(from, to), matches.size());
  }

  /** Keyset paging is always on: the position is a resource's creation sequence number. */
  @Override
  public boolean keysetPaging() {
    return true;
  }

  /**
   * A page of keyset paging: a seek into the creation order (or into the few candidates an index
   * picks out), evaluating the filter until the page is full.
   */
  private SearchResult keysetPage(Partition p, SearchRequest request, RequestContext ctx) {
    Keyset keyset = request.keyset();
    Filter filter = request.filter();
    Set<String> ids = filter == null ? null : indexedIds(p, filter);
    NavigableMap<Long, String> order = p.order;
    if (ids != null) {
      order = new TreeMap<>();
      for (String id : ids) {
        Entry e = p.byId.get(id);
        if (e != null) {
          order.put(e.sequence(), id);
        }
      }
    }
    boolean after = keyset.direction() == Keyset.Direction.AFTER;
    if (keyset.position() != null) {
      long position = keyset.sequence();
      order = after ? order.tailMap(position, false) : order.headMap(position, false);
    }
    CompiledFilter compiled = filter == null ? null : evaluator.compile(filter);
    Function<String, JsonNode> noExtra = name -> null;
    List<StoredResource> page = new ArrayList<>();
    List<String> positions = new ArrayList<>();
    for (Map.Entry<Long, String> o : (after ? order : order.descendingMap()).entrySet()) {
      if (page.size() >= request.count()) {
        break;
      }
      Entry e = p.byId.get(o.getValue());
      if (e == null || e.sequence() != o.getKey()) {
        continue; // deleted since
      }
      StoredResource candidate = e.resource();
      if (compiled == null
          || compiled.matches(candidate, hasMembers ? membersOf(p, candidate.id(), ctx) : noExtra)) {
        page.add(candidate);
        positions.add(Long.toString(e.sequence()));
      }
    }
    if (!after) {
      Collections.reverse(page);
      Collections.reverse(positions);
    }
    return SearchResult.keysetPage(page, positions);
  }


  /**
   * The resources worth evaluating: those an indexed equality in the filter picks out (in the
   * default order), else all of them in creation order. Each is parsed when the list's element is
   * read, not before.
   */
  private List<StoredResource> candidates(Partition p, Filter filter) {
    Set<String> ids = filter == null ? null : indexedIds(p, filter);
    List<Entry> entries = new ArrayList<>(ids == null ? p.byId.size() : ids.size());
    for (String id : ids == null ? p.order.values() : ids) {
      Entry e = p.byId.get(id);
      if (e != null) {
        entries.add(e);
      }
    }
    if (ids != null) {
      entries.sort(Comparator.comparingLong(Entry::sequence));
    }
    return new AbstractList<>() {
      @Override
      public StoredResource get(int index) {
        return entries.get(index).resource();
      }

      @Override
      public int size() {
        return entries.size();
      }
    };
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
        Object ids = p.byExternalId.get(s.value().toLowerCase(Locale.ROOT));
        Set<String> out = new HashSet<>();
        if (ids != null) {
          addIds(ids, out);
        }
        return out;
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
  private Function<String, JsonNode> membersOf(Partition p, String groupId, RequestContext ctx) {
    return name -> {
      if (!name.equals("members")) {
        return null;
      }
      ArrayNode array = NODES.arrayNode();
      owner.locked(ctx, () -> {
        Members members = p.members.get(groupId);
        if (members != null) {
          for (Member m : members.inOrder()) {
            var node = array.addObject().put("value", m.value());
            if (m.type() != null) {
              node.put("type", m.type());
            }
          }
        }
        return null;
      });
      return array;
    };
  }

  // ---- membership ----------------------------------------------------------------------------

  @Override
  public void addMembers(String groupId, Collection<Member> members, RequestContext ctx) {
    Partition p = partition(ctx);
    owner.locked(ctx, () -> {
      Entry group = require(p, groupId);
      Members current = p.members.computeIfAbsent(groupId, k -> new Members());
      List<String> added = new ArrayList<>();
      for (Member m : members) {
        if (current.add(m)) {
          link(p, m.value(), groupId);
          added.add(m.value());
        }
      }
      if (!added.isEmpty()) {
        owner.onRollback(() -> {
          for (String id : added) {
            current.remove(id);
            unlink(p, id, groupId);
          }
        });
        touch(p, group);
      }
      return null;
    });
  }

  @Override
  public void removeMembers(String groupId, Collection<String> memberIds, RequestContext ctx) {
    Partition p = partition(ctx);
    owner.locked(ctx, () -> {
      Entry group = require(p, groupId);
      Members current = p.members.get(groupId);
      if (current == null) {
        return null;
      }
      Map<Long, Member> removed = new LinkedHashMap<>();
      for (String id : memberIds) {
        Member m = current.positions.containsKey(id) ? current.at(current.positions.get(id)) : null;
        if (m != null) {
          removed.put(current.remove(id), m);
          unlink(p, id, groupId);
        }
      }
      if (!removed.isEmpty()) {
        owner.onRollback(() -> removed.forEach((position, m) -> {
          current.restore(position, m);
          link(p, m.value(), groupId);
        }));
        touch(p, group);
      }
      return null;
    });
  }

  @Override
  public void replaceMembers(String groupId, Collection<Member> members, RequestContext ctx) {
    Partition p = partition(ctx);
    owner.locked(ctx, () -> {
      Entry group = require(p, groupId);
      Members previous = p.members.get(groupId);
      Members next = new Members();
      for (Member m : members) {
        next.add(m);
      }
      relink(p, groupId, previous, next);
      owner.onRollback(() -> relink(p, groupId, next, previous));
      touch(p, group);
      return null;
    });
  }

  /** Makes {@code to} the group's member list in place of {@code from} (either may be null). */
  private void relink(Partition p, String groupId, Members from, Members to) {
    if (from != null) {
      for (Member m : from.inOrder()) {
        unlink(p, m.value(), groupId);
      }
    }
    if (to == null) {
      p.members.remove(groupId);
      return;
    }
    p.members.put(groupId, to);
    for (Member m : to.inOrder()) {
      link(p, m.value(), groupId);
    }
  }

  @Override
  public List<Member> members(String groupId, RequestContext ctx) {
    Partition p = partition(ctx);
    List<Member> members = owner.locked(ctx, () -> {
      require(p, groupId);
      Members current = p.members.get(groupId);
      return current == null ? List.<Member>of() : List.copyOf(current.inOrder());
    });
    List<Member> out = new ArrayList<>(members.size());
    for (Member m : members) {
      out.add(new Member(m.value(), m.type(), owner.displayOf(m.type(), m.value(), ctx)));
    }
    return out;
  }

  /** A resource's name for {@code members[].display}: displayName, else userName; or null. */
  String display(String id, RequestContext ctx) {
    Partition p = partitions.get(ctx.tenant());
    Entry e = p == null ? null : p.byId.get(id);
    return e == null ? null : e.display();
  }

  /** A document's name as others show it: its displayName, else its userName; or null. */
  private static String nameOf(ObjectNode document) {
    JsonNode name = document.get("displayName");
    if (name == null || !name.isValueNode() || name.isNull()) {
      name = document.get("userName");
    }
    return name == null || !name.isValueNode() || name.isNull() ? null : name.asText();
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
        out.add(new GroupRef(groupId, e.display()));
      }
    }
    return out;
  }

  private static void link(InMemoryResourceStore.Partition p, String memberId, String groupId) {
    p.memberOf.computeIfAbsent(memberId, k -> ConcurrentHashMap.newKeySet()).add(groupId);
  }

  private static void unlink(InMemoryResourceStore.Partition p, String memberId, String groupId) {
    Set<String> groups = p.memberOf.get(memberId);
    if (groups != null) {
      groups.remove(groupId);
      if (groups.isEmpty()) {
        p.memberOf.remove(memberId);
      }
    }
  }

  /** Gives the group a new version and modification time (undone with the unit). */
  private void touch(Partition p, Entry group) {
    Entry before = p.byId.get(group.id());
    Entry after = before.touched(before.version() + 1, clock.instant());
    p.byId.put(group.id(), after);
    owner.onRollback(() -> p.byId.put(group.id(), before));
  }
}
