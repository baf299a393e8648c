package dev.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.event.ProvisioningEvent;
import dev.scimkit.core.event.ProvisioningEvent.Type;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.ResourceStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JDBC store's event outbox: events are written with the change and delivered after it, in
 * order, again after a listener fails, and by the next engine on the same database when an engine
 * stopped before delivering them.
 */
abstract class EventOutboxContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResponseOptions OPTIONS = ResponseOptions.defaults();

  /** A fresh, empty database. */
  abstract DataSource freshDatabase();

  private final RequestContext acme = RequestContext.of("acme");

  static ObjectNode user(String userName) {
    ObjectNode u = JSON.createObjectNode();
    u.putArray("schemas").add(Schemas.USER);
    u.put("userName", userName);
    u.put("active", true);
    return u;
  }

  static ObjectNode deactivate() {
    ObjectNode p = JSON.createObjectNode();
    p.putArray("schemas").add(Schemas.PATCH_OP);
    p.putArray("Operations").addObject().put("op", "replace").put("path", "active").put("value", false);
    return p;
  }

  static void await(Supplier<Boolean> condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.get()) {
      assertThat(System.nanoTime()).as("waited 60 s").isLessThan(end);
      Thread.sleep(20);
    }
  }

  @Test
  @Timeout(120)
  void committedChanges_areDeliveredInOrder_rolledBackOnesNever() throws Exception {
    JdbcStore store = JdbcStore.builder(freshDatabase()).build();
    List<ProvisioningEvent> seen = new CopyOnWriteArrayList<>();
    try (ScimEngine engine = ScimEngine.builder().storeProvider(store).auditListener(e -> { })
        .eventListener("test", seen::add).build()) {
      String id = engine.create("User", user("bjensen"), acme, OPTIONS).id();
      engine.patch("User", id, deactivate(), ResourceStore.ANY_VERSION, acme, OPTIONS);
      assertThatThrownBy(() -> engine.create("User", user("BJENSEN"), acme, OPTIONS));
      engine.delete("User", id, ResourceStore.ANY_VERSION, acme);
      await(() -> seen.size() >= 3);
      Thread.sleep(200); // nothing more comes
      assertThat(seen).extracting(ProvisioningEvent::type).containsExactly(Type.CREATED, Type.DEACTIVATED, Type.DELETED);
      assertThat(seen).extracting(ProvisioningEvent::resourceId).containsOnly(id);
    }
  }

  @Test
  @Timeout(120)
  void aListenerThatThrows_getsTheEventAgain_andLaterEventsWait() throws Exception {
    JdbcStore store = JdbcStore.builder(freshDatabase()).build();
    List<ProvisioningEvent> seen = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    try (ScimEngine engine = ScimEngine.builder().storeProvider(store).auditListener(e -> { })
        .eventListener("flaky", e -> {
          if (calls.incrementAndGet() <= 2) {
            throw new IllegalStateException("the webhook is down");
          }
          seen.add(e);
        }).build()) {
      String id = engine.create("User", user("bjensen"), acme, OPTIONS).id();
      engine.patch("User", id, deactivate(), ResourceStore.ANY_VERSION, acme, OPTIONS);
      await(() -> seen.size() >= 2);
      assertThat(seen).extracting(ProvisioningEvent::type).containsExactly(Type.CREATED, Type.DEACTIVATED);
      assertThat(calls.get()).isEqualTo(4);
    }
  }

  @Test
  @Timeout(120)
  void eventsAnEngineDidNotDeliver_areDeliveredByTheNext_andAcknowledgedOnesNotAgain() throws Exception {
    DataSource db = freshDatabase();
    List<ProvisioningEvent> first = new CopyOnWriteArrayList<>();
    AtomicInteger refused = new AtomicInteger();
    String id;
    // the first instance delivers the create, then its webhook goes down, then it stops
    try (ScimEngine engine = ScimEngine.builder().storeProvider(JdbcStore.builder(db).build())
        .auditListener(e -> { }).eventListener("sessions", e -> {
          if (!first.isEmpty()) {
            refused.incrementAndGet();
            throw new IllegalStateException("the webhook is down");
          }
          first.add(e);
        }).build()) {
      id = engine.create("User", user("bjensen"), acme, OPTIONS).id();
      await(() -> first.size() == 1);
      engine.patch("User", id, deactivate(), ResourceStore.ANY_VERSION, acme, OPTIONS);
      engine.delete("User", id, ResourceStore.ANY_VERSION, acme);
      await(() -> refused.get() >= 1);
    }
    List<ProvisioningEvent> second = new CopyOnWriteArrayList<>();
    try (ScimEngine engine = ScimEngine.builder().storeProvider(JdbcStore.builder(db).build())
        .auditListener(e -> { }).eventListener("sessions", second::add).eventPollInterval(Duration.ofMillis(50)).build()) {
      await(() -> second.size() >= 2);
      Thread.sleep(200);
      assertThat(second).extracting(ProvisioningEvent::type).containsExactly(Type.DEACTIVATED, Type.DELETED);
    }
  }
}
