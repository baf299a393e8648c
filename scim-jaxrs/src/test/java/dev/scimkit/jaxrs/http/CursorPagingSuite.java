package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.Fixtures.createGroup;
import static dev.scimkit.jaxrs.http.Fixtures.createUser;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertListResponse;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimResponse;
import static dev.scimkit.jaxrs.http.ScimHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.jaxrs.ScimHttpConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Cursor paging (RFC 9865) over HTTP: {@code ?cursor} and {@code "cursor": ""} start a walk,
 * {@code nextCursor} and {@code previousCursor} move through it, on {@code GET /Users}, {@code
 * POST /Users/.search} and {@code POST /.search}; every error is the SCIM error body with the
 * RFC's {@code scimType}. Each test pages through resources of its own, picked by a filter.
 */
public abstract class CursorPagingSuite extends ScimHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final OrganizationTokens tokens = OrganizationTokens.builder(new InMemoryTokenStore()).build();
  private final String tokenA = Secrets.issue(tokens, "cursor-a");
  private final String tokenB = Secrets.issue(tokens, "cursor-b");

  @Override
  protected ScimEngine.Builder engine(ScimEngine.Builder builder) {
    return builder.clock(clock).cursorTimeout(Duration.ofMinutes(30));
  }

  @Override
  protected ScimHttpConfig.Builder config(ScimHttpConfig.Builder builder) {
    return builder.authenticator(tokens.authenticator());
  }

  @Override
  protected ScimHttp client(ScimHttp plain) {
    return plain.withBearer(tokenA);
  }

  // ---- walking ---------------------------------------------------------------------------------

  @Test
  void get_cursorWithoutValue_startsAWalk_withNextCursorAndNeitherStartIndexNorPreviousCursor() {
    String prefix = unique("first");
    createUsers(prefix, 3);

    for (String start : List.of("&cursor", "&cursor=")) {
      Reply r = http.get("/Users?filter=" + form("userName sw \"" + prefix + "\"") + start + "&count=2");
      assertScimResponse(r);
      JsonNode body = r.json();
      assertThat(body.path("totalResults").isInt()).isTrue();
      assertThat(body.path("totalResults").asInt()).isEqualTo(3);
      assertThat(body.path("itemsPerPage").asInt()).isEqualTo(2);
      assertThat(body.has("startIndex")).as("%s", r).isFalse();
      assertThat(body.has("previousCursor")).as("%s", r).isFalse();
      assertThat(body.path("nextCursor").asText()).as("RFC 3986 unreserved characters").matches("[A-Za-z0-9._~-]+");
    }
  }

  @Test
  void get_walkByNextCursor_returnsEveryResourceOnce_andTheLastPageHasNoNextCursor() {
    String prefix = unique("walk");
    List<String> created = createUsers(prefix, 7);

    List<JsonNode> pages = walk(cursor -> http.get(
        "/Users?filter=" + form("userName sw \"" + prefix + "\"") + "&count=3&cursor=" + cursor));

    assertThat(pages).hasSize(3);
    assertThat(ids(pages)).containsExactlyElementsOf(created);
    assertThat(pages.get(2).has("nextCursor")).isFalse();
    assertThat(pages.get(1).has("previousCursor")).isTrue();
  }

  @Test
  void get_walk_whileResourcesAreCreatedAndDeletedBetweenPages_neitherRepeatsNorSkips() {
    String prefix = unique("churn");
    List<String> created = createUsers(prefix, 12);
    Set<String> deleted = new HashSet<>();
    List<String> seen = new ArrayList<>();
    String cursor = "";
    for (int round = 0; cursor != null; round++) {
      Reply r = http.get("/Users?filter=" + form("userName sw \"" + prefix + "\"") + "&count=3&cursor=" + cursor);
      assertThat(r.status()).as("%s", r).isEqualTo(200);
      r.json().path("Resources").forEach(u -> seen.add(u.path("id").asText()));
      cursor = r.json().has("nextCursor") ? r.json().path("nextCursor").asText() : null;
      for (String id : List.of(created.get(round), created.get(11 - round))) {
        if (deleted.add(id)) {
          assertThat(http.delete("/Users/" + id).status()).isEqualTo(204);
        }
      }
      createUser(http, prefix + "-late" + round);
      assertThat(round).isLessThan(50);
    }
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen).containsAll(created.stream().filter(id -> !deleted.contains(id)).toList());
    assertThat(seen).doesNotContain(created.get(11), created.get(10));
  }

  @Test
  void previousCursor_returnsThePreviousPage() {
    String prefix = unique("back");
    List<String> created = createUsers(prefix, 6);
    String filter = "/Users?filter=" + form("userName sw \"" + prefix + "\"") + "&count=2&cursor=";
    JsonNode first = http.get(filter).json();
    JsonNode second = http.get(filter + first.path("nextCursor").asText()).json();
    JsonNode third = http.get(filter + second.path("nextCursor").asText()).json();

    JsonNode back = http.get(filter + third.path("previousCursor").asText()).json();

    assertThat(ids(List.of(back))).containsExactlyElementsOf(created.subList(2, 4));
    assertThat(ids(List.of(third))).containsExactlyElementsOf(created.subList(4, 6));
  }

  @Test
  void postSearch_cursorInTheBody_walksLikeGet() {
    String prefix = unique("post");
    List<String> created = createUsers(prefix, 5);

    List<JsonNode> pages = walk(cursor -> http.post("/Users/.search", searchBody(
        "userName sw \"" + prefix + "\"", cursor, 2)));

    assertThat(ids(pages)).containsExactlyElementsOf(created);
  }

  @Test
  void rootSearch_walksUsersThenGroups() {
    String prefix = unique("root");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ObjectNode user = JSON.createObjectNode();
      user.putArray("schemas").add(Fixtures.USER_SCHEMA);
      user.put("userName", prefix + "-user" + i);
      user.put("displayName", prefix + " user " + i);
      expected.add(http.post("/Users", user.toString()).id());
    }
    for (int i = 0; i < 3; i++) {
      expected.add(createGroup(http, prefix + " group " + i));
    }

    List<JsonNode> pages = walk(cursor -> http.post("/.search", searchBody(
        "displayName sw \"" + prefix + "\"", cursor, 4)));

    assertThat(ids(pages)).containsExactlyElementsOf(expected);
    assertThat(pages.get(0).path("totalResults").asInt()).isEqualTo(6);
    assertThat(pages.get(1).path("Resources").get(0).path("meta").path("resourceType").asText()).isEqualTo("Group");
  }

  @Test
  void indexPaging_staysTheDefault() {
    String prefix = unique("index");
    createUsers(prefix, 3);

    Reply r = http.get("/Users?filter=" + form("userName sw \"" + prefix + "\"") + "&startIndex=2&count=1");

    JsonNode body = assertListResponse(r, 3, 2, 1);
    assertThat(body.has("nextCursor")).isFalse();
  }

  @Test
  void serviceProviderConfig_advertisesPagination() {
    JsonNode pagination = http.get("/ServiceProviderConfig").json().path("pagination");

    assertThat(pagination.path("cursor").asBoolean()).isTrue();
    assertThat(pagination.path("index").asBoolean()).isTrue();
    assertThat(pagination.path("defaultPaginationMethod").asText()).isEqualTo("index");
    assertThat(pagination.path("maxPageSize").isInt()).isTrue();
    assertThat(pagination.path("cursorTimeout").asInt()).isEqualTo(1800);
  }

  // ---- errors ----------------------------------------------------------------------------------

  @Test
  void tamperedOrForgedCursor_is400InvalidCursor() {
    String prefix = unique("tamper");
    createUsers(prefix, 3);
    String query = "/Users?filter=" + form("userName sw \"" + prefix + "\"") + "&count=1&cursor=";
    String next = http.get(query).json().path("nextCursor").asText();
    String tampered = next.substring(0, 5) + (next.charAt(5) == 'x' ? 'y' : 'x') + next.substring(6);

    assertScimError(http.get(query + tampered), 400, "invalidCursor");
    assertScimError(http.get(query + "MTIzNDU2"), 400, "invalidCursor");
    assertScimError(http.get(query + form("' OR 1=1 --")), 400, "invalidCursor");
    assertScimError(http.post("/Users/.search", searchBody("userName sw \"" + prefix + "\"", tampered, 1)), 400, "invalidCursor");
  }

  @Test
  void cursorOfAnotherQueryEndpointOrTenant_is400InvalidCursor() {
    String prefix = unique("bound");
    createUsers(prefix, 3);
    createUsers(prefix + "-more", 1);
    createGroup(http, prefix + " g1");
    createGroup(http, prefix + " g2");
    String next = http.get("/Users?filter=" + form("userName sw \"" + prefix + "\"") + "&count=1&cursor")
        .json().path("nextCursor").asText();
    ScimHttp tenantB = ScimHttp.of(server.baseUri()).withBearer(tokenB);

    assertScimError(http.get("/Users?filter=" + form("userName sw \"" + prefix + "-more\"") + "&count=1&cursor=" + next), 400, "invalidCursor");
    assertScimError(http.get("/Groups?filter=" + form("displayName sw \"" + prefix + "\"") + "&count=1&cursor=" + next), 400, "invalidCursor");
    assertScimError(tenantB.get("/Users?filter=" + form("userName sw \"" + prefix + "\"") + "&count=1&cursor=" + next), 400, "invalidCursor");
  }

  @Test
  void cursorOlderThanTheTimeout_is400ExpiredCursor() {
    String prefix = unique("expire");
    createUsers(prefix, 3);
    String query = "/Users?filter=" + form("userName sw \"" + prefix + "\"") + "&count=1&cursor=";
    String next = http.get(query).json().path("nextCursor").asText();
    clock.advance(Duration.ofMinutes(31));

    assertScimError(http.get(query + next), 400, "expiredCursor");
  }

  @Test
  void cursorBesideStartIndexOrSortBy_is400InvalidValue_andABadCountIs400InvalidCount() {
    assertScimError(http.get("/Users?cursor&startIndex=1"), 400, "invalidValue");
    assertScimError(http.get("/Users?cursor&sortBy=userName"), 400, "invalidValue");
    assertScimError(http.get("/Users?cursor&count=many"), 400, "invalidCount");
    assertScimError(http.post("/Users/.search", "{\"cursor\":\"\",\"startIndex\":1}"), 400, "invalidValue");
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private List<String> createUsers(String prefix, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(createUser(http, prefix + "-" + i));
    }
    return ids;
  }

  private static String searchBody(String filter, String cursor, int count) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:SearchRequest");
    body.put("filter", filter);
    body.put("cursor", cursor);
    body.put("count", count);
    return body.toString();
  }

  /** Pages from an empty cursor until a page has no {@code nextCursor}. */
  private static List<JsonNode> walk(Function<String, Reply> page) {
    List<JsonNode> pages = new ArrayList<>();
    String cursor = "";
    while (cursor != null) {
      Reply r = page.apply(cursor);
      assertScimResponse(r);
      assertThat(r.status()).as("%s", r).isEqualTo(200);
      pages.add(r.json());
      cursor = r.json().has("nextCursor") ? r.json().path("nextCursor").asText() : null;
      assertThat(pages).as("a walk that ends").hasSizeLessThan(100);
    }
    return pages;
  }

  private static List<String> ids(List<JsonNode> pages) {
    List<String> ids = new ArrayList<>();
    for (JsonNode p : pages) {
      p.path("Resources").forEach(r -> ids.add(r.path("id").asText()));
    }
    return ids;
  }
}
