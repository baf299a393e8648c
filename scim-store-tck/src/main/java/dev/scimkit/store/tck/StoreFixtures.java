package dev.scimkit.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.GroupStore;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.core.store.StoredResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;

/** What every part of the store contract starts from: a fresh provider, two tenants, fixtures. */
abstract class StoreFixtures {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** Two tenants that never see each other's data; fresh for every test. */
  protected RequestContext acme;

  protected RequestContext globex;
  protected ResourceStore users;
  protected GroupStore groups;

  /** The provider under test, fresh for every test: its units of work are tested too. */
  protected StoreProvider provider;

  /** A new, empty store (or one whose tenants do not collide with earlier tests). */
  protected abstract StoreProvider newStoreProvider();

  @BeforeEach
  void setUpStore() {
    provider = newStoreProvider();
    users = provider.storeFor(Schemas.userType());
    ResourceStore g = provider.storeFor(Schemas.groupType());
    assertThat(g).as("the store of a type with members").isInstanceOf(GroupStore.class);
    groups = (GroupStore) g;
    String run = UUID.randomUUID().toString().substring(0, 8);
    acme = RequestContext.of("acme-" + run);
    globex = RequestContext.of("globex-" + run);
  }

  // ---- fixtures --------------------------------------------------------------------------------

  protected static ObjectNode userDoc(String userName) {
    ObjectNode doc = NODES.objectNode();
    doc.putArray("schemas").add(Schemas.USER);
    doc.put("userName", userName);
    doc.put("active", true);
    return doc;
  }

  protected static ObjectNode groupDoc(String displayName) {
    ObjectNode doc = NODES.objectNode();
    doc.putArray("schemas").add(Schemas.GROUP);
    doc.put("displayName", displayName);
    return doc;
  }

  protected static StoredResource fresh(String id, ObjectNode doc) {
    return new StoredResource(id, 1, T0, T0, doc);
  }

  protected StoredResource createUser(RequestContext ctx, String userName) {
    return users.create(fresh(UUID.randomUUID().toString(), userDoc(userName)), ctx);
  }

  protected StoredResource createGroup(RequestContext ctx, String displayName) {
    return groups.create(fresh(UUID.randomUUID().toString(), groupDoc(displayName)), ctx);
  }

  static ScimException scim(Throwable t) {
    assertThat(t).isInstanceOf(ScimException.class);
    return (ScimException) t;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** Runs {@code task} on {@code threads} threads released at the same instant. */
  protected static <T> List<T> race(int threads, java.util.concurrent.Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
