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
import dev.scimkit.core.store.Member;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.SortOrder;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.core.validation.ResourceCheck;
import dev.scimkit.filter.AttributePath;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterLimits;
import dev.scimkit.filter.FilterParseException;
import dev.scimkit.filter.Filters;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
  /** How often a PATCH without {@code If-Match} is retried when a concurrent change wins. */
  private static final int PATCH_ATTEMPTS = 5;

  /** What all handlers of one engine share. */
  public record Shared(
      Clock clock,
      Supplier<String> idGenerator,
      int maxPageSize,
      FilterLimits filterLimits,
      Map<String, ResourceStore> stores,
      Map<String, ResourceType> types,
      Map<String, List<ResourceCheck>> checks,
      List<AuditListener> auditListeners) {

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
  }

  public ResourceType type() {
    return type;
  }

  // ---- operations ------------------------------------------------------------------------------

  public ScimResource create(JsonNode body, RequestContext ctx, ResponseOptions options) {
    Projection projection = projection(options);
    ObjectNode doc = normalizer.normalizeResource(body);
    List<Member> members = takeMembers(doc, ctx);
    validator.checkRequired(doc);
    runChecks(doc, ctx);
    Instant now = shared.clock().instant();
    StoredResource stored =
        store.create(new StoredResource(shared.idGenerator().get(), 1, now, now, doc), ctx);
    if (members != null && !members.isEmpty()) {
      membership.addMembers(stored.id(), members, ctx);
      stored = store.get(stored.id(), ctx).orElse(stored);
    }
    Set<String> changed = AttributeDiff.names(NODES.objectNode(), doc);
    if (members != null && !members.isEmpty()) {
      changed.add(membersAttribute.attribute().name());
    }
    audit(AuditEvent.Operation.CREATE, stored.id(), changed, ctx);
    return render(stored, projection, options.baseUri(), ctx);
  }

  public ScimResource get(String id, RequestContext ctx, ResponseOptions options) {
    Projection projection = projection(options);
    return render(require(id, ctx), projection, options.baseUri(), ctx);
  }

  public ScimResource replace(
      String id, JsonNode body, long expectedVersion, RequestContext ctx, ResponseOptions options) {
    Projection projection = projection(options);
    StoredResource current = require(id, ctx);
    ObjectNode doc = normalizer.normalizeResource(body);
    boolean membersGiven = membership != null && hasKey(body, "members");
    List<Member> members = takeMembers(doc, ctx);
    validator.carryOver(current.document(), doc, true);
    normalizer.rebuildSchemas(doc);
    validator.checkRequired(doc);
    runChecks(doc, ctx);
    long expected = expectedVersion == ResourceStore.ANY_VERSION ? current.version() : expectedVersion;
    StoredResource stored =
        store.replace(current.withChange(current.version(), shared.clock().instant(), doc), expected, ctx);
    Set<String> changed = AttributeDiff.names(current.document(), doc);
    if (membersGiven) {
      // PUT with "members" replaces the list ("members": [] empties it); without, it is kept.
      membership.replaceMembers(id, members == null ? List.of() : members, ctx);
      changed.add(membersAttribute.attribute().name());
      stored = require(id, ctx);
    }
    audit(AuditEvent.Operation.REPLACE, id, changed, ctx);
    return render(stored, projection, options.baseUri(), ctx);
  }

  public ScimResource patch(
      String id, JsonNode body, long expectedVersion, RequestContext ctx, ResponseOptions options) {
    Projection projection = projection(options);
    PatchRequest request = PatchRequest.fromJson(body);
    for (int attempt = 1; ; attempt++) {
      StoredResource current = require(id, ctx);
      if (expectedVersion != ResourceStore.ANY_VERSION && expectedVersion != current.version()) {
        throw ScimException.preconditionFailed(
            type.name() + " " + id + " has changed (version " + current.version() + ")");
      }
      PatchResult result =
          patcher.apply(current.document(), request, () -> membership.members(id, ctx));
      MembershipChange change = result.membership();
      if (change != null) {
        checkMembers(change, ctx);
      }
      StoredResource stored = current;
      if (result.documentChanged()) {
        ObjectNode doc = result.document();
        validator.carryOver(current.document(), doc, false);
        validator.checkRequired(doc);
        runChecks(doc, ctx);
        try {
          stored =
              store.replace(
                  current.withChange(current.version(), shared.clock().instant(), doc),
                  current.version(),
                  ctx);
        } catch (ScimException e) {
          if (e.status() == 412 && expectedVersion == ResourceStore.ANY_VERSION && attempt < PATCH_ATTEMPTS) {
            continue; // a concurrent change won: re-read and apply again
          }
          throw e;
        }
      }
      if (change != null) {
        applyMembers(id, change, ctx);
      }
      Set<String> changed =
          result.documentChanged() ? AttributeDiff.names(current.document(), stored.document()) : new TreeSet<>();
      if (change != null && !change.isEmpty()) {
        changed.add(membersAttribute.attribute().name());
      }
      if (result.documentChanged() || (change != null && !change.isEmpty())) {
        audit(AuditEvent.Operation.PATCH, id, changed, ctx);
      }
      if (membership != null && !options.projects()) {
        return null;
      }
      if (change != null) {
        stored = require(id, ctx);
      }
      return render(stored, projection, options.baseUri(), ctx);
    }
  }

  public void delete(String id, long expectedVersion, RequestContext ctx) {
    store.delete(id, expectedVersion, ctx);
    GroupStore groups = shared.groupStore();
    List<GroupRef> formerGroups = List.of();
    if (groups != null) {
      formerGroups = groups.groupsOf(id, ctx);
      groups.removeFromAllGroups(id, ctx);
    }
    audit(AuditEvent.Operation.DELETE, id, Set.of(), ctx);
    if (!formerGroups.isEmpty()) {
      // the deletion changed the members of these groups too
      String groupType = shared.groupType().name();
      String members = shared.groupType().resolve(null, "members", null).attribute().name();
      for (GroupRef g : formerGroups) {
        audit(groupType, AuditEvent.Operation.PATCH, g.id(), Set.of(members), ctx);
      }
    }
  }

  public ListResponse search(SearchParameters p, RequestContext ctx, String baseUri) {
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
    int startIndex = paging.startIndex(p.startIndex());
    int count = paging.count(p.count());
    SearchResult result = store.search(new SearchRequest(filter, sortBy, order, startIndex, count), ctx);
    List<ObjectNode> resources = new ArrayList<>(result.resources().size());
    for (StoredResource r : result.resources()) {
      resources.add(render(r, projection, baseUri, ctx).json());
    }
    return new ListResponse(result.totalResults(), startIndex, resources);
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
   * Removes {@code members} from a normalised group document and checks each exists in the
   * tenant; returns {@code null} for a type without members.
   */
  private List<Member> takeMembers(ObjectNode doc, RequestContext ctx) {
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
    return resolveMembers(members, ctx);
  }

  private void checkMembers(MembershipChange change, RequestContext ctx) {
    if (change.replaceAll() != null) {
      resolveMembers(change.replaceAll(), ctx);
    }
    resolveMembers(change.add(), ctx);
  }

  /** Checks that every member exists in the tenant and fills in its type when missing. */
  private List<Member> resolveMembers(List<Member> members, RequestContext ctx) {
    Map<String, Member> out = new LinkedHashMap<>();
    for (Member m : members) {
      String memberType = memberType(m, ctx);
      if (memberType == null) {
        throw ScimException.badRequest(
            ScimType.INVALID_VALUE, "member \"" + m.value() + "\" does not exist");
      }
      out.putIfAbsent(m.value(), new Member(m.value(), memberType));
    }
    return new ArrayList<>(out.values());
  }

  private String memberType(Member m, RequestContext ctx) {
    for (ResourceType t : shared.types().values()) {
      if (m.type() != null && !m.type().equalsIgnoreCase(t.name())) {
        continue;
      }
      if (shared.stores().get(t.name()).get(m.value(), ctx).isPresent()) {
        return t.name();
      }
    }
    return null;
  }

  private void applyMembers(String id, MembershipChange change, RequestContext ctx) {
    if (change.replaceAll() != null) {
      membership.replaceMembers(id, resolveMembers(change.replaceAll(), ctx), ctx);
      return;
    }
    if (!change.remove().isEmpty()) {
      membership.removeMembers(id, change.remove(), ctx);
    }
    if (!change.add().isEmpty()) {
      membership.addMembers(id, resolveMembers(change.add(), ctx), ctx);
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
    meta.put("created", r.created().toString());
    meta.put("lastModified", r.lastModified().toString());
    meta.put("location", location);
    meta.put("version", ScimResource.etag(r.version()));
    return new ScimResource(type.name(), r.id(), r.version(), location, projection.apply(out));
  }
}
