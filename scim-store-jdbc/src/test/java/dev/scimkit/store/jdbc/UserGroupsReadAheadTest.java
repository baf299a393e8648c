package dev.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.ListResponse;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.SearchParameters;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.ResourceStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A plain read of a user reads its groups in the same statement, on H2 and PostgreSQL: one
 * statement per {@code GET /Users/{id}}, and a page of users or a lookup by {@code userName}
 * reads all their groups with the page, with the same groups, names and order as a separate
 * query would give, and nothing carried over from one request to the next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserGroupsReadAheadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResponseOptions BASE = ResponseOptions.at("https://example.com/scim/v2");
  /** Names that JSON must escape, outside the BMP, and markup. */
  private static final List<String> NAMES = List.of("Say \"hi\" \\ back", "Ünïcødé 😀\ttab", "<b>&amp;</b>");

  private final List<HikariDataSource> pools = new ArrayList<>();
  private final AtomicInteger statements = new AtomicInteger();
  private List<Arguments> engines;

  @BeforeAll
  void startStores() {
    pools.add(TestDatabases.h2());
    pools.add(TestDatabases.postgres());
    engines = List.of(
        Arguments.of("H2", ScimEngine.builder().storeProvider(JdbcStore.builder(counting(pools.get(0))).build()).build()),
        Arguments.of("PostgreSQL", ScimEngine.builder().storeProvider(JdbcStore.builder(counting(pools.get(1))).build()).build()));
  }

  @AfterAll
  void stopStores() {
    pools.forEach(HikariDataSource::close);
  }

  Stream<Arguments> engines() {
    return engines.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void aUsersGroups_comeWithItInOneStatement(String store, ScimEngine engine) {
    RequestContext ctx = RequestContext.of("t-" + UUID.randomUUID());
    String member = engine.create("User", user("bjensen"), ctx, BASE).id();
    String loner = engine.create("User", user("loner"), ctx, BASE).id();
    List<String> groupIds = new ArrayList<>();
    for (String name : NAMES) {
      groupIds.add(engine.create("Group", group(name, member), ctx, BASE).id());
    }
    engine.create("Group", group("Others", loner), ctx, BASE);

    JsonNode groups = readCounting(engine, member, ctx, store).get("groups");
    assertThat(groups).as(store).hasSize(3);
    for (int i = 0; i < NAMES.size(); i++) {
      assertThat(groups.get(i).get("value").asText()).as(store).isEqualTo(groupIds.get(i));
      assertThat(groups.get(i).get("display").asText()).as(store).isEqualTo(NAMES.get(i));
      assertThat(groups.get(i).get("$ref").asText()).isEqualTo(BASE.baseUri() + "/Groups/" + groupIds.get(i));
    }
    assertThat(readCounting(engine, loner, ctx, store).get("groups")).as(store).hasSize(1);

    int before = statements.get();
    List<ObjectNode> page = engine.search("User", SearchParameters.all(), ctx, BASE.baseUri()).resources();
    assertThat(statements.get() - before).as(store + ": statements for a page of users").isLessThanOrEqualTo(2);
    assertThat(page).extracting(u -> u.path("groups").size()).as(store).containsExactly(3, 1);
    before = statements.get();
    ListResponse found = engine.search("User", SearchParameters.filter("userName eq \"BJensen\""), ctx, BASE.baseUri());
    assertThat(statements.get() - before).as(store + ": statements for a lookup").isLessThanOrEqualTo(2);
    assertThat(found.resources().get(0).get("groups").get(2).get("display").asText()).isEqualTo(NAMES.get(2));

    // A sorted page past its first row: the page is cut first, its rows keep their order and groups.
    ListResponse second = engine.search("User",
        new SearchParameters(null, "userName", "descending", "2", "1", null, null), ctx, BASE.baseUri());
    assertThat(second.totalResults()).as(store).isEqualTo(2);
    assertThat(second.resources()).extracting(u -> u.get("userName").asText()).as(store).containsExactly("bjensen");
    assertThat(second.resources().get(0).get("groups")).as(store).hasSize(3);
    ListResponse first = engine.search("User",
        new SearchParameters(null, "userName", "descending", "1", "2", null, null), ctx, BASE.baseUri());
    assertThat(first.resources()).extracting(u -> u.get("userName").asText() + ":" + u.path("groups").size())
        .as(store).containsExactly("loner:1", "bjensen:3");

    ObjectNode leave = JSON.createObjectNode();
    leave.putArray("Operations").addObject().put("op", "remove")
        .put("path", "members[value eq \"" + member + "\"]");
    engine.patch("Group", groupIds.get(1), leave, ResourceStore.ANY_VERSION, ctx, BASE);
    JsonNode after = readCounting(engine, member, ctx, store).get("groups");
    assertThat(after).as(store + ": read again after a change").hasSize(2);
    assertThat(after.get(1).get("display").asText()).isEqualTo(NAMES.get(2));

    String none = engine.create("User", user("nobody"), ctx, BASE).id();
    assertThat(readCounting(engine, none, ctx, store).has("groups")).as(store).isFalse();
  }

  /** GETs the user, checking that the read was one statement. */
  private JsonNode readCounting(ScimEngine engine, String id, RequestContext ctx, String store) {
    int before = statements.get();
    JsonNode json = engine.get("User", id, ctx, BASE).json();
    assertThat(statements.get() - before).as(store + ": statements for one GET").isEqualTo(1);
    return json;
  }

  private static ObjectNode user(String userName) {
    ObjectNode user = JSON.createObjectNode();
    user.putArray("schemas").add(Schemas.USER);
    user.put("userName", userName);
    return user;
  }

  private static ObjectNode group(String name, String member) {
    ObjectNode group = JSON.createObjectNode();
    group.putArray("schemas").add(Schemas.GROUP);
    group.put("displayName", name);
    group.putArray("members").addObject().put("value", member);
    return group;
  }

  /** {@code pool}, counting the statements prepared on its connections. */
  private DataSource counting(DataSource pool) {
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(pool, method, args);
          if (result instanceof Connection c) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> {
                  if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
                    statements.incrementAndGet();
                  }
                  return invoke(c, m, a);
                });
          }
          return result;
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
