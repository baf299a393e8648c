package dev.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.SearchParameters;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.ResourceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text that PostgreSQL cannot hold (U+0000, unpaired surrogates) gets the same answer from the
 * engine on the in-memory store, H2 and PostgreSQL: a 400 decided by the engine before any store
 * sees it, never a 201 on one store and a 400 (or a 500) on another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameAnswerOnEveryStoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResponseOptions BASE = ResponseOptions.at("https://example.com/scim/v2");
  private static final List<String> UNSTORABLE = List.of("a\u0000b", "\u0000", "x\ud800", "\udc00y");

  private final List<HikariDataSource> pools = new ArrayList<>();
  private List<Arguments> engines;

  @BeforeAll
  void startStores() {
    HikariDataSource h2 = TestDatabases.h2();
    HikariDataSource postgres = TestDatabases.postgres();
    pools.add(h2);
    pools.add(postgres);
    engines = List.of(
        Arguments.of("memory", ScimEngine.builder().storeProvider(new InMemoryStore()).build()),
        Arguments.of("H2", ScimEngine.builder().storeProvider(JdbcStore.builder(h2).build()).build()),
        Arguments.of("PostgreSQL", ScimEngine.builder().storeProvider(JdbcStore.builder(postgres).build()).build()));
  }

  @AfterAll
  void stopStores() {
    pools.forEach(HikariDataSource::close);
  }

  Stream<Arguments> engines() {
    return engines.stream();
  }

  private static ObjectNode user(String userName) {
    ObjectNode user = JSON.createObjectNode();
    user.putArray("schemas").add(Schemas.USER);
    user.put("userName", userName);
    return user;
  }

  private static ScimException rejected(ThrowingCallable call) {
    ScimException e = catchThrowableOfType(ScimException.class, call);
    assertThat(e).as("a ScimException").isNotNull();
    return e;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void unstorableText_isInvalidValue_andStoresNothing(String store, ScimEngine engine) {
    RequestContext ctx = RequestContext.of("t-" + UUID.randomUUID());
    String id = engine.create("User", user("clean"), ctx, BASE).id();
    for (String text : UNSTORABLE) {
      ObjectNode patch = JSON.createObjectNode();
      patch.putArray("Operations").addObject().put("op", "replace").put("path", "displayName").put("value", text);

      for (ThrowingCallable call : List.<ThrowingCallable>of(
          () -> engine.create("User", user(text), ctx, BASE),
          () -> engine.replace("User", id, user(text), ResourceStore.ANY_VERSION, ctx, BASE),
          () -> engine.patch("User", id, patch, ResourceStore.ANY_VERSION, ctx, BASE))) {
        ScimException e = rejected(call);
        assertThat(e.status()).as(store).isEqualTo(400);
        assertThat(e.scimType()).as(store).isEqualTo(ScimType.INVALID_VALUE);
      }
    }
    assertThat(engine.search("User", SearchParameters.filter(null), ctx, null).totalResults()).isEqualTo(1);
    assertThat(engine.get("User", id, ctx, BASE).json().has("displayName")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void unstorableTextInAFilter_isInvalidFilter(String store, ScimEngine engine) {
    RequestContext ctx = RequestContext.of("t-" + UUID.randomUUID());
    for (String text : UNSTORABLE) {
      for (String op : List.of("eq", "ne", "co", "gt")) {
        String filter = "userName " + op + " \"" + text + "\"";
        ScimException e = rejected(() -> engine.search("User", SearchParameters.filter(filter), ctx, null));
        assertThat(e.status()).as(store + ": " + op).isEqualTo(400);
        assertThat(e.scimType()).as(store + ": " + op).isEqualTo(ScimType.INVALID_FILTER);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void anIdHoldingUnstorableText_isNotFound(String store, ScimEngine engine) {
    RequestContext ctx = RequestContext.of("t-" + UUID.randomUUID());
    for (String id : UNSTORABLE) {
      ScimException e = rejected(() -> engine.get("User", id, ctx, BASE));
      assertThat(e.status()).as(store + ": get " + id.length()).isEqualTo(404);
      ScimException d = rejected(() -> engine.delete("User", id, ResourceStore.ANY_VERSION, ctx));
      assertThat(d.status()).as(store + ": delete").isEqualTo(404);
    }
  }
}
