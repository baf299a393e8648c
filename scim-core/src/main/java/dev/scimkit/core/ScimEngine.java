package dev.scimkit.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.audit.AuditListener;
import dev.scimkit.core.event.EventOutbox;
import dev.scimkit.core.event.ProvisioningEvent;
import dev.scimkit.core.event.ProvisioningListener;
import dev.scimkit.core.internal.EventRecorder;
import dev.scimkit.core.internal.CursorWalk;
import dev.scimkit.core.internal.Discovery;
import dev.scimkit.core.internal.ResourceHandler;
import dev.scimkit.core.internal.UnicodeText;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.core.validation.ResourceCheck;
import dev.scimkit.core.search.Paging;
import dev.scimkit.filter.FilterLimits;
import dev.scimkit.filter.FilterParseException;
import dev.scimkit.filter.Filters;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The SCIM engine: everything RFC 7643 and RFC 7644 mean, with no HTTP in it. The JAX-RS layer
 * (or a test, or another transport) calls it with what the client sent and gets back resources,
 * pages of results, or a {@link ScimException}.
 *
 * <pre>{@code
 * ScimEngine engine = ScimEngine.builder()
 *     .storeProvider(new InMemoryStore())      // the default
 *     .resourceType(deviceType)                // User and Group are always there
 *     .build();
 * ScimResource user = engine.create("User", json, RequestContext.of("acme"), ResponseOptions.defaults());
 * }</pre>
 *
 * <p>Client input is normalised before it is validated (see {@code CLIENTS.md}): Entra ID's and
 * Okta's shapes work without configuration. The engine is immutable and thread-safe. An engine
 * with {@linkplain Builder#eventListener event listeners} on a store with an {@link EventOutbox}
 * runs a thread that delivers the events; {@link #close()} stops it.
 */
public final class ScimEngine implements AutoCloseable {
  private final EventRecorder events;
  private final Map<String, ResourceHandler> byName;
  private final Map<String, ResourceHandler> byEndpoint;
  private final List<ResourceType> resourceTypes;
  private final int maxPageSize;
  private final FilterLimits filterLimits;
  private final BulkLimits bulkLimits;
  private final Discovery discovery;
  private final CursorWalk cursors;

  private ScimEngine(Builder b) {
    Map<String, ResourceType> types = new LinkedHashMap<>(b.types);
    Map<String, ResourceStore> stores = new LinkedHashMap<>();
    boolean providerServes = false;
    for (ResourceType type : types.values()) {
      ResourceStore store = b.stores.get(type.name());
      providerServes |= store == null;
      stores.put(type.name(), store != null ? store : b.storeProvider.storeFor(type));
    }
    // Units of work are the provider's; when the host gave a store for every type and no
    // provider, there is no provider to group calls (see StoreProvider#transaction).
    StoreProvider units =
        b.storeProviderGiven || providerServes ? b.storeProvider : ScimEngine::noStore;
    this.maxPageSize = b.maxPageSize;
    this.filterLimits = b.filterLimits;
    this.events =
        new EventRecorder(
            b.eventListeners,
            b.eventValues,
            units instanceof EventOutbox outbox ? outbox : null,
            b.clock,
            b.eventPollInterval);
    byte[] secret = b.cursorSecret;
    if (secret == null) {
      secret = new byte[32];
      new SecureRandom().nextBytes(secret);
    }
    this.cursors = new CursorWalk(secret, b.cursorTimeout, b.clock, maxPageSize, units);
    ResourceHandler.Shared shared =
        new ResourceHandler.Shared(
            b.clock,
            b.idGenerator,
            maxPageSize,
            filterLimits,
            stores,
            types,
            Map.copyOf(b.checks),
            b.auditListeners.isEmpty() ? List.of(AuditListener.logging()) : List.copyOf(b.auditListeners),
            units,
            events,
            cursors);
    Map<String, ResourceHandler> names = new LinkedHashMap<>();
    Map<String, ResourceHandler> endpoints = new LinkedHashMap<>();
    for (ResourceType type : types.values()) {
      ResourceHandler handler = new ResourceHandler(type, shared);
      names.put(lower(type.name()), handler);
      endpoints.put(lower(type.endpoint()), handler);
    }
    this.byName = Map.copyOf(names);
    this.byEndpoint = Map.copyOf(endpoints);
    this.resourceTypes = List.copyOf(types.values());
    this.bulkLimits = b.bulkLimits;
    this.discovery =
        new Discovery(
            resourceTypes,
            maxPageSize,
            cursors.timeout(),
            bulkLimits,
            b.authenticationSchemes.isEmpty()
                ? List.of(AuthenticationScheme.bearerToken())
                : b.authenticationSchemes,
            b.documentationUri);
  }

  /** Starts an engine with User and Group on an {@link InMemoryStore}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The resource types served, User and Group first. */
  public List<ResourceType> resourceTypes() {
    return resourceTypes;
  }

  /**
   * The resource type with this name ({@code "User"}) or endpoint ({@code "/Users"}, {@code
   * "Users"}), ignoring case.
   *
   * @throws ScimException 404 if there is none
   */
  public ResourceType resourceType(String nameOrEndpoint) {
    return handler(nameOrEndpoint).type();
  }

  /** The largest page a search returns; larger {@code count}s are reduced to it. */
  public int maxPageSize() {
    return maxPageSize;
  }

  /** The limits applied to every filter and PATCH path. */
  public FilterLimits filterLimits() {
    return filterLimits;
  }

  /** The limits on {@code /Bulk} requests. */
  public BulkLimits bulkLimits() {
    return bulkLimits;
  }

  // ---- discovery (RFC 7644 section 4) --------------------------------------------------------

  /** The {@code /ServiceProviderConfig} document, reflecting this engine's configuration. */
  public ObjectNode serviceProviderConfig(String baseUri) {
    return discovery.serviceProviderConfig(baseUri);
  }

  /** {@code /ResourceTypes}: every resource type served. */
  public ListResponse resourceTypeList(String baseUri) {
    List<ObjectNode> all = discovery.resourceTypes(baseUri);
    return new ListResponse(all.size(), 1, all);
  }

  /**
   * {@code /ResourceTypes/{name}}.
   *
   * @throws ScimException 404 if there is no such resource type
   */
  public ObjectNode resourceTypeDocument(String name, String baseUri) {
    return discovery.resourceType(requireNonNull(name, "name == null"), baseUri);
  }

  /** {@code /Schemas}: the schemas of every resource type, and the discovery schemas. */
  public ListResponse schemaList(String baseUri) {
    List<ObjectNode> all = discovery.schemas(baseUri);
    return new ListResponse(all.size(), 1, all);
  }

  /**
   * {@code /Schemas/{id}}.
   *
   * @throws ScimException 404 if there is no such schema
   */
  public ObjectNode schemaDocument(String id, String baseUri) {
    return discovery.schema(requireNonNull(id, "id == null"), baseUri);
  }

  // ---- resources -----------------------------------------------------------------------------

  /**
   * Creates a resource ({@code POST /Users}).
   *
   * @throws ScimException 400 for invalid input, 409 {@code uniqueness} for a duplicate
   */
  public ScimResource create(
      String resourceType, JsonNode body, RequestContext ctx, ResponseOptions options) {
    return handler(resourceType).create(body, check(ctx), check(options));
  }

  /**
   * Reads a resource ({@code GET /Users/{id}}).
   *
   * @throws ScimException 404 if the tenant has no such resource
   */
  public ScimResource get(
      String resourceType, String id, RequestContext ctx, ResponseOptions options) {
    ResourceHandler handler = handler(resourceType);
    return handler.get(storableId(handler, id), check(ctx), check(options));
  }

  /**
   * Replaces a resource ({@code PUT /Users/{id}}). Read-only attributes in the body are ignored;
   * immutable ones must not change; a write-only attribute left out keeps its value.
   *
   * @param expectedVersion the version from {@code If-Match}, or {@link ResourceStore#ANY_VERSION}
   * @throws ScimException 404, 412 on a version mismatch, 400, 409
   */
  public ScimResource replace(
      String resourceType,
      String id,
      JsonNode body,
      long expectedVersion,
      RequestContext ctx,
      ResponseOptions options) {
    ResourceHandler handler = handler(resourceType);
    return handler.replace(storableId(handler, id), body, expectedVersion, check(ctx), check(options));
  }

  /**
   * Applies a {@code PatchOp} message ({@code PATCH /Users/{id}}), atomically: if any operation
   * fails, nothing changes.
   *
   * @param expectedVersion the version from {@code If-Match}, or {@link ResourceStore#ANY_VERSION}
   * @return the resource after the change, or {@code null} when {@code options} does not project
   *     and the resource type has members (a group: the HTTP layer answers {@code 204} rather than
   *     loading a possibly huge member list)
   * @throws ScimException 404, 412, 400 ({@code invalidPath}, {@code noTarget}, {@code
   *     invalidValue}, {@code mutability}), 409
   */
  public ScimResource patch(
      String resourceType,
      String id,
      JsonNode body,
      long expectedVersion,
      RequestContext ctx,
      ResponseOptions options) {
    ResourceHandler handler = handler(resourceType);
    return handler.patch(storableId(handler, id), body, expectedVersion, check(ctx), check(options));
  }

  /**
   * Deletes a resource and removes it from every group.
   *
   * @throws ScimException 404 (also for a second delete of the same resource), 412
   */
  public void delete(String resourceType, String id, long expectedVersion, RequestContext ctx) {
    ResourceHandler handler = handler(resourceType);
    handler.delete(storableId(handler, id), expectedVersion, check(ctx));
  }

  /**
   * Searches ({@code GET /Users?filter=…} or {@code POST /Users/.search}). No match is an empty
   * page, never an error.
   *
   * <p>Paging is by index ({@code startIndex}, {@code count}; the default) unless the parameters
   * carry a {@code cursor} (RFC 9865): then the search is a walk in the store's stable default
   * order (creation order, or id order for a store without {@link ResourceStore#keysetPaging()}),
   * where an empty cursor asks for the first page and each page carries the {@code nextCursor}
   * (omitted on the last page) and, after the first, the {@code previousCursor} to send next. A
   * walk neither skips nor repeats a resource while others are created and deleted, and a store
   * with keyset paging serves its last page as fast as its first. {@code totalResults} on cursor
   * pages is the number of matches when the walk began (counted on its first page only). A cursor
   * is bound to the tenant, the endpoint and the filter it was issued for.
   *
   * @throws ScimException 400 {@code invalidFilter} for a bad filter, 400 {@code invalidValue} for
   *     bad paging or sorting parameters, or for {@code startIndex} or {@code sortBy} beside a
   *     {@code cursor}; 400 {@code invalidCursor} for a cursor not issued for this query, 400
   *     {@code expiredCursor} for one older than {@link Builder#cursorTimeout}, 400 {@code
   *     invalidCount} for a {@code count} that is not an integer beside a cursor
   */
  public ListResponse search(
      String resourceType, SearchParameters parameters, RequestContext ctx, String baseUri) {
    return handler(resourceType)
        .search(requireNonNull(parameters, "parameters == null"), check(ctx), baseUri);
  }

  /**
   * Searches every resource type at once ({@code POST /.search} at the root, RFC 7644 section
   * 3.4.3). Resource types for which the filter names no attribute contribute nothing; if it
   * names no attribute of any type, that is {@code 400 invalidFilter}. Results come type by type
   * in the order of {@link #resourceTypes()}, each sorted by {@code sortBy} when given; index
   * paging reaches into the first {@link #maxPageSize()} matches of each type. With a {@code
   * cursor}, paging is by cursor as in {@link #search}, walking every type in that order to its
   * end, with no limit on how far.
   *
   * @throws ScimException 400 {@code invalidFilter}, 400 {@code invalidValue}
   */
  public ListResponse searchAll(SearchParameters parameters, RequestContext ctx, String baseUri) {
    requireNonNull(parameters, "parameters == null");
    check(ctx);
    if (parameters.filter() != null && !parameters.filter().isBlank()) {
      try {
        Filters.parse(parameters.filter(), filterLimits);
      } catch (FilterParseException e) {
        throw ScimException.badRequest(ScimType.INVALID_FILTER, e.getMessage());
      }
    }
    if (parameters.cursor() != null) {
      return searchAllByCursor(parameters, ctx, baseUri);
    }
    Paging paging = Paging.withMaxCount(maxPageSize);
    int startIndex = paging.startIndex(parameters.startIndex());
    int count = paging.count(parameters.count());
    long needed = (long) startIndex - 1 + count;
    SearchParameters perType =
        new SearchParameters(
            parameters.filter(),
            parameters.sortBy(),
            parameters.sortOrder(),
            "1",
            Long.toString(Math.min(needed, maxPageSize)),
            parameters.attributes(),
            parameters.excludedAttributes());
    List<ObjectNode> all = new ArrayList<>();
    int total = 0;
    int answered = 0;
    ScimException rejection = null;
    for (ResourceType type : resourceTypes) {
      try {
        ListResponse page = byName.get(lower(type.name())).search(perType, ctx, baseUri);
        total += page.totalResults();
        all.addAll(page.resources());
        answered++;
      } catch (ScimException e) {
        if (e.status() != 400) {
          throw e;
        }
        rejection = rejection == null ? e : rejection;
      }
    }
    if (answered == 0 && rejection != null) {
      throw rejection;
    }
    int from = Math.min(startIndex - 1, all.size());
    int to = (int) Math.min((long) from + count, all.size());
    return new ListResponse(total, startIndex, all.subList(from, to));
  }

  private ListResponse searchAllByCursor(SearchParameters parameters, RequestContext ctx, String baseUri) {
    List<CursorWalk.Lane> lanes = new ArrayList<>();
    ScimException rejection = null;
    for (ResourceType type : resourceTypes) {
      try {
        lanes.add(byName.get(lower(type.name())).cursorLane(parameters, baseUri));
      } catch (ScimException e) {
        if (e.status() != 400) {
          throw e;
        }
        rejection = rejection == null ? e : rejection;
      }
    }
    if (lanes.isEmpty() && rejection != null) {
      throw rejection;
    }
    return cursors.page(lanes, "/", parameters, ctx);
  }

  /**
   * Carries out a bulk request ({@code POST /Bulk}, RFC 7644 section 3.7) whose size in bytes is
   * not known, so only {@link BulkLimits#maxOperations()} is checked here: the same as {@link
   * #bulk(JsonNode, long, RequestContext, ResponseOptions) bulk(body, -1, ctx, options)}.
   */
  public ObjectNode bulk(JsonNode body, RequestContext ctx, ResponseOptions options) {
    return bulk(body, -1, ctx, options);
  }

  /**
   * Carries out a bulk request ({@code POST /Bulk}, RFC 7644 section 3.7): each operation runs
   * through {@link #create}, {@link #replace}, {@link #patch} or {@link #delete} in this tenant,
   * {@code bulkId:} references are replaced by the ids the POSTs create, and a failed operation
   * becomes an entry of the response rather than an exception. The package {@link
   * dev.scimkit.core.bulk} describes the whole behaviour.
   *
   * @param body the request body as parsed
   * @param payloadBytes the size of the body in bytes as received, or -1 when not known
   * @return the {@code BulkResponse} message, to be sent with HTTP status 200
   * @throws ScimException 413 if the body exceeds {@link #bulkLimits()}; 400 {@code
   *     invalidSyntax} if it is not an object with an {@code Operations} array; 400 {@code
   *     invalidValue} for a {@code failOnErrors} that is not a positive integer
   */
  public ObjectNode bulk(
      JsonNode body, long payloadBytes, RequestContext ctx, ResponseOptions options) {
    return new dev.scimkit.core.bulk.BulkProcessor(this)
        .process(body, payloadBytes, check(ctx), check(options));
  }

  /**
   * Stops delivering provisioning events, if this engine delivers them from an outbox; requests
   * already running finish. Events not delivered yet stay in the outbox, for the next engine on
   * the same store. Engines without event listeners have nothing to close.
   */
  @Override
  public void close() {
    events.close();
  }

  /**
   * {@code id}, checked: an id holding text no store can keep ({@link UnicodeText}) names no
   * resource, so it is a 404 here, before a store that cannot even look it up answers otherwise.
   */
  private static String storableId(ResourceHandler handler, String id) {
    requireNonNull(id, "id == null");
    if (UnicodeText.defect(id) != null) {
      throw new ScimException(404, null, handler.type().name() + " not found: its id holds a character no id has");
    }
    return id;
  }

  private ResourceHandler handler(String nameOrEndpoint) {
    requireNonNull(nameOrEndpoint, "resourceType == null");
    String key = lower(nameOrEndpoint);
    ResourceHandler h = byName.get(key);
    if (h == null) {
      h = byEndpoint.get(key.startsWith("/") ? key : "/" + key);
    }
    if (h == null) {
      throw new ScimException(404, null, "no resource type " + nameOrEndpoint);
    }
    return h;
  }

  private static ResourceStore noStore(ResourceType type) {
    throw new IllegalStateException("no store provider");
  }

  private static RequestContext check(RequestContext ctx) {
    return requireNonNull(ctx, "ctx == null");
  }

  private static ResponseOptions check(ResponseOptions options) {
    return requireNonNull(options, "options == null");
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Builds a {@link ScimEngine}. */
  public static final class Builder {
    /** Default for {@link #maxPageSize(int)}. */
    public static final int DEFAULT_MAX_PAGE_SIZE = 1000;

    /** Default for {@link #cursorTimeout(Duration)}: one hour. */
    public static final Duration DEFAULT_CURSOR_TIMEOUT = Duration.ofHours(1);

    private final Map<String, ResourceType> types = new LinkedHashMap<>();
    private final Map<String, ResourceStore> stores = new LinkedHashMap<>();
    private final Map<String, List<ResourceCheck>> checks = new LinkedHashMap<>();
    private StoreProvider storeProvider;
    private boolean storeProviderGiven;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> idGenerator = () -> UUID.randomUUID().toString();
    private int maxPageSize = DEFAULT_MAX_PAGE_SIZE;
    private FilterLimits filterLimits = FilterLimits.defaults();
    private BulkLimits bulkLimits = BulkLimits.defaults();
    private final List<AuthenticationScheme> authenticationSchemes = new ArrayList<>();
    private final List<AuditListener> auditListeners = new ArrayList<>();
    private final Map<String, ProvisioningListener> eventListeners = new LinkedHashMap<>();
    private final Map<String, java.util.Set<String>> eventValues = new LinkedHashMap<>();
    private Duration eventPollInterval = Duration.ofSeconds(1);
    private String documentationUri;
    private byte[] cursorSecret;
    private Duration cursorTimeout = DEFAULT_CURSOR_TIMEOUT;

    private Builder() {
      types.put("User", Schemas.userType());
      types.put("Group", Schemas.groupType());
    }

    /**
     * Adds a resource type, or replaces the one of the same name (to give User another
     * extension, say).
     */
    public Builder resourceType(ResourceType type) {
      requireNonNull(type, "type == null");
      types.put(type.name(), type);
      return this;
    }

    /**
     * Supplies the stores of every type that has no store of its own, and runs the store calls of
     * each request as one unit of work ({@link StoreProvider#transaction}). Default: in memory.
     */
    public Builder storeProvider(StoreProvider provider) {
      this.storeProvider = requireNonNull(provider, "provider == null");
      this.storeProviderGiven = true;
      return this;
    }

    /**
     * Uses {@code store} for the resource type named {@code resourceType}. A group type's store
     * must be a {@link dev.scimkit.core.store.GroupStore}. Its calls run in the units of work of
     * the {@link #storeProvider(StoreProvider) store provider}, so a store given here that keeps
     * its data in the same database as the provider's should join the provider's transactions.
     */
    public Builder store(String resourceType, ResourceStore store) {
      stores.put(
          requireNonNull(resourceType, "resourceType == null"),
          requireNonNull(store, "store == null"));
      return this;
    }

    /**
     * Adds a host rule for the resource type named {@code resourceType}, run after schema
     * validation on every create, replace and patch; see {@link ResourceCheck} and {@link
     * dev.scimkit.core.validation.BeanValidationCheck} for Jakarta Validation constraints.
     */
    public Builder check(String resourceType, ResourceCheck check) {
      requireNonNull(resourceType, "resourceType == null");
      requireNonNull(check, "check == null");
      checks.computeIfAbsent(resourceType, k -> new ArrayList<>()).add(check);
      return this;
    }

    /** The clock for {@code meta.created}, {@code meta.lastModified} and audit events. Default: system UTC. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** Generates resource ids. Default: random UUIDs. */
    public Builder idGenerator(Supplier<String> idGenerator) {
      this.idGenerator = requireNonNull(idGenerator, "idGenerator == null");
      return this;
    }

    /**
     * The largest page a search returns (also the page size when the client gives no {@code
     * count}). Default {@value #DEFAULT_MAX_PAGE_SIZE}.
     */
    public Builder maxPageSize(int maxPageSize) {
      if (maxPageSize < 1) {
        throw new IllegalArgumentException("maxPageSize < 1: " + maxPageSize);
      }
      this.maxPageSize = maxPageSize;
      return this;
    }

    /** Limits for filters and PATCH paths. Default {@link FilterLimits#defaults()}. */
    public Builder filterLimits(FilterLimits limits) {
      this.filterLimits = requireNonNull(limits, "limits == null");
      return this;
    }

    /** Limits on {@code /Bulk} requests. Default {@link BulkLimits#defaults()}. */
    public Builder bulkLimits(BulkLimits limits) {
      this.bulkLimits = requireNonNull(limits, "limits == null");
      return this;
    }

    /**
     * Advertises an authentication scheme in {@code /ServiceProviderConfig}; when none is added,
     * {@link AuthenticationScheme#bearerToken()} is advertised.
     */
    public Builder authenticationScheme(AuthenticationScheme scheme) {
      authenticationSchemes.add(requireNonNull(scheme, "scheme == null"));
      return this;
    }

    /**
     * Adds a listener that hears about every committed change (create, replace, patch, delete,
     * also within bulk requests); listeners are called in the order added. When none is added,
     * the engine uses {@link AuditListener#logging()}; to keep that one as well as your own, add
     * it too.
     */
    public Builder auditListener(AuditListener listener) {
      auditListeners.add(requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * Adds a listener for provisioning events (users created, deactivated, deleted; members
     * added; …), called after each change commits; see the {@link dev.scimkit.core.event} package
     * for the guarantees of each kind of store.
     *
     * @param name the listener's durable name: with an outbox, delivery progress is kept under
     *     it, so keep it stable across restarts and the same on every instance
     * @throws IllegalArgumentException if a listener of this name was added already
     */
    public Builder eventListener(String name, ProvisioningListener listener) {
      requireNonNull(name, "name == null");
      requireNonNull(listener, "listener == null");
      if (name.isBlank() || eventListeners.putIfAbsent(name, listener) != null) {
        throw new IllegalArgumentException("blank or duplicate event listener name: " + name);
      }
      return this;
    }

    /**
     * The secret that seals the cursors of cursor paging (RFC 9865), at least 16 bytes. Cursors
     * are encrypted and authenticated with a key derived from it, so clients can neither read nor
     * forge them. Default: 32 random bytes chosen when the engine is built, which is right for one
     * server; give every instance behind one load balancer the same secret (from your secret
     * store), or a cursor issued by one instance is {@code 400 invalidCursor} on another, as it
     * is after a restart.
     */
    public Builder cursorSecret(byte[] secret) {
      requireNonNull(secret, "secret == null");
      if (secret.length < 16) {
        throw new IllegalArgumentException("cursorSecret shorter than 16 bytes: " + secret.length);
      }
      this.cursorSecret = secret.clone();
      return this;
    }

    /**
     * Has the events of {@code resourceType} carry the old and new values of these attributes
     * when they change ({@link ProvisioningEvent#values()}): core attributes by name ({@code
     * "active"}, {@code "emails"}), extension attributes as {@code urn:…:name}. By default events
     * carry attribute names only.
     */
    public Builder eventValues(String resourceType, String... attributes) {
      requireNonNull(resourceType, "resourceType == null");
      java.util.Set<String> set = eventValues.computeIfAbsent(resourceType, k -> new java.util.LinkedHashSet<>());
      for (String a : attributes) {
        set.add(requireNonNull(a, "attribute == null"));
      }
      return this;
    }

    /**
     * How often delivery from an outbox looks for events committed by other instances (its own
     * are delivered at once). Default one second.
     */
    public Builder eventPollInterval(Duration interval) {
      requireNonNull(interval, "interval == null");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("interval must be positive: " + interval);
      }
      this.eventPollInterval = interval;
      return this;
    }

    /**
     * How long a cursor stays valid after the response that carried it; an older one is {@code
     * 400 expiredCursor}. Advertised as {@code pagination.cursorTimeout}. Cursors hold no state
     * on the server, so this is a limit on how long a leaked cursor can be used, not a cost.
     * Default {@link #DEFAULT_CURSOR_TIMEOUT}, at least one second.
     */
    public Builder cursorTimeout(Duration timeout) {
      requireNonNull(timeout, "timeout == null");
      if (timeout.getSeconds() < 1) {
        throw new IllegalArgumentException("cursorTimeout below one second: " + timeout);
      }
      this.cursorTimeout = timeout;
      return this;
    }

    /** The host's documentation, advertised as {@code documentationUri}. */
    public Builder documentationUri(String uri) {
      this.documentationUri = requireNonNull(uri, "uri == null");
      return this;
    }

    /**
     * Builds the engine.
     *
     * @throws IllegalStateException if a group type's store does not keep membership
     */
    public ScimEngine build() {
      if (storeProvider == null) {
        storeProvider = new InMemoryStore(clock);
      }
      Collection<String> missing = new ArrayList<>(stores.keySet());
      missing.addAll(checks.keySet());
      missing.addAll(eventValues.keySet());
      missing.removeAll(types.keySet());
      if (!missing.isEmpty()) {
        throw new IllegalStateException("stores, checks or event values given for unknown resource types: " + missing);
      }
      return new ScimEngine(this);
    }
  }
}
