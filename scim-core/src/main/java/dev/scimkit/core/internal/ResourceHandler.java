package dev.scimkit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ListResponse;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimResource;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.SearchParameters;
import dev.scimkit.core.audit.AuditEvent;
import dev.scimkit.core.audit.AuditListener;
import dev.scimkit.core.event.ProvisioningEvent;
import dev.scimkit.core.patch.MembershipChange;
import dev.scimkit.core.patch.PatchApplier;
import dev.scimkit.core.patch.PatchRequest;
import dev.scimkit.core.patch.PatchResult;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.search.FilterEvaluator;
import dev.scimkit.core.search.Paging;
import dev.scimkit.core.search.Projection;
import dev.scimkit.core.store.GroupRef;
import dev.scimkit.core.store.GroupStore;
import dev.scimkit.core.store.Keyset;
import dev.scimkit.core.store.Member;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.SortOrder;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.core.validation.ResourceCheck;
import dev.scimkit.filter.AttributePath;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterLimits;
import dev.scimkit.filter.FilterParseException;
import dev.scimkit.filter.FilterValue;
import dev.scimkit.filter.Filters;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the SCIM operations for one resource type: normalise, validate, call the store,
 * render and project. {@link dev.scimkit.core.ScimEngine} holds one per type.
 */
public final class ResourceHandler {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Logger LOG = LoggerFactory.getLogger(ResourceHandler.class);

  /** What all handlers of one engine share. */
  public record Shared(
      Clock clock,
      Supplier<String> idGenerator,
      int maxPageSize,
      FilterLimits filterLimits,
      Map<String, ResourceStore> stores,
      Map<String, ResourceType> types,
      Map<String, List<ResourceCheck>> checks,
      List<AuditListener> auditListeners,
      StoreProvider units,
      EventRecorder events,
      CursorWalk cursors) {

    /** The store of the first type with members (the groups), or {@code null}. */
    GroupStore groupStore() {
      ResourceType t = groupType();
      return t == null ? null : (GroupStore) stores.get(t.name());
    }

    /** The first type with members whose store keeps them (the groups), or {@code null}. */
    ResourceType groupType() {
      for (ResourceType t : types.values()) {
        if (t.hasMembers() && stores.get(t.name()) instanceof GroupStore) {
          return t;
        }
      }
      return null;
    }
  }

  private final ResourceType type;
  private final Shared shared;
  private final ResourceStore store;
  private final GroupStore membership;
  private final GroupStore groupsOfStore;
  private final ResourceNormalizer normalizer;
  private final ResourceValidator validator;
  private final FilterEvaluator evaluator;
  private final PatchApplier patcher;
  private final Paging paging;
  private final ResolvedAttribute membersAttribute;
  private final ResolvedAttribute groupsAttribute;
  private final List<ResourceCheck> checks;
  private final StoreUnits units;
  private final EventRecorder events;
  private final ResolvedAttribute idAttribute;

  private static final AttributePath ID_PATH = new AttributePath(null, "id", null);

  public ResourceHandler(ResourceType type, Shared shared) {
    this.type = type;
    this.shared = shared;
    this.store = shared.stores().get(type.name());
    if (type.hasMembers() && !(store instanceof GroupStore)) {
      throw new IllegalStateException(
          "the store of " + type.name() + " must be a GroupStore: it has members");
    }
    this.membership = type.hasMembers() ? (GroupStore) store : null;
    this.groupsAttribute = type.resolve(null, "groups", null);
    this.groupsOfStore = groupsAttribute != null ? shared.groupStore() : null;
    this.membersAttribute = type.hasMembers() ? type.resolve(null, "members", null) : null;
    this.normalizer = new ResourceNormalizer(type);
    this.validator = new ResourceValidator(type);
    this.evaluator = FilterEvaluator.forType(type);
    this.patcher = PatchApplier.forType(type);
    this.paging = Paging.withMaxCount(shared.maxPageSize());
    this.checks = shared.checks().getOrDefault(type.name(), List.of());
    this.units = new StoreUnits(shared.units());
    this.events = shared.events();
    this.idAttribute = type.resolve(ID_PATH);
  }

  public ResourceType type() {
    return type;
  }

