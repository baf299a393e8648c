package dev.scimkit.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

/**
 * What every part of the store contract starts from: a fresh provider, two tenants, fixtures, and
 * the choice between a store of many tenants and a store of one.
 */
abstract class StoreFixtures {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * The tenant the tests write in: for a {@linkplain #multiTenant() multi-tenant} store one of
   * its own for every test, else {@link #tenant()}.
   */
  protected RequestContext acme;

  /**
   * Another tenant, of its own for every test, that must never see {@link #acme}'s data. A
   * single-tenant store does not serve it: it must find nothing there and refuse to create users
   * there.
   */
  protected RequestContext globex;
  protected ResourceStore users;
  protected GroupStore groups;

  /** The provider under test, fresh for every test: its units of work are tested too. */
  protected StoreProvider provider;

  /**
   * The provider under test, called before every test: a new, empty store, or (for a multi-tenant
   * store) one whose tenants do not collide with earlier tests, since every test writes in
   * tenants named after a random run id. A {@linkplain #multiTenant() single-tenant} store is
   * written in {@link #tenant()} by every test, so it must be empty each time.
   */
  protected abstract StoreProvider newStoreProvider();

  /**
   * Whether the store keeps any number of tenants apart (the default). Override it to return
   * {@code false} for a store that serves one tenant only, such as a host's user table without a
   * tenant column: every test then writes in {@link #tenant()}, and the tests that need a second
   * tenant holding data of its own are skipped (JUnit assumptions). The tests that remain still
   * check that another tenant sees nothing of the store's data and cannot create users in it.
   */
  protected boolean multiTenant() {
    return true;
  }

  /**
   * The tenant a single-tenant store serves; asked only when {@link #multiTenant()} is {@code
   * false}. Defaults to {@link RequestContext#defaultTenant()}.
   */
  protected RequestContext tenant() {
    return RequestContext.defaultTenant();
  }

  @BeforeEach
  void setUpStore() {
    provider = newStoreProvider();
    users = provider.storeFor(Schemas.userType());
    ResourceStore g = provider.storeFor(Schemas.groupType());
    assertThat(g).as("the store of a type with members").isInstanceOf(GroupStore.class);
    groups = (GroupStore) g;
    String run = UUID.randomUUID().toString().substring(0, 8);
    acme = multiTenant() ? RequestContext.of("acme-" + run) : tenant();
    globex = RequestContext.of("globex-" + run);
    assertThat(globex.tenant()).as("the second tenant").isNotEqualTo(acme.tenant());
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

  /** Skips the calling test unless the store keeps many tenants apart. */
  protected void assumeMultiTenant() {
    assumeTrue(multiTenant(), "the test needs a second tenant with data of its own");
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
