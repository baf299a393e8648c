package dev.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.SearchParameters;
import dev.scimkit.core.event.ProvisioningEvent;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.GroupStore;
import dev.scimkit.core.store.Member;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two Scimkit engines with separate connection pools on one PostgreSQL database, as two
 * application instances behind a load balancer: concurrent creates, replaces and member adds lose
 * nothing and duplicate nothing; requests without {@code If-Match} are never answered 412; a
 * member added on one instance while the other deletes it never outlives its user.
 */
class TwoEnginesConcurrencyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int THREADS = 8;

  private static HikariDataSource poolA;
  private static HikariDataSource poolB;
  private static ScimEngine engineA;
  private static ScimEngine engineB;
  private static JdbcStore storeA;

  private final RequestContext tenant = RequestContext.of("tenant-" + System.nanoTime());

  @BeforeAll
  static void startTwoInstances() {
    poolA = TestDatabases.postgres(2 * THREADS);
    poolB = TestDatabases.anotherPool(poolA, 2 * THREADS);
    storeA = JdbcStore.builder(poolA).build();
    engineA = ScimEngine.builder().storeProvider(storeA).build();
    engineB = ScimEngine.builder().storeProvider(JdbcStore.builder(poolB).build()).build();
  }

  @AfterAll
  static void stop() {
    poolA.close();
    poolB.close();
  }

  private static ScimEngine engine(int thread) {
    return thread % 2 == 0 ? engineA : engineB;
  }

  private static JsonNode user(String userName) {
    ObjectNode u = JSON.createObjectNode();
    u.putArray("schemas").add(Schemas.USER);
    u.put("userName", userName);
    return u;
  }

  private static JsonNode group(String displayName) {
    ObjectNode g = JSON.createObjectNode();
    g.putArray("schemas").add(Schemas.GROUP);
    g.put("displayName", displayName);
    return g;
  }

  private static JsonNode patch(String op, String path, JsonNode value) {
    ObjectNode p = JSON.createObjectNode();
    p.putArray("schemas").add(Schemas.PATCH_OP);
    ObjectNode o = p.putArray("Operations").addObject().put("op", op);
    if (path != null) {
      o.put("path", path);
    }
    o.set("value", value);
    return p;
  }

  @Test
  @Timeout(120)
  void concurrentCreatesOfTheSameNames_onBothEngines_createEachExactlyOnce() throws Exception {
    int names = 40;
    AtomicInteger created = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    race(thread -> {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < names; i++) {
        order.add(i);
      }
      Collections.shuffle(order, new java.util.Random(thread));
      for (int i : order) {
        // Threads spell the same names in different letter case: still one user per name.
        String name = thread % 3 == 0 ? "User-" + i : "user-" + i;
        try {
          engine(thread).create("User", user(name), tenant, ResponseOptions.defaults());
          created.incrementAndGet();
        } catch (ScimException e) {
          assertThat(e.status()).isEqualTo(409);
          conflicts.incrementAndGet();
        }
        try {
          engine(thread + 1).create("Group", group("Team " + i), tenant, ResponseOptions.defaults());
        } catch (ScimException e) {
          assertThat(e.status()).isEqualTo(409);
        }
      }
    });
    assertThat(created.get()).isEqualTo(names);
    assertThat(conflicts.get()).isEqualTo(names * (THREADS - 1));
    assertThat(engineB.search("User", SearchParameters.all(), tenant, "").totalResults()).isEqualTo(names);
    assertThat(engineA.search("Group", SearchParameters.all(), tenant, "").totalResults()).isEqualTo(names);
  }

  @Test
  @Timeout(120)
  void concurrentPatchesOfOneUser_onBothEngines_loseNoUpdate() throws Exception {
    String id = engineA.create("User", user("contended"), tenant, ResponseOptions.defaults()).id();
    int perThread = 10;
    race(thread -> {
      for (int i = 0; i < perThread; i++) {
        ArrayNode value = JSON.createArrayNode();
        value.addObject().put("value", "e" + thread + "-" + i + "@example.com").put("type", "work");
        // no If-Match: never a 412, whatever the other instance does
        engine(thread).patch("User", id, patch("add", "emails", value), -1, tenant, ResponseOptions.defaults());
      }
    });
    JsonNode emails = engineB.get("User", id, tenant, ResponseOptions.defaults()).json().get("emails");
    Set<String> values = new HashSet<>();
    emails.forEach(e -> values.add(e.get("value").asText()));
    assertThat(values).hasSize(THREADS * perThread);
    long version = engineA.get("User", id, tenant, ResponseOptions.defaults()).version();
    assertThat(version).isEqualTo(1 + THREADS * perThread);
  }

  @Test
  @Timeout(120)
  void concurrentReplacesFromOneVersion_onBothEngines_exactlyOneWins() throws Exception {
    for (int round = 0; round < 10; round++) {
      var created = engineA.create("User", user("replaced-" + round), tenant, ResponseOptions.defaults());
      AtomicInteger wins = new AtomicInteger();
      int r = round;
      race(thread -> {
        ObjectNode body = (ObjectNode) user("replaced-" + r);
        body.put("title", "by thread " + thread);
        try {
          engine(thread).replace("User", created.id(), body, created.version(), tenant, ResponseOptions.defaults());
          wins.incrementAndGet();
        } catch (ScimException e) {
          assertThat(e.status()).isEqualTo(412);
        }
      });
      assertThat(wins.get()).isEqualTo(1);
    }
  }

  @Test
  @Timeout(120)
  void concurrentMemberAdds_onBothEngines_keepEveryMember() throws Exception {
    String groupId = engineA.create("Group", group("Everyone"), tenant, ResponseOptions.defaults()).id();
    int perThread = 25;
    List<String> userIds = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < THREADS * perThread; i++) {
      userIds.add(engine(i).create("User", user("m" + i), tenant, ResponseOptions.defaults()).id());
    }
    Set<String> added = ConcurrentHashMap.newKeySet();
    race(thread -> {
      for (int i = 0; i < perThread; i++) {
        String member = userIds.get(thread * perThread + i);
        ArrayNode value = JSON.createArrayNode();
        value.addObject().put("value", member);
        // Half the threads also re-add a member someone else adds: still present once.
        if (i % 2 == 0) {
          value.addObject().put("value", userIds.get(((thread + 1) % THREADS) * perThread + i));
        }
        engine(thread).patch("Group", groupId, patch("add", "members", value), -1, tenant, ResponseOptions.defaults());
        added.add(member);
      }
    });
    GroupStore groups = (GroupStore) storeA.storeFor(Schemas.groupType());
    List<Member> members = groups.members(groupId, tenant);
    assertThat(members).extracting(Member::value).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(added);
    assertThat(members).hasSize(THREADS * perThread);
  }

  @Test
  @Timeout(120)
  void concurrentPutsAndPatchesOfOneUser_sixteenThreadsOnBothEngines_neverAnswer412() throws Exception {
    String id = engineA.create("User", user("put-and-patch"), tenant, ResponseOptions.defaults()).id();
    int perThread = 10;
    Map<Integer, Integer> failures = new ConcurrentHashMap<>();
    race(2 * THREADS, thread -> {
      for (int i = 0; i < perThread; i++) {
        try {
          if ((thread + i) % 2 == 0) {
            ObjectNode body = (ObjectNode) user("put-and-patch");
            body.put("title", "put " + thread + "." + i);
            engine(thread).replace("User", id, body, -1, tenant, ResponseOptions.defaults());
          } else {
            engine(thread).patch("User", id, patch("replace", "title", JSON.getNodeFactory().textNode("patch " + thread)),
                -1, tenant, ResponseOptions.defaults());
          }
        } catch (ScimException e) {
          failures.merge(e.status(), 1, Integer::sum);
        }
      }
    });
    assertThat(failures).as("statuses of failed requests").isEmpty();
    long version = engineB.get("User", id, tenant, ResponseOptions.defaults()).version();
    assertThat(version).as("one version per request").isEqualTo(1 + 2 * THREADS * perThread);
  }

  @Test
  @Timeout(300)
  void addMemberOnOneEngine_racingDeleteOnTheOther_neverLeavesADanglingMember() throws Exception {
    String groupId = engineA.create("Group", group("Racers"), tenant, ResponseOptions.defaults()).id();
    GroupStore groups = (GroupStore) storeA.storeFor(Schemas.groupType());
    int addFirst = 0;
    for (int round = 0; round < 100; round++) {
      String userId = engineA.create("User", user("racer-" + round), tenant, ResponseOptions.defaults()).id();
      ArrayNode value = JSON.createArrayNode();
      value.addObject().put("value", userId);
      JsonNode add = patch("add", "members", value);
      boolean deleteFirst = round % 2 == 1;
      List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
      race(2, thread -> {
        if (thread == 0) {
          if (deleteFirst) {
            Thread.sleep(1);
          }
          try {
            engineA.patch("Group", groupId, add, -1, tenant, ResponseOptions.defaults());
            outcomes.add("added");
          } catch (ScimException e) {
            assertThat(e.status()).as(e.detail()).isEqualTo(400); // the user was gone already
            outcomes.add("refused");
          }
        } else {
          engineB.delete("User", userId, -1, tenant);
          outcomes.add("deleted");
        }
      });
      addFirst += outcomes.indexOf("added") == 0 ? 1 : 0;
      assertThat(groups.members(groupId, tenant)).extracting(Member::value).as("round " + round).doesNotContain(userId);
      assertThat(groups.groupsOf(userId, tenant)).as("round " + round).isEmpty();
    }
    System.out.println("two engines: add-member raced delete 100 times (the add finished first "
        + addFirst + " times); 0 dangling members");
  }

  @Test
  @Timeout(180)
  void eventListenersOnBothEngines_getEachEventOnce_inOrderPerResource_underConcurrentWrites() throws Exception {
    List<ProvisioningEvent> delivered = new CopyOnWriteArrayList<>();
    String consumer = "once-" + System.nanoTime();
    try (ScimEngine c = ScimEngine.builder().storeProvider(JdbcStore.builder(poolA).build()).auditListener(e -> { })
            .eventListener(consumer, delivered::add).eventPollInterval(Duration.ofMillis(50)).build();
        ScimEngine d = ScimEngine.builder().storeProvider(JdbcStore.builder(poolB).build()).auditListener(e -> { })
            .eventListener(consumer, delivered::add).eventPollInterval(Duration.ofMillis(50)).build()) {
      int perThread = 10;
      race(thread -> {
        ScimEngine engine = thread % 2 == 0 ? c : d;
        for (int i = 0; i < perThread; i++) {
          String id = engine.create("User", user("evented-" + thread + "-" + i), tenant, ResponseOptions.defaults()).id();
          (thread % 2 == 0 ? d : c).patch("User", id, patch("replace", "active", JSON.getNodeFactory().booleanNode(false)),
              -1, tenant, ResponseOptions.defaults());
        }
      });
      int expected = THREADS * perThread * 2;
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (delivered.stream().filter(e -> e.tenant().equals(tenant.tenant())).count() < expected && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      Thread.sleep(500); // a duplicate would arrive now
      List<ProvisioningEvent> mine = delivered.stream().filter(e -> e.tenant().equals(tenant.tenant())).toList();
      assertThat(mine).hasSize(expected);
      assertThat(mine).extracting(ProvisioningEvent::id).doesNotHaveDuplicates();
      Map<String, List<ProvisioningEvent.Type>> byResource = new java.util.LinkedHashMap<>();
      mine.forEach(e -> byResource.computeIfAbsent(e.resourceId(), k -> new ArrayList<>()).add(e.type()));
      assertThat(byResource.values()).allSatisfy(types -> assertThat(types)
          .containsExactly(ProvisioningEvent.Type.CREATED, ProvisioningEvent.Type.DEACTIVATED));
    }
  }

  /** Runs {@code task(thread)} on {@link #THREADS} threads released at once; rethrows failures. */
  private static void race(Race.ThreadTask task) throws Exception {
    race(THREADS, task);
  }

  /** Runs {@code task(thread)} on {@code threads} threads released at once; rethrows failures. */
  private static void race(int threads, Race.ThreadTask task) throws Exception {
    Race.race(threads, task);
  }
}