  // ---- operations ------------------------------------------------------------------------------
  //
  // Each operation does everything that depends only on the request first, then runs its store
  // calls as one unit of work (see StoreProvider#transaction): reads, member checks and writes
  // commit together or not at all, and only then are audit listeners told. The work of a unit
  // must be repeatable (a store may retry it), so it never changes what it was given.

  /**
   * What a unit of work that changed a resource hands back: the answer, the names of what changed
   * (for audit), and the events it appended (delivered once it commits).
   */
  private record Outcome(ScimResource resource, Set<String> changed, List<ProvisioningEvent> events) {}

  public ScimResource create(JsonNode body, RequestContext ctx, ResponseOptions options) {
    Projection projection = projection(options);
    ObjectNode doc = normalizer.normalizeResource(body);
    List<Member> requested = takeMembers(doc);
    validator.checkRequired(doc);
    runChecks(doc, ctx);
    String id = shared.idGenerator().get();
    Instant now = shared.clock().instant();
    Outcome created = units.write(ctx, () -> {
      List<Member> members = requested == null ? List.of() : resolveMembers(requested, ctx);
      StoredResource stored = store.create(new StoredResource(id, 1, now, now, doc), ctx);
      if (!members.isEmpty()) {
        membership.addMembers(id, members, ctx);
        stored = require(id, ctx);
      }
      List<ProvisioningEvent> evs =
          events.enabled() ? events.created(type, stored, ids(members), ctx) : List.of();
      events.append(evs, ctx);
      return new Outcome(render(stored, projection, options.baseUri(), ctx), null, evs);
    });
    Set<String> changed = AttributeDiff.names(NODES.objectNode(), doc);
    if (requested != null && !requested.isEmpty()) {
      changed.add(membersAttribute.attribute().name());
    }
    audit(AuditEvent.Operation.CREATE, id, changed, ctx);
    events.committed(created.events());
    return created.resource();
  }

  public ScimResource get(String id, RequestContext ctx, ResponseOptions options) {
    Projection projection = projection(options);
    return units.read(ctx, () -> render(require(id, ctx), projection, options.baseUri(), ctx));
  }

  public ScimResource replace(
      String id, JsonNode body, long expectedVersion, RequestContext ctx, ResponseOptions options) {
    Projection projection = projection(options);
    ObjectNode input = normalizer.normalizeResource(body);
    boolean membersGiven = membership != null && hasKey(body, "members");
    List<Member> requested = takeMembers(input);
    boolean precondition = expectedVersion != ResourceStore.ANY_VERSION;
    Outcome outcome = units.change(ctx, precondition, () -> {
      StoredResource current = require(id, ctx);
      checkPrecondition(current, expectedVersion);
      ObjectNode doc = input.deepCopy();
      validator.carryOver(current.document(), doc, true);
      normalizer.rebuildSchemas(doc);
      validator.checkRequired(doc);
      runChecks(doc, ctx);
      // PUT with "members" replaces the list ("members": [] empties it); without, it is kept.
      List<Member> members = membersGiven ? resolveMembers(requested, ctx) : null;
      StoredResource stored =
          store.replace(
              current.withChange(current.version(), shared.clock().instant(), doc), current.version(), ctx);
      Set<String> changed = AttributeDiff.names(current.document(), doc);
      List<ProvisioningEvent> evs = new ArrayList<>();
      if (events.enabled()) {
        events.changed(type, current, stored, changed, ctx, evs);
      }
      if (membersGiven) {
        List<Member> before = events.enabled() ? membership.members(id, ctx) : List.of();
        membership.replaceMembers(id, members, ctx);
        changed.add(membersAttribute.attribute().name());
        stored = require(id, ctx);
        if (events.enabled()) {
          memberEvents(stored, before, members, ctx, evs);
        }
      }
      events.append(evs, ctx);
      return new Outcome(render(stored, projection, options.baseUri(), ctx), changed, evs);
    });
    audit(AuditEvent.Operation.REPLACE, id, outcome.changed(), ctx);
    events.committed(outcome.events());
    return outcome.resource();
  }

