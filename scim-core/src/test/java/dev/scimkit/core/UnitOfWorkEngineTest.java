package dev.scimkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.audit.AuditEvent;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.core.store.TransactionMode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * How the engine uses units of work: what it runs in them, that a conflict without {@code
 * If-Match} is retried and a lasting one is 503 (never 412), and that audit listeners hear only of
 * committed changes.
 */
class UnitOfWorkEngineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RequestContext ACME = RequestContext.of("acme");

  private final InMemoryStore memory = new InMemoryStore();
  private final List<AuditEvent> audited = new ArrayList<>();
  private final List<TransactionMode> units = new ArrayList<>();

  /** The in-memory store, recording the units the engine opens. */
  private final StoreProvider recording = new StoreProvider() {
    @Override
    public ResourceStore storeFor(ResourceType type) {
      return memory.storeFor(type);
    }

    @Override
    public <T> T transaction(RequestContext ctx, TransactionMode mode, Supplier<T> work) {
      units.add(mode);
      return memory.transaction(ctx, mode, work);
    }
  };

  private ScimEngine engine(ResourceStore users) {
    ScimEngine.Builder b = ScimEngine.builder().storeProvider(recording).auditListener(audited::add);
    if (users != null) {
      b.store("User", users);
    }
    return b.build();
  }

  private static ObjectNode user(String userName) {
    ObjectNode u = JSON.createObjectNode();
    u.putArray("schemas").add(Schemas.USER);
    u.put("userName", userName);
    return u;
  }

  private static ObjectNode patchTitle(String title) {
    ObjectNode p = JSON.createObjectNode();
    p.putArray("schemas").add(Schemas.PATCH_OP);
    p.putArray("Operations").addObject().put("op", "replace").put("path", "title").put("value", title);
    return p;
  }

  /** The user store, except that {@code replace} always finds the version changed. */
  private ResourceStore alwaysConflicting(AtomicInteger replaces) {
    ResourceStore real = memory.storeFor(Schemas.userType());
    return (ResourceStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResourceStore.class},
        (self, m, args) -> {
          if (m.getName().equals("replace")) {
            replaces.incrementAndGet();
            throw ScimException.preconditionFailed("User has changed (version 99)");
          }
          try {
            return m.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void everyOperation_runsInOneUnit_readsReadOnly_writesReadWrite() {
    ScimEngine engine = engine(null);
    String id = engine.create("User", user("bjensen"), ACME, ResponseOptions.defaults()).id();
    engine.get("User", id, ACME, ResponseOptions.defaults());
    engine.search("User", SearchParameters.filter("userName eq \"bjensen\""), ACME, null);
    engine.patch("User", id, patchTitle("Boss"), ResourceStore.ANY_VERSION, ACME, ResponseOptions.defaults());
    engine.delete("User", id, ResourceStore.ANY_VERSION, ACME);
    assertThat(units).containsExactly(
        TransactionMode.READ_WRITE, TransactionMode.READ_ONLY, TransactionMode.READ_ONLY,
        TransactionMode.READ_WRITE, TransactionMode.READ_WRITE);
  }

  @Test
  void conflictWithoutIfMatch_isRetried_andALastingOneIs503_never412() {
    ScimEngine engine = engine(null);
    String id = engine.create("User", user("bjensen"), ACME, ResponseOptions.defaults()).id();
    AtomicInteger replaces = new AtomicInteger();
    ScimEngine conflicted = engine(alwaysConflicting(replaces));
    assertThatThrownBy(() -> conflicted.patch(
            "User", id, patchTitle("Boss"), ResourceStore.ANY_VERSION, ACME, ResponseOptions.defaults()))
        .isInstanceOfSatisfying(ScimException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.detail()).contains("retry");
        });
    assertThat(replaces.get()).as("tries").isEqualTo(10);
    replaces.set(0);
    assertThatThrownBy(() -> conflicted.replace(
            "User", id, user("bjensen"), ResourceStore.ANY_VERSION, ACME, ResponseOptions.defaults()))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(replaces.get()).isEqualTo(10);
  }

  @Test
  void conflictWithIfMatch_isTheClients412_atOnce() {
    ScimEngine engine = engine(null);
    ScimResource created = engine.create("User", user("bjensen"), ACME, ResponseOptions.defaults());
    AtomicInteger replaces = new AtomicInteger();
    ScimEngine conflicted = engine(alwaysConflicting(replaces));
    assertThatThrownBy(() -> conflicted.patch(
            "User", created.id(), patchTitle("Boss"), created.version(), ACME, ResponseOptions.defaults()))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(412));
    assertThat(replaces.get()).isEqualTo(1);
    assertThatThrownBy(() -> conflicted.patch(
            "User", created.id(), patchTitle("Boss"), created.version() + 7, ACME, ResponseOptions.defaults()))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(412));
    assertThat(replaces.get()).as("a stale If-Match never reaches the store").isEqualTo(1);
  }

  @Test
  void aRolledBackChange_isNeverAudited() {
    ScimEngine engine = engine(null);
    String id = engine.create("User", user("bjensen"), ACME, ResponseOptions.defaults()).id();
    audited.clear();
    ScimEngine conflicted = engine(alwaysConflicting(new AtomicInteger()));
    assertThatThrownBy(() -> conflicted.patch(
        "User", id, patchTitle("Boss"), ResourceStore.ANY_VERSION, ACME, ResponseOptions.defaults()));
    assertThatThrownBy(() -> engine.create("User", user("BJENSEN"), ACME, ResponseOptions.defaults()))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThat(audited).isEmpty();
    StoredResource stored = memory.storeFor(Schemas.userType()).get(id, ACME).orElseThrow();
    assertThat(stored.document().has("title")).isFalse();
  }
}
