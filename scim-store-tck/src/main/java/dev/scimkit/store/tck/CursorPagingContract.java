package dev.scimkit.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ListResponse;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.SearchParameters;
import dev.scimkit.core.store.Keyset;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.Filters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The store contract for cursor paging (RFC 9865). A store that declares {@link
 * ResourceStore#keysetPaging()} must answer keyset requests ({@link SearchRequest#keyset()}):
 * pages in creation order after and before positions it gave out, confined to the tenant, with
 * filters deciding as for any search. Every store, with keyset paging or paged by id by the
 * engine, must let a client walk all its resources through {@link ScimEngine} cursors once, with
 * no repeat and no gap, while other requests create and delete resources.
 */
abstract class CursorPagingContract extends UnitOfWorkContract {

  // ---- keyset requests (stores with keyset paging) -------------------------------------------

  @Test
  void keyset_walkForward_returnsEveryResourceOnceInCreationOrder() {
    assumeKeysetPaging();
    List<String> created = createUsers(acme, "u", 11);

    List<String> seen = ids(walkForward(users, null, 4, acme));

    assertThat(seen).containsExactlyElementsOf(created);
  }

  @Test
  void keyset_walkBackward_fromTheEnd_returnsEveryResourceOnce_eachPageInCreationOrder() {
    assumeKeysetPaging();
    List<String> created = createUsers(acme, "u", 11);
    List<List<String>> pages = new ArrayList<>();
    SearchResult page = users.search(SearchRequest.page(null, Keyset.last(), 4), acme);
    while (!page.resources().isEmpty()) {
      pages.add(page.resources().stream().map(StoredResource::id).toList());
      page = users.search(SearchRequest.page(null, Keyset.before(page.positions().get(0)), 4), acme);
    }
    assertThat(pages).containsExactly(created.subList(7, 11), created.subList(3, 7), created.subList(0, 3));
  }

  @Test
  void keyset_pageAfterAndBeforeAPosition_isTheNeighbourPage() {
    assumeKeysetPaging();
    List<String> created = createUsers(acme, "u", 9);
    SearchResult first = users.search(SearchRequest.page(null, Keyset.first(), 3), acme);
    SearchResult second = users.search(SearchRequest.page(null, Keyset.after(first.positions().get(2)), 3), acme);
    SearchResult before = users.search(SearchRequest.page(null, Keyset.before(second.positions().get(0)), 3), acme);

    assertThat(second.resources()).extracting(StoredResource::id).containsExactlyElementsOf(created.subList(3, 6));
    assertThat(before.resources()).extracting(StoredResource::id).containsExactlyElementsOf(created.subList(0, 3));
    assertThat(second.positions()).hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void keyset_filter_decidesAsForAnySearch() {
    assumeKeysetPaging();
    List<String> created = createUsers(acme, "u", 12);
    for (int i = 0; i < 12; i += 4) {
      ObjectNode doc = userDoc("u" + i);
      doc.put("active", false);
      doc.putObject("name").put("givenName", "Odd" + i);
      users.replace(users.get(created.get(i), acme).orElseThrow().withChange(1, T0, doc), ResourceStore.ANY_VERSION, acme);
    }
    for (String filter : List.of("active eq false", "name.givenName sw \"odd\"", "not (active eq true)")) {
      assertThat(ids(walkForward(users, Filters.parse(filter), 2, acme)))
          .as(filter)
          .containsExactly(created.get(0), created.get(4), created.get(8));
    }
  }

  @Test
  void keyset_aResourceReplacedDuringTheWalk_keepsItsPlace() {
    assumeKeysetPaging();
    List<String> created = createUsers(acme, "u", 6);
    SearchResult first = users.search(SearchRequest.page(null, Keyset.first(), 3), acme);
    for (String id : created) {
      StoredResource r = users.get(id, acme).orElseThrow();
      users.replace(r.withChange(r.version(), T0, userDoc(r.document().get("userName").asText() + "-renamed")), r.version(), acme);
    }
    SearchResult second = users.search(SearchRequest.page(null, Keyset.after(first.positions().get(2)), 3), acme);

    assertThat(second.resources()).extracting(StoredResource::id).containsExactlyElementsOf(created.subList(3, 6));
  }

  @Test
  void keyset_positionOfOneTenant_neverReachesAnotherTenantsResources() {
    assumeKeysetPaging();
    assumeMultiTenant();
    createUsers(acme, "a", 5);
    List<String> theirs = createUsers(globex, "g", 3);
    SearchResult acmePage = users.search(SearchRequest.page(null, Keyset.first(), 2), acme);

    SearchResult after = users.search(SearchRequest.page(null, Keyset.after(acmePage.positions().get(0)), 10), globex);
    SearchResult before = users.search(SearchRequest.page(null, Keyset.before(acmePage.positions().get(1)), 10), globex);

    assertThat(after.resources()).extracting(StoredResource::id).isSubsetOf(theirs);
    assertThat(before.resources()).extracting(StoredResource::id).isSubsetOf(theirs);
  }

  @Test
  void keyset_groups_pageLikeUsers() {
    assumeThat(groups.keysetPaging()).as("the group store pages by keyset").isTrue();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(createGroup(acme, "Group " + i).id());
    }
    assertThat(ids(walkForward(groups, Filters.parse("displayName sw \"group\""), 2, acme))).containsExactlyElementsOf(created);
  }

  // ---- cursors through the engine (every store) ------------------------------------------------

  @Test
  void cursorWalk_throughTheEngine_whileResourcesAreCreatedAndDeletedBetweenPages_neitherRepeatsNorSkips() {
    ScimEngine engine = engine();
    List<String> created = createUsers(acme, "u", 30);
    Set<String> deleted = ConcurrentHashMap.newKeySet();
    List<String> seen = new ArrayList<>();
    String cursor = "";
    for (int round = 0; cursor != null; round++) {
      ListResponse page = engine.search("User", cursorPage(cursor, 4), acme, "");
      page.resources().forEach(r -> seen.add(r.get("id").asText()));
      cursor = page.nextCursor();
      // one resource behind the walk and one ahead of it go, two new ones come
      for (String id : List.of(created.get(round), created.get(29 - round))) {
        if (deleted.add(id)) {
          users.delete(id, ResourceStore.ANY_VERSION, acme);
        }
      }
      createUsers(acme, "late" + round + "-", 2);
      assertThat(round).as("a walk that ends").isLessThan(100);
    }
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen).containsAll(created.stream().filter(id -> !deleted.contains(id)).toList());
    if (users.keysetPaging()) {
      // the walk is in creation order: these were deleted before it got there (a store without
      // keyset paging is walked in id order, where they may come early)
      assertThat(seen).doesNotContain(created.get(29), created.get(28));
    }
  }

  @Test
  @Timeout(120)
  void cursorWalk_throughTheEngine_whileOtherThreadsCreateAndDelete_returnsEveryResourceThatStayedOnce()
      throws Exception {
    ScimEngine engine = engine();
    List<String> stay = Collections.synchronizedList(new ArrayList<>());
    List<String> churn = createUsers(acme, "churn", 20);
    for (int i = 0; i < 40; i++) {
      stay.add(createUser(acme, "stay" + i).id());
    }
    AtomicBoolean walking = new AtomicBoolean(true);
    AtomicInteger made = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> writers = new ArrayList<>();
      writers.add(pool.submit(() -> {
        started.countDown();
        for (int i = 0; walking.get() && i < 2_000; i++) {
          createUser(acme, "new" + made.incrementAndGet());
        }
        return null;
      }));
      writers.add(pool.submit(() -> {
        started.countDown();
        for (String id : churn) {
          if (!walking.get()) {
            break;
          }
          users.delete(id, ResourceStore.ANY_VERSION, acme);
        }
        return null;
      }));
      started.await(30, TimeUnit.SECONDS);
      List<String> seen = new ArrayList<>();
      String cursor = "";
      for (int pages = 0; cursor != null && pages < 500; pages++) {
        ListResponse page = engine.search("User", cursorPage(cursor, 5), acme, "");
        page.resources().forEach(r -> seen.add(r.get("id").asText()));
        cursor = page.nextCursor();
      }
      walking.set(false);
      for (Future<?> w : writers) {
        w.get(60, TimeUnit.SECONDS);
      }
      assertThat(seen).doesNotHaveDuplicates();
      assertThat(seen).containsAll(stay);
    } finally {
      walking.set(false);
      pool.shutdownNow();
    }
  }

  @Test
  void cursorWalk_throughTheEngine_staysInItsTenant() {
    assumeMultiTenant();
    ScimEngine engine = engine();
    List<String> ours = createUsers(acme, "a", 7);
    createUsers(globex, "g", 7);
    List<String> seen = new ArrayList<>();
    String cursor = "";
    while (cursor != null) {
      ListResponse page = engine.search("User", cursorPage(cursor, 3), acme, "");
      page.resources().forEach(r -> seen.add(r.get("id").asText()));
      cursor = page.nextCursor();
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ours);
  }

  @Test
  void cursorWalk_throughTheEngine_ofGroups_rendersTheirMembers() {
    ScimEngine engine = engine();
    StoredResource alice = createUser(acme, "alice");
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ObjectNode body = groupDoc("Team " + i);
      body.putArray("members").addObject().put("value", alice.id());
      created.add(engine.create("Group", body, acme, ResponseOptions.defaults()).id());
    }
    List<ObjectNode> seen = new ArrayList<>();
    String cursor = "";
    while (cursor != null) {
      ListResponse page = engine.search("Group", cursorPage(cursor, 3), acme, "");
      seen.addAll(page.resources());
      cursor = page.nextCursor();
    }
    assertThat(seen).extracting(g -> g.get("id").asText()).containsExactlyInAnyOrderElementsOf(created);
    assertThat(seen).allSatisfy(g -> assertThat(g.get("members").get(0).get("value").asText()).isEqualTo(alice.id()));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private void assumeKeysetPaging() {
    assumeThat(users.keysetPaging()).as("the store pages by keyset").isTrue();
  }

  private List<String> createUsers(RequestContext ctx, String prefix, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(createUser(ctx, prefix + i).id());
    }
    return ids;
  }

  private static SearchParameters cursorPage(String cursor, int count) {
    return new SearchParameters(null, null, null, null, Integer.toString(count), null, null, cursor);
  }

  private static List<StoredResource> walkForward(ResourceStore store, Filter filter, int count, RequestContext ctx) {
    List<StoredResource> all = new ArrayList<>();
    Keyset keyset = Keyset.first();
    for (int pages = 0; pages < 1000; pages++) {
      SearchResult page = store.search(SearchRequest.page(filter, keyset, count), ctx);
      assertThat(page.positions()).hasSameSizeAs(page.resources());
      assertThat(page.resources().size()).isLessThanOrEqualTo(count);
      all.addAll(page.resources());
      if (page.resources().size() < count) {
        return all;
      }
      keyset = Keyset.after(page.positions().get(page.positions().size() - 1));
    }
    throw new AssertionError("a walk that does not end");
  }

  private static List<String> ids(List<StoredResource> resources) {
    return resources.stream().map(StoredResource::id).toList();
  }
}