  public ScimResource patch(
      String id, JsonNode body, long expectedVersion, RequestContext ctx, ResponseOptions options) {
    Projection projection = projection(options);
    PatchRequest request = PatchRequest.fromJson(body);
    boolean precondition = expectedVersion != ResourceStore.ANY_VERSION;
    Outcome outcome = units.change(ctx, precondition, () -> {
      StoredResource current = require(id, ctx);
      checkPrecondition(current, expectedVersion);
      PatchResult result =
          patcher.apply(current.document(), request, () -> membership.members(id, ctx));
      MembershipChange change = result.membership();
      MembershipChange resolved = change == null ? null : resolveMembers(change, ctx);
      StoredResource stored = current;
      Set<String> changed = new TreeSet<>();
      List<ProvisioningEvent> evs = new ArrayList<>();
      if (result.documentChanged()) {
        ObjectNode doc = result.document();
        validator.carryOver(current.document(), doc, false);
        validator.checkRequired(doc);
        runChecks(doc, ctx);
        stored =
            store.replace(
                current.withChange(current.version(), shared.clock().instant(), doc),
                current.version(),
                ctx);
        changed = AttributeDiff.names(current.document(), stored.document());
        if (events.enabled()) {
          events.changed(type, current, stored, new TreeSet<>(changed), ctx, evs);
        }
      }
      if (resolved != null && !resolved.isEmpty()) {
        List<Member> before =
            events.enabled() && resolved.replaceAll() != null ? membership.members(id, ctx) : List.of();
        applyMembers(id, resolved, ctx);
        changed.add(membersAttribute.attribute().name());
        stored = require(id, ctx);
        if (events.enabled()) {
          if (resolved.replaceAll() != null) {
            memberEvents(stored, before, resolved.replaceAll(), ctx, evs);
          } else {
            events.members(ProvisioningEvent.Type.MEMBERS_REMOVED, type, stored, List.copyOf(resolved.remove()), ctx, evs);
            events.members(ProvisioningEvent.Type.MEMBERS_ADDED, type, stored, ids(resolved.add()), ctx, evs);
          }
        }
      }
      events.append(evs, ctx);
      boolean rendered = membership == null || options.projects();
      return new Outcome(rendered ? render(stored, projection, options.baseUri(), ctx) : null, changed, evs);
    });
    if (!outcome.changed().isEmpty()) {
      audit(AuditEvent.Operation.PATCH, id, outcome.changed(), ctx);
    }
    events.committed(outcome.events());
    return outcome.resource();
  }

  public void delete(String id, long expectedVersion, RequestContext ctx) {
    GroupStore groups = shared.groupStore();
    List<ProvisioningEvent> evs = new ArrayList<>();
    List<GroupRef> formerGroups = units.write(ctx, () -> {
      evs.clear(); // a retried unit starts over
      if (expectedVersion != ResourceStore.ANY_VERSION) {
        checkPrecondition(require(id, ctx), expectedVersion);
      }
      // Memberships go first: a store that cannot group its calls into one transaction is then
      // left, after a crash in between, with a resource in no group rather than a member that
      // no longer exists.
      List<GroupRef> former = List.of();
      if (groups != null) {
        former = groups.groupsOf(id, ctx);
        groups.removeFromAllGroups(id, ctx);
        if (events.enabled()) {
          for (GroupRef g : former) {
            groups.get(g.id(), ctx).ifPresent(group ->
                events.members(ProvisioningEvent.Type.MEMBERS_REMOVED, shared.groupType(), group, List.of(id), ctx, evs));
          }
        }
      }
      if (events.enabled()) {
        events.deleted(type, require(id, ctx), ctx, evs);
      }
      store.delete(id, expectedVersion, ctx);
      events.append(evs, ctx);
      return former;
    });
    audit(AuditEvent.Operation.DELETE, id, Set.of(), ctx);
    events.committed(evs);
    if (!formerGroups.isEmpty()) {
      // the deletion changed the members of these groups too
      String groupType = shared.groupType().name();
      String members = shared.groupType().resolve(null, "members", null).attribute().name();
      for (GroupRef g : formerGroups) {
        audit(groupType, AuditEvent.Operation.PATCH, g.id(), Set.of(members), ctx);
      }
    }
  }

  /** The members a replacement of the member list removed and added, as events. */
  private void memberEvents(
      StoredResource group, List<Member> before, List<Member> after, RequestContext ctx, List<ProvisioningEvent> out) {
    Set<String> old = new java.util.LinkedHashSet<>(ids(before));
    Set<String> now = new java.util.LinkedHashSet<>(ids(after));
    List<String> removed = old.stream().filter(m -> !now.contains(m)).toList();
    List<String> added = now.stream().filter(m -> !old.contains(m)).toList();
    events.members(ProvisioningEvent.Type.MEMBERS_REMOVED, type, group, removed, ctx, out);
    events.members(ProvisioningEvent.Type.MEMBERS_ADDED, type, group, added, ctx, out);
  }

