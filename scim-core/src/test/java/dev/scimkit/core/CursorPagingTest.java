package dev.scimkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.auth.MutableClock;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.StoredResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Cursor paging (RFC 9865) through the engine, on the in-memory store and on a store without keyset paging. */
class CursorPagingTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final RequestContext ACME = RequestContext.of("acme");
  private static final RequestContext GLOBEX = RequestContext.of("globex");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final ScimEngine engine = ScimEngine.builder().clock(clock).build();

  // ---- the walk --------------------------------------------------------------------------------

  @Test
  void firstPage_hasNextCursorButNoPreviousCursorNorStartIndex() {
    createUsers(engine, ACME, "u", 5);

    ListResponse first = engine.search("User", cursor("", "2"), ACME, "");

    assertThat(first.totalResults()).isEqualTo(5);
    assertThat(first.itemsPerPage()).isEqualTo(2);
    assertThat(first.nextCursor()).matches("[A-Za-z0-9_-]+");
    assertThat(first.previousCursor()).isNull();
    ObjectNode json = first.toJson();
    assertThat(json.has("startIndex")).isFalse();
    assertThat(json.get("nextCursor").asText()).isEqualTo(first.nextCursor());
    assertThat(json.has("previousCursor")).isFalse();
  }

  @Test
  void walk_byNextCursor_returnsEveryResourceOnceInCreationOrder_andTheLastPageHasNoNextCursor() {
    List<String> created = createUsers(engine, ACME, "u", 23);

    List<ListResponse> pages = walk(engine, "User", ACME, null, 5);

    assertThat(pages).hasSize(5);
    assertThat(ids(pages)).containsExactlyElementsOf(created);
    assertThat(pages.get(4).nextCursor()).isNull();
    assertThat(pages.get(4).itemsPerPage()).isEqualTo(3);
    assertThat(pages.subList(1, 5)).allSatisfy(p -> assertThat(p.previousCursor()).isNotNull());
  }

  @Test
  void walk_whoseCountDividesTheTotal_endsWithoutAnEmptyPage() {
    createUsers(engine, ACME, "u", 6);

    List<ListResponse> pages = walk(engine, "User", ACME, null, 3);

    assertThat(pages).hasSize(2);
    assertThat(pages.get(1).nextCursor()).isNull();
  }

  @Test
  void walk_whileOthersCreateAndDelete_neitherSkipsNorRepeatsAResourceThatStayed() {
    List<String> created = createUsers(engine, ACME, "u", 40);
    Set<String> deleted = new HashSet<>();
    List<String> seen = new ArrayList<>();
    AtomicInteger extra = new AtomicInteger();
    String cursor = "";
    int page = 0;
    while (cursor != null) {
      ListResponse r = engine.search("User", cursor(cursor, "7"), ACME, "");
      r.resources().forEach(u -> seen.add(u.get("id").asText()));
      cursor = r.nextCursor();
      // between pages: delete one resource already seen, one not yet seen, and create two
      String behind = created.get(page);
      String ahead = created.get(39 - page);
      for (String id : List.of(behind, ahead)) {
        if (deleted.add(id)) {
          engine.delete("User", id, ResourceStore.ANY_VERSION, ACME);
        }
      }
      createUsers(engine, ACME, "new" + extra.incrementAndGet() + "-", 2);
      page++;
    }
    assertThat(seen).doesNotHaveDuplicates();
    List<String> stayed = created.stream().filter(id -> !deleted.contains(id)).toList();
    assertThat(seen).containsAll(stayed);
    List<String> deletedAhead = new ArrayList<>();
    for (int p = 0; p < page; p++) {
      deletedAhead.add(created.get(39 - p));
    }
    // a resource deleted before the walk reached it is never returned
    assertThat(seen).doesNotContainAnyElementsOf(deletedAhead.subList(0, Math.min(3, deletedAhead.size())));
  }

  @Test
  void previousCursor_returnsThePreviousPage() {
    List<String> created = createUsers(engine, ACME, "u", 10);
    ListResponse first = engine.search("User", cursor("", "4"), ACME, "");
    ListResponse second = engine.search("User", cursor(first.nextCursor(), "4"), ACME, "");
    ListResponse third = engine.search("User", cursor(second.nextCursor(), "4"), ACME, "");

    ListResponse back = engine.search("User", cursor(third.previousCursor(), "4"), ACME, "");
    ListResponse backAgain = engine.search("User", cursor(back.previousCursor(), "4"), ACME, "");

    assertThat(ids(List.of(third))).containsExactlyElementsOf(created.subList(8, 10));
    assertThat(ids(List.of(back))).containsExactlyElementsOf(created.subList(4, 8));
    assertThat(ids(List.of(backAgain))).containsExactlyElementsOf(created.subList(0, 4));
    assertThat(backAgain.previousCursor()).as("the first page has no page before it").isNull();
    assertThat(backAgain.nextCursor()).isNotNull();
    ListResponse forwardAgain = engine.search("User", cursor(backAgain.nextCursor(), "4"), ACME, "");
    assertThat(ids(List.of(forwardAgain))).containsExactlyElementsOf(created.subList(4, 8));
  }

  @Test
  void filteredWalk_returnsOnlyMatches() {
    List<String> created = createUsers(engine, ACME, "u", 12);
    for (int i = 0; i < 12; i += 3) {
      engine.patch("User", created.get(i), patch("active", false), ResourceStore.ANY_VERSION, ACME,
          ResponseOptions.defaults());
    }

    List<ListResponse> pages = walk(engine, "User", ACME, "active eq false", 3);

    assertThat(ids(pages)).containsExactly(created.get(0), created.get(3), created.get(6), created.get(9));
    assertThat(pages.get(0).totalResults()).isEqualTo(4);
  }

  @Test
  void totalResults_isTheCountWhenTheWalkBegan() {
    List<String> created = createUsers(engine, ACME, "u", 6);
    ListResponse first = engine.search("User", cursor("", "2"), ACME, "");
    engine.delete("User", created.get(5), ResourceStore.ANY_VERSION, ACME);

    ListResponse second = engine.search("User", cursor(first.nextCursor(), "2"), ACME, "");

    assertThat(second.totalResults()).isEqualTo(6);
  }

  @Test
  void countZero_answersOnlyTheTotal_andCountAboveTheMaximumIsReduced() {
    ScimEngine small = ScimEngine.builder().maxPageSize(3).build();
    createUsers(small, ACME, "u", 5);

    ListResponse zero = small.search("User", cursor("", "0"), ACME, "");
    ListResponse negative = small.search("User", cursor("", "-4"), ACME, "");
    ListResponse huge = small.search("User", cursor("", "500"), ACME, "");
    ListResponse absent = small.search("User", cursor("", null), ACME, "");

    assertThat(zero.totalResults()).isEqualTo(5);
    assertThat(zero.resources()).isEmpty();
    assertThat(zero.nextCursor()).isNull();
    assertThat(negative.resources()).isEmpty();
    assertThat(huge.itemsPerPage()).isEqualTo(3);
    assertThat(absent.itemsPerPage()).isEqualTo(3);
    assertThat(huge.nextCursor()).isNotNull();
  }

  @Test
  void indexPaging_staysTheDefault_withoutCursors() {
    createUsers(engine, ACME, "u", 5);

    ListResponse page = engine.search("User", new SearchParameters(null, null, null, "2", "2", null, null), ACME, "");

    assertThat(page.startIndex()).isEqualTo(2);
    assertThat(page.nextCursor()).isNull();
    assertThat(page.toJson().get("startIndex").asInt()).isEqualTo(2);
    assertThat(page.toJson().has("nextCursor")).isFalse();
  }

  // ---- what a cursor is bound to ---------------------------------------------------------------

  @Test
  void cursor_ofAnotherTenant_isInvalidCursor() {
    createUsers(engine, ACME, "u", 3);
    createUsers(engine, GLOBEX, "g", 3);
    String acmeCursor = engine.search("User", cursor("", "1"), ACME, "").nextCursor();

    assertScimError(() -> engine.search("User", cursor(acmeCursor, "1"), GLOBEX, ""), 400, ScimType.INVALID_CURSOR);
  }

  @Test
  void cursor_ofAnotherFilterOrEndpoint_isInvalidCursor() {
    createUsers(engine, ACME, "u", 3);
    engine.create("Group", group("g1"), ACME, ResponseOptions.defaults());
    engine.create("Group", group("g2"), ACME, ResponseOptions.defaults());
    String all = engine.search("User", cursor("", "1"), ACME, "").nextCursor();
    String groups = engine.search("Group", cursor("", "1"), ACME, "").nextCursor();

    SearchParameters otherFilter = new SearchParameters("active eq true", null, null, null, "1", null, null, all);
    assertScimError(() -> engine.search("User", otherFilter, ACME, ""), 400, ScimType.INVALID_CURSOR);
    assertScimError(() -> engine.search("User", cursor(groups, "1"), ACME, ""), 400, ScimType.INVALID_CURSOR);
    assertScimError(() -> engine.searchAll(cursor(all, "1"), ACME, ""), 400, ScimType.INVALID_CURSOR);
  }

  @Test
  void cursor_bindsTheFilterNotItsSpelling() {
    createUsers(engine, ACME, "u", 3);
    SearchParameters spelled = new SearchParameters("userName sw \"u\"", null, null, null, "1", null, null, "");
    String next = engine.search("User", spelled, ACME, "").nextCursor();
    assertThat(next).isNotNull();

    SearchParameters respelled = new SearchParameters("userName  SW   \"u\"", null, null, null, "1", null, null, next);
    ListResponse page = engine.search("User", respelled, ACME, "");

    assertThat(page.itemsPerPage()).isEqualTo(1);
  }

  @Test
  void cursor_tamperedForgedOrOversized_isInvalidCursor_withOneDetailForEveryReason() {
    createUsers(engine, ACME, "u", 3);
    String next = engine.search("User", cursor("", "1"), ACME, "").nextCursor();
    char flipped = next.charAt(10) == 'A' ? 'B' : 'A';
    String tampered = next.substring(0, 10) + flipped + next.substring(11);

    List<String> bad = List.of(tampered, next.substring(0, next.length() - 2), "abc", "not a cursor!",
        "' OR 1=1 --", "x".repeat(5000), next + "A");
    Set<String> details = new HashSet<>();
    for (String cursor : bad) {
      ScimException e = catchScim(() -> engine.search("User", cursor(cursor, "1"), ACME, ""));
      assertThat(e.status()).as(cursor).isEqualTo(400);
      assertThat(e.scimType()).as(cursor).isEqualTo(ScimType.INVALID_CURSOR);
      details.add(e.detail());
    }
    assertThat(details).hasSize(1);
  }

  @Test
  void cursor_ofAnotherEngine_isInvalid_unlessItSharesTheSecret() {
    byte[] secret = "a secret of thirty-two bytes ok!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    InMemoryStore shared = new InMemoryStore();
    ScimEngine one = ScimEngine.builder().storeProvider(shared).cursorSecret(secret).build();
    ScimEngine two = ScimEngine.builder().storeProvider(shared).cursorSecret(secret).build();
    ScimEngine other = ScimEngine.builder().storeProvider(shared).build();
    createUsers(one, ACME, "u", 3);
    String next = one.search("User", cursor("", "1"), ACME, "").nextCursor();

    assertThat(two.search("User", cursor(next, "1"), ACME, "").itemsPerPage()).isEqualTo(1);
    assertScimError(() -> other.search("User", cursor(next, "1"), ACME, ""), 400, ScimType.INVALID_CURSOR);
  }

  @Test
  void cursor_olderThanTheTimeout_isExpiredCursor() {
    ScimEngine timed = ScimEngine.builder().clock(clock).cursorTimeout(Duration.ofMinutes(10)).build();
    createUsers(timed, ACME, "u", 3);
    String next = timed.search("User", cursor("", "1"), ACME, "").nextCursor();
    clock.advance(Duration.ofMinutes(10));
    String stillValid = timed.search("User", cursor(next, "1"), ACME, "").nextCursor();
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    assertScimError(() -> timed.search("User", cursor(stillValid, "1"), ACME, ""), 400, ScimType.EXPIRED_CURSOR);
  }

  // ---- parameters that do not go with a cursor -------------------------------------------------

  @Test
  void cursorWithStartIndexOrSortBy_isInvalidValue_andABadCountIsInvalidCount() {
    createUsers(engine, ACME, "u", 3);

    assertScimError(() -> engine.search("User", new SearchParameters(null, null, null, "1", "2", null, null, ""), ACME, ""),
        400, ScimType.INVALID_VALUE);
    assertScimError(() -> engine.search("User", new SearchParameters(null, "userName", null, null, "2", null, null, ""), ACME, ""),
        400, ScimType.INVALID_VALUE);
    assertScimError(() -> engine.search("User", cursor("", "ten"), ACME, ""), 400, ScimType.INVALID_COUNT);
  }

  @Test
  void searchRequestBody_readsTheCursor() {
    ObjectNode body = NODES.objectNode().put("cursor", "").put("count", 10);
    assertThat(SearchParameters.fromJson(body).cursor()).isEmpty();
    assertThat(SearchParameters.fromJson(NODES.objectNode()).cursor()).isNull();
  }

  // ---- root search ------------------------------------------------------------------------------

  @Test
  void rootSearch_walksEveryTypeInTurn_forwardAndBack() {
    List<String> users = createUsers(engine, ACME, "u", 5);
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      groups.add(engine.create("Group", group("g" + i), ACME, ResponseOptions.defaults()).id());
    }
    List<ListResponse> pages = new ArrayList<>();
    String cursor = "";
    while (cursor != null) {
      ListResponse page = engine.searchAll(cursor(cursor, "3"), ACME, "");
      pages.add(page);
      cursor = page.nextCursor();
    }
    List<String> all = new ArrayList<>(users);
    all.addAll(groups);

    assertThat(ids(pages)).containsExactlyElementsOf(all);
    assertThat(pages).hasSize(3);
    assertThat(pages.get(0).totalResults()).isEqualTo(9);
    ListResponse back = engine.searchAll(cursor(pages.get(2).previousCursor(), "3"), ACME, "");
    assertThat(ids(List.of(back))).containsExactlyElementsOf(all.subList(3, 6));
    ListResponse backAgain = engine.searchAll(cursor(back.previousCursor(), "3"), ACME, "");
    assertThat(ids(List.of(backAgain))).containsExactlyElementsOf(all.subList(0, 3));
    assertThat(backAgain.previousCursor()).isNull();
  }

  @Test
  void rootSearch_withAFilterOfOneType_walksOnlyThatType() {
    createUsers(engine, ACME, "u", 3);
    engine.create("Group", group("g0"), ACME, ResponseOptions.defaults());

    List<ListResponse> pages = walkRoot(engine, ACME, "displayName eq \"g0\"", 2);

    assertThat(ids(pages)).hasSize(1);
  }

  // ---- a store without keyset paging -----------------------------------------------------------

  @Test
  void storeWithoutKeysetPaging_isWalkedInIdOrder_whileOthersCreateAndDelete() {
    InMemoryStore memory = new InMemoryStore();
    AtomicInteger ids = new AtomicInteger(1000);
    ScimEngine byId = ScimEngine.builder()
        .storeProvider(memory)
        .store("User", new IdPagedStore(memory.storeFor(Schemas.userType())))
        .idGenerator(() -> "id-" + ids.getAndIncrement())
        .build();
    List<String> created = createUsers(byId, ACME, "u", 20);
    List<String> seen = new ArrayList<>();
    String cursor = "";
    int round = 0;
    while (cursor != null) {
      ListResponse page = byId.search("User", cursor(cursor, "4"), ACME, "");
      page.resources().forEach(r -> seen.add(r.get("id").asText()));
      cursor = page.nextCursor();
      byId.delete("User", created.get(19 - round), ResourceStore.ANY_VERSION, ACME);
      createUsers(byId, ACME, "late" + round + "-", 1);
      round++;
    }
    assertThat(seen).doesNotHaveDuplicates().isSorted();
    assertThat(seen).containsAll(created.subList(0, 12));
    ListResponse first = byId.search("User", cursor("", "4"), ACME, "");
    ListResponse second = byId.search("User", cursor(first.nextCursor(), "4"), ACME, "");
    ListResponse back = byId.search("User", cursor(second.previousCursor(), "4"), ACME, "");
    assertThat(ids(List.of(back))).containsExactlyElementsOf(ids(List.of(first)));
  }

  @Test
  void cursorOfAKeysetStore_isInvalid_onAStorePagedById() {
    InMemoryStore memory = new InMemoryStore();
    byte[] secret = new byte[32];
    ScimEngine keyset = ScimEngine.builder().storeProvider(memory).cursorSecret(secret).build();
    ScimEngine byId = ScimEngine.builder().storeProvider(memory).cursorSecret(secret)
        .store("User", new IdPagedStore(memory.storeFor(Schemas.userType()))).build();
    createUsers(keyset, ACME, "u", 3);
    String next = keyset.search("User", cursor("", "1"), ACME, "").nextCursor();

    assertScimError(() -> byId.search("User", cursor(next, "1"), ACME, ""), 400, ScimType.INVALID_CURSOR);
  }

  // ---- discovery -------------------------------------------------------------------------------

  @Test
  void serviceProviderConfig_advertisesBothPagingMethods_indexByDefault() {
    ScimEngine configured = ScimEngine.builder().maxPageSize(200).cursorTimeout(Duration.ofMinutes(15)).build();
    JsonNode pagination = configured.serviceProviderConfig("").get("pagination");

    assertThat(pagination.get("cursor").asBoolean()).isTrue();
    assertThat(pagination.get("index").asBoolean()).isTrue();
    assertThat(pagination.get("defaultPaginationMethod").asText()).isEqualTo("index");
    assertThat(pagination.get("defaultPageSize").asInt()).isEqualTo(200);
    assertThat(pagination.get("maxPageSize").asInt()).isEqualTo(200);
    assertThat(pagination.get("cursorTimeout").asInt()).isEqualTo(900);
    JsonNode schema = configured.schemaDocument(Schemas.SERVICE_PROVIDER_CONFIG, "");
    List<String> names = new ArrayList<>();
    schema.get("attributes").forEach(a -> names.add(a.get("name").asText()));
    assertThat(names).contains("pagination");
  }

  @Test
  void builder_refusesShortSecretsAndTimeouts() {
    assertThatThrownBy(() -> ScimEngine.builder().cursorSecret(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScimEngine.builder().cursorTimeout(Duration.ofMillis(500))).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static SearchParameters cursor(String cursor, String count) {
    return new SearchParameters(null, null, null, null, count, null, null, cursor);
  }

  private static List<ListResponse> walk(ScimEngine engine, String type, RequestContext ctx, String filter, int count) {
    return walkWith(cursor -> engine.search(type, new SearchParameters(filter, null, null, null, Integer.toString(count), null, null, cursor), ctx, ""));
  }

  private static List<ListResponse> walkRoot(ScimEngine engine, RequestContext ctx, String filter, int count) {
    return walkWith(cursor -> engine.searchAll(new SearchParameters(filter, null, null, null, Integer.toString(count), null, null, cursor), ctx, ""));
  }

  private static List<ListResponse> walkWith(Function<String, ListResponse> page) {
    List<ListResponse> pages = new ArrayList<>();
    String cursor = "";
    while (cursor != null) {
      ListResponse r = page.apply(cursor);
      pages.add(r);
      cursor = r.nextCursor();
      assertThat(pages).as("a walk that ends").hasSizeLessThan(1000);
    }
    return pages;
  }

  private static List<String> ids(List<ListResponse> pages) {
    List<String> ids = new ArrayList<>();
    for (ListResponse p : pages) {
      p.resources().forEach(r -> ids.add(r.get("id").asText()));
    }
    return ids;
  }

  private static List<String> createUsers(ScimEngine engine, RequestContext ctx, String prefix, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ObjectNode body = NODES.objectNode();
      body.putArray("schemas").add(Schemas.USER);
      body.put("userName", prefix + i + "@example.com");
      ids.add(engine.create("User", body, ctx, ResponseOptions.defaults()).id());
    }
    return ids;
  }

  private static ObjectNode group(String name) {
    ObjectNode body = NODES.objectNode();
    body.putArray("schemas").add(Schemas.GROUP);
    body.put("displayName", name);
    return body;
  }

  private static ObjectNode patch(String path, boolean value) {
    ObjectNode body = NODES.objectNode();
    body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
    body.putArray("Operations").addObject().put("op", "replace").put("path", path).put("value", value);
    return body;
  }

  private static ScimException catchScim(Runnable call) {
    try {
      call.run();
    } catch (ScimException e) {
      return e;
    }
    throw new AssertionError("expected a ScimException");
  }

  private static void assertScimError(Runnable call, int status, ScimType type) {
    ScimException e = catchScim(call);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.scimType()).as(e.detail()).isEqualTo(type);
  }

  /** A host store that does not page by keyset: the engine pages it by id. */
  private record IdPagedStore(ResourceStore delegate) implements ResourceStore {
    @Override
    public StoredResource create(StoredResource resource, RequestContext ctx) {
      return delegate.create(resource, ctx);
    }

    @Override
    public Optional<StoredResource> get(String id, RequestContext ctx) {
      return delegate.get(id, ctx);
    }

    @Override
    public StoredResource replace(StoredResource resource, long expectedVersion, RequestContext ctx) {
      return delegate.replace(resource, expectedVersion, ctx);
    }

    @Override
    public void delete(String id, long expectedVersion, RequestContext ctx) {
      delegate.delete(id, expectedVersion, ctx);
    }

    @Override
    public SearchResult search(SearchRequest request, RequestContext ctx) {
      assertThat(request.keyset()).as("a keyset request to a store without keyset paging").isNull();
      return delegate.search(request, ctx);
    }
  }
}