  private static List<String> ids(List<Member> members) {
    List<String> out = new ArrayList<>(members.size());
    for (Member m : members) {
      out.add(m.value());
    }
    return out;
  }

  private void checkPrecondition(StoredResource current, long expectedVersion) {
    if (expectedVersion != ResourceStore.ANY_VERSION && expectedVersion != current.version()) {
      throw ScimException.preconditionFailed(
          type.name() + " " + current.id() + " has changed (version " + current.version() + ")");
    }
  }

  /** A search's parameters, parsed and checked against this type. */
  private record Query(Filter filter, ResolvedAttribute sortBy, SortOrder order, Projection projection) {}

  /**
   * A search of this type, paged by index, or by cursor when the client sent a {@code cursor}
   * (see {@link CursorWalk}).
   */
  public ListResponse search(SearchParameters p, RequestContext ctx, String baseUri) {
    Query q = query(p);
    if (p.cursor() != null) {
      return shared.cursors().page(List.of(lane(q, baseUri)), type.endpoint(), p, ctx);
    }
    int startIndex = paging.startIndex(p.startIndex());
    int count = paging.count(p.count());
    SearchRequest request = new SearchRequest(q.filter(), q.sortBy(), q.order(), startIndex, count);
    return units.read(ctx, () -> {
      SearchResult result = store.search(request, ctx);
      List<ObjectNode> resources = new ArrayList<>(result.resources().size());
      for (StoredResource r : result.resources()) {
        resources.add(render(r, q.projection(), baseUri, ctx).json());
      }
      return new ListResponse(result.totalResults(), startIndex, resources);
    });
  }

  /**
   * This type's lane in a cursor-paged search at the root (see {@link CursorWalk}).
   *
   * @throws ScimException 400 if the parameters do not fit this type (a filter naming none of its
   *     attributes, a bad {@code sortBy} or {@code sortOrder})
   */
  public CursorWalk.Lane cursorLane(SearchParameters p, String baseUri) {
    return lane(query(p), baseUri);
  }

  private Query query(SearchParameters p) {
    Projection projection = Projection.fromParameters(type, p.attributes(), p.excludedAttributes());
    Filter filter = null;
    if (p.filter() != null && !p.filter().isBlank()) {
      try {
        filter = Filters.parse(p.filter(), shared.filterLimits());
      } catch (FilterParseException e) {
        throw ScimException.badRequest(ScimType.INVALID_FILTER, e.getMessage());
      }
      evaluator.validate(filter);
    }
    ResolvedAttribute sortBy = null;
    if (p.sortBy() != null && !p.sortBy().isBlank()) {
      try {
        AttributePath path = Filters.parseAttributePath(p.sortBy().trim());
        sortBy = type.resolve(path);
      } catch (FilterParseException e) {
        sortBy = null;
      }
      if (sortBy == null) {
        throw ScimException.badRequest(
            ScimType.INVALID_VALUE, "sortBy names no attribute of " + type.name() + ": " + p.sortBy());
      }
    }
    SortOrder order;
    try {
      order = SortOrder.fromParameter(p.sortOrder());
    } catch (IllegalArgumentException e) {
      throw ScimException.badRequest(ScimType.INVALID_VALUE, e.getMessage());
    }
    return new Query(filter, sortBy, order, projection);
  }

  /**
   * This type's part in a cursor walk. A store with keyset paging answers keyset requests itself;
   * for any other store the engine pages by id: {@code id gt "<last id>"} added to the filter,
   * sorted by id (descending, then reversed, for the page before an id).
   */
  private CursorWalk.Lane lane(Query q, String baseUri) {
    boolean keyset = store.keysetPaging();
    return new CursorWalk.Lane() {
      @Override
      public SearchResult fetch(Keyset page, int limit, RequestContext ctx) {
        if (keyset) {
          return store.search(SearchRequest.page(q.filter(), page, limit), ctx);
        }
        boolean after = page.direction() == Keyset.Direction.AFTER;
        Filter filter = q.filter();
        if (page.position() != null) {
          Filter beyond = new Filter.Comparison(
              ID_PATH, after ? ComparisonOperator.GT : ComparisonOperator.LT,
              new FilterValue.StringValue(page.position()));
          filter = filter == null ? beyond : Filter.and(filter, beyond);
        }
        SearchResult result = store.search(
            new SearchRequest(filter, idAttribute, after ? SortOrder.ASCENDING : SortOrder.DESCENDING, 1, limit), ctx);
        List<StoredResource> resources =
            new ArrayList<>(result.resources().subList(0, Math.min(limit, result.resources().size())));
        if (!after) {
          Collections.reverse(resources);
        }
        List<String> ids = new ArrayList<>(resources.size());
        for (StoredResource r : resources) {
          ids.add(r.id());
        }
        return SearchResult.keysetPage(resources, ids);
      }

      @Override
      public int count(RequestContext ctx) {
        return store.search(new SearchRequest(q.filter(), null, SortOrder.ASCENDING, 1, 0), ctx).totalResults();
      }

      @Override
      public boolean byId() {
        return !keyset;
      }

      @Override
      public Filter filter() {
        return q.filter();
      }

      @Override
      public ObjectNode render(StoredResource resource, RequestContext ctx) {
        return ResourceHandler.this.render(resource, q.projection(), baseUri, ctx).json();
      }
    };
  }

  // ---- helpers -------------------------------------------------------------------------------

  /**
   * Tells every audit listener about a committed change. A failing listener cannot undo the
   * change, so its failure is logged (without the event's values: it has none) and the request
   * goes on.
   */
  private void audit(AuditEvent.Operation operation, String id, Set<String> attributes, RequestContext ctx) {
    audit(type.name(), operation, id, attributes, ctx);
  }

  private void audit(
      String resourceType, AuditEvent.Operation operation, String id, Set<String> attributes, RequestContext ctx) {
    AuditEvent event =
        new AuditEvent(
            shared.clock().instant(),
            ctx.tenant(),
            ctx.principal(),
            ctx.requestId(),
            operation,
            resourceType,
            id,
            attributes);
    for (AuditListener listener : shared.auditListeners()) {
      try {
        listener.changed(event);
      } catch (RuntimeException e) {
        LOG.error(
            "audit listener {} failed for {} of {} {} (request id {})",
            listener.getClass().getName(),
            operation,
            resourceType,
            id,
            ctx.requestId(),
            e);
      }
    }
  }

  private Projection projection(ResponseOptions options) {
    return Projection.fromParameters(type, options.attributes(), options.excludedAttributes());
  }

  private void runChecks(ObjectNode doc, RequestContext ctx) {
    for (ResourceCheck check : checks) {
      check.check(type, doc, ctx);
    }
  }

  private StoredResource require(String id, RequestContext ctx) {
    return store.get(id, ctx).orElseThrow(() -> ScimException.notFound(type.name(), id));
  }

  private static boolean hasKey(JsonNode body, String key) {
    if (body == null || !body.isObject()) {
      return false;
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (k.equalsIgnoreCase(key) && !body.get(k).isNull()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Removes {@code members} from a normalised group document and reads them; returns {@code
   * null} for a type without members. Whether they exist is checked later, in the unit of work.
   */
  private List<Member> takeMembers(ObjectNode doc) {
    if (membership == null) {
      return null;
    }
    JsonNode array = doc.remove(membersAttribute.attribute().name());
    List<Member> members = new ArrayList<>();
    if (array != null) {
      for (JsonNode m : array) {
        JsonNode value = m.get("value");
        if (value == null || value.asText().isEmpty()) {
          throw ScimException.badRequest(ScimType.INVALID_VALUE, "every member needs a 'value'");
        }
        JsonNode t = m.get("type");
        members.add(new Member(value.asText(), t == null ? null : t.asText()));
      }
    }
    return members;
  }

  private MembershipChange resolveMembers(MembershipChange change, RequestContext ctx) {
    return new MembershipChange(
        change.replaceAll() == null ? null : resolveMembers(change.replaceAll(), ctx),
        resolveMembers(change.add(), ctx),
        change.remove());
  }

  /**
   * Checks, inside the unit of work, that every member exists in the tenant, and gives each the
   * type of the resource its id names. A member's {@code type} (like its {@code $ref}) is only a
   * hint, RFC 7643 section 4.2: the id is the reference, so a wrong or missing type is corrected,
   * and only an id that names no resource at all is refused. Members are looked up in the order
   * of their ids, so that stores that lock what they read lock in one order everywhere.
   */
  private List<Member> resolveMembers(List<Member> members, RequestContext ctx) {
    Map<String, Member> distinct = new LinkedHashMap<>();
    for (Member m : members) {
      distinct.putIfAbsent(m.value(), m);
    }
    Map<String, String> types = new java.util.HashMap<>();
    for (String value : new TreeSet<>(distinct.keySet())) {
      String memberType = memberType(distinct.get(value), ctx);
      if (memberType == null) {
        throw ScimException.badRequest(
            ScimType.INVALID_VALUE, "member \"" + value + "\" does not exist");
      }
      types.put(value, memberType);
    }
    List<Member> out = new ArrayList<>(distinct.size());
    for (String value : distinct.keySet()) {
      out.add(new Member(value, types.get(value)));
    }
    return out;
  }

  /** The name of the type whose store has a resource with this id: the hinted type first. */
  private String memberType(Member m, RequestContext ctx) {
    ResourceType hinted = null;
    if (m.type() != null) {
      for (ResourceType t : shared.types().values()) {
        if (t.name().equalsIgnoreCase(m.type())) {
          hinted = t;
        }
      }
    }
    if (hinted != null && shared.stores().get(hinted.name()).get(m.value(), ctx).isPresent()) {
      return hinted.name();
    }
    for (ResourceType t : shared.types().values()) {
      if (t != hinted && shared.stores().get(t.name()).get(m.value(), ctx).isPresent()) {
        return t.name();
      }
    }
    return null;
  }

  /** Carries out a change whose members are resolved. */
  private void applyMembers(String id, MembershipChange change, RequestContext ctx) {
    if (change.replaceAll() != null) {
      membership.replaceMembers(id, change.replaceAll(), ctx);
      return;
    }
    if (!change.remove().isEmpty()) {
      membership.removeMembers(id, change.remove(), ctx);
    }
    if (!change.add().isEmpty()) {
      membership.addMembers(id, change.add(), ctx);
    }
  }

  // ---- rendering -----------------------------------------------------------------------------

  private ScimResource render(
      StoredResource r, Projection projection, String baseUri, RequestContext ctx) {
    String base = baseUri == null ? "" : baseUri;
    String location = base + type.endpoint() + "/" + r.id();
    ObjectNode doc = r.document();
    ObjectNode out = NODES.objectNode();
    JsonNode schemas = doc.get("schemas");
    out.set("schemas", schemas != null ? schemas : NODES.arrayNode().add(type.schema().id()));
    out.put("id", r.id());
    for (Map.Entry<String, JsonNode> f : doc.properties()) {
      if (!f.getKey().equals("schemas")) {
        out.set(f.getKey(), f.getValue());
      }
    }
    if (membership != null && projection.includes(membersAttribute)) {
      List<Member> members = membership.members(r.id(), ctx);
      if (!members.isEmpty()) {
        ArrayNode array = out.putArray(membersAttribute.attribute().name());
        for (Member m : members) {
          ObjectNode node = array.addObject().put("value", m.value());
          ResourceType memberType = m.type() == null ? null : shared.types().get(m.type());
          if (memberType != null) {
            node.put("$ref", base + memberType.endpoint() + "/" + m.value());
          }
          if (m.display() != null) {
            node.put("display", m.display());
          }
          if (m.type() != null) {
            node.put("type", m.type());
          }
        }
      }
    }
    if (groupsOfStore != null && projection.includes(groupsAttribute)) {
      List<GroupRef> groups = groupsOfStore.groupsOf(r.id(), ctx);
      if (!groups.isEmpty()) {
        ArrayNode array = out.putArray(groupsAttribute.attribute().name());
        for (GroupRef g : groups) {
          ObjectNode node = array.addObject().put("value", g.id());
          node.put("$ref", base + "/Groups/" + g.id());
          if (g.display() != null) {
            node.put("display", g.display());
          }
          node.put("type", "direct");
        }
      }
    }
    ObjectNode meta = out.putObject("meta");
    meta.put("resourceType", type.name());
    meta.put("created", Timestamps.format(r.created()));
    meta.put("lastModified", Timestamps.format(r.lastModified()));
    meta.put("location", location);
    meta.put("version", ScimResource.etag(r.version()));
    return new ScimResource(type.name(), r.id(), r.version(), location, projection.view(out));
  }
}
