package dev.scimkit.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.GroupRef;
import dev.scimkit.core.store.GroupStore;
import dev.scimkit.core.store.Member;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.SortOrder;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every store must meet. Extend it and implement {@code newStoreProvider()}; each
 * test gets a fresh provider and tenants of its own.
 *
 * <pre>{@code
 * class MyStoreTest extends StoreContract {
 *   @Override protected StoreProvider newStoreProvider() { return new MyStore(dataSource); }
 * }
 * }</pre>
 *
 * <p>What it holds a store to, beyond storing and reading back exactly what it was given:
 *
 * <ul>
 *   <li><b>Tenancy.</b> Every call is confined to {@code ctx.tenant()}; another tenant's resource
 *       is "not found" (404), never "forbidden".
 *   <li><b>Uniqueness, atomically.</b> {@code userName} and group {@code displayName} are unique
 *       per tenant ignoring case, also when requests race: exactly one of eight concurrent
 *       creates of one name wins (a constraint, not a check followed by an insert).
 *   <li><b>Versions, atomically.</b> Every change increments the version; a change naming a stale
 *       version is 412 and changes nothing, also when eight replaces from one version race
 *       (compare and set in one step, not read, check, then write).
 *   <li><b>Membership as deltas,</b> in the order members were added, each change bumping the
 *       group's version; no concurrent add is lost.
 *   <li><b>Search</b> agrees with the core's filter semantics; without {@code sortBy} results come
 *       in a stable order (creation order), so that paging through them neither skips nor
 *       repeats a resource.
 *   <li><b>Cursor paging</b> (see {@code CursorPagingContract} in this package's sources, whose
 *       tests this class inherits): a store that declares {@link ResourceStore#keysetPaging()}
 *       pages after and before the positions it gives out, in creation order, within the
 *       tenant; with any store, a walk by cursor through the engine returns every resource that
 *       stayed exactly once while others are created and deleted.
 *   <li><b>Units of work</b> (see {@code UnitOfWorkContract} in this package's sources, whose tests
 *       this class inherits): a unit commits all of its changes or none, joins nested units,
 *       and, run by the engine, never leaves a member that outlives its resource or answers 412
 *       to requests without {@code If-Match}. A store that keeps the default {@link
 *       dev.scimkit.core.store.StoreProvider#transaction} fails these tests: that is the point.
 * </ul>
 *
 * <p>Each requirement is stated, as part of the SPI's contract, in the javadoc of the method the
 * test calls ({@link dev.scimkit.core.store.ResourceStore}, {@link
 * dev.scimkit.core.store.GroupStore}, {@link dev.scimkit.core.store.StoreProvider#transaction},
 * {@link dev.scimkit.core.store.SearchRequest}).
 *
 * <h2>A store of one tenant</h2>
 *
 * <p>A store that serves a single tenant (a host's users table with no tenant column) runs the
 * same kit in single-tenant mode: override {@link #multiTenant()} to return {@code false}, and
 * {@link #tenant()} if its tenant is not {@link dev.scimkit.core.RequestContext#DEFAULT_TENANT}.
 * Every test then writes in that tenant, so {@code newStoreProvider()} must return an empty store
 * each time; the two tests that fill a second tenant are skipped, and one more checks that a
 * tenant the store does not serve sees nothing and cannot create users.
 *
 * <pre>{@code
 * class MyUserTableTest extends StoreContract {
 *   @Override protected boolean multiTenant() { return false; }
 *   @Override protected RequestContext tenant() { return RequestContext.of("acme"); }
 *   @Override protected StoreProvider newStoreProvider() { return storeOnAnEmptyDatabase(); }
 * }
 * }</pre>
 */
public abstract class StoreContract extends CursorPagingContract {
  // ---- create and get --------------------------------------------------------------------------

  @Test
  void create_thenGet_returnsTheSameDocument() {
    StoredResource created = createUser(acme, "bjensen");
    StoredResource read = users.get(created.id(), acme).orElseThrow();
    assertThat(read.document()).isEqualTo(userDoc("bjensen"));
    assertThat(read.version()).isEqualTo(created.version());
    assertThat(read.created()).isEqualTo(T0);
  }

  @Test
  void get_unknownId_isEmpty() {
    assertThat(users.get("no-such-id", acme)).isEmpty();
  }

  @Test
  void create_keepsValuesExactlyAsSent() {
    ObjectNode doc = userDoc("Barbara.Jensen@Example.COM");
    doc.putArray("phoneNumbers").addObject().put("value", "+1 (555) 555-5555").put("type", "work");
    StoredResource created = users.create(fresh("u1", doc), acme);
    assertThat(users.get(created.id(), acme).orElseThrow().document()).isEqualTo(doc);
  }

  // ---- tenancy ---------------------------------------------------------------------------------

  @Test
  void tenant_cannotReadAnotherTenantsResource() {
    StoredResource created = createUser(acme, "bjensen");
    assertThat(users.get(created.id(), globex)).isEmpty();
  }

  @Test
  void tenant_cannotReplaceOrDeleteAnotherTenantsResource() {
    StoredResource created = createUser(acme, "bjensen");
    assertThatThrownBy(() -> users.replace(created.withChange(1, T0, userDoc("x")), ResourceStore.ANY_VERSION, globex))
        .satisfies(t -> assertThat(scim(t).status()).isEqualTo(404));
    assertThatThrownBy(() -> users.delete(created.id(), ResourceStore.ANY_VERSION, globex))
        .satisfies(t -> assertThat(scim(t).status()).isEqualTo(404));
    assertThat(users.get(created.id(), acme).orElseThrow().document()).isEqualTo(userDoc("bjensen"));
  }

  @Test
  void tenant_searchSeesOnlyItsOwnResources() {
    assumeMultiTenant();
    createUser(acme, "bjensen");
    createUser(globex, "jsmith");
    SearchResult result = users.search(SearchRequest.of(null, 100), globex);
    assertThat(result.totalResults()).isEqualTo(1);
    assertThat(result.resources().get(0).document().get("userName").asText()).isEqualTo("jsmith");
    assertThat(users.search(SearchRequest.of(Filters.parse("userName eq \"bjensen\""), 10), globex).totalResults()).isZero();
  }

  @Test
  void tenant_sameUserNameMayExistInTwoTenants() {
    assumeMultiTenant();
    createUser(acme, "bjensen");
    createUser(globex, "bjensen");
    assertThat(users.search(SearchRequest.of(null, 10), acme).totalResults()).isEqualTo(1);
    assertThat(users.search(SearchRequest.of(null, 10), globex).totalResults()).isEqualTo(1);
  }

  /**
   * A store that serves one tenant shows another tenant nothing and refuses to create users for
   * it (with any 4xx {@link ScimException}), rather than writing them into the tenant it serves.
   */
  @Test
  void tenant_notServedByASingleTenantStore_seesNothingAndCannotCreateUsers() {
    assumeFalse(multiTenant(), "only a single-tenant store refuses a tenant");
    StoredResource created = createUser(acme, "bjensen");
    assertThat(users.get(created.id(), globex)).isEmpty();
    assertThat(users.search(SearchRequest.of(null, 10), globex).totalResults()).isZero();
    assertThatThrownBy(() -> createUser(globex, "jsmith"))
        .satisfies(t -> assertThat(scim(t).status()).isBetween(400, 499));
    assertThat(users.search(SearchRequest.of(null, 10), acme).resources())
        .extracting(StoredResource::id).containsExactly(created.id());
    assertThat(users.search(SearchRequest.of(null, 10), globex).totalResults()).isZero();
  }

  @Test
  void tenant_cannotChangeMembershipOfAnotherTenantsGroup() {
    StoredResource group = createGroup(acme, "Admins");
    StoredResource user = createUser(acme, "bjensen");
    assertThatThrownBy(() -> groups.addMembers(group.id(), List.of(new Member(user.id(), "User")), globex))
        .satisfies(t -> assertThat(scim(t).status()).isEqualTo(404));
    assertThat(groups.members(group.id(), acme)).isEmpty();
    assertThat(groups.groupsOf(user.id(), globex)).isEmpty();
  }

  // ---- uniqueness ------------------------------------------------------------------------------

  @Test
  void uniqueness_duplicateUserNameIgnoringCase_is409() {
    createUser(acme, "bjensen@example.com");
    assertThatThrownBy(() -> createUser(acme, "BJensen@Example.com"))
        .satisfies(t -> {
          assertThat(scim(t).status()).isEqualTo(409);
          assertThat(scim(t).scimType()).isEqualTo(ScimType.UNIQUENESS);
        });
    assertThat(users.search(SearchRequest.of(null, 10), acme).totalResults()).isEqualTo(1);
  }

  @Test
  void uniqueness_duplicateGroupDisplayNameIgnoringCase_is409() {
    createGroup(acme, "Sales");
    assertThatThrownBy(() -> createGroup(acme, "SALES"))
        .satisfies(t -> assertThat(scim(t).scimType()).isEqualTo(ScimType.UNIQUENESS));
  }

  @Test
  void uniqueness_replaceOntoATakenUserName_is409AndChangesNothing() {
    createUser(acme, "alice");
    StoredResource bob = createUser(acme, "bob");
    assertThatThrownBy(() -> users.replace(bob.withChange(1, T0, userDoc("ALICE")), bob.version(), acme))
        .satisfies(t -> assertThat(scim(t).status()).isEqualTo(409));
    assertThat(users.get(bob.id(), acme).orElseThrow()).isEqualTo(bob);
  }

  @Test
  void uniqueness_replaceKeepingOwnUserNameInOtherCase_isAllowed() {
    StoredResource bob = createUser(acme, "bob");
    StoredResource replaced = users.replace(bob.withChange(1, T0, userDoc("BOB")), bob.version(), acme);
    assertThat(replaced.document().get("userName").asText()).isEqualTo("BOB");
  }

  @Test
  void uniqueness_deletedUserNameCanBeReused() {
    StoredResource bob = createUser(acme, "bob");
    users.delete(bob.id(), ResourceStore.ANY_VERSION, acme);
    assertThat(createUser(acme, "bob").id()).isNotEqualTo(bob.id());
  }

  @Test
  @Timeout(60)
  void uniqueness_concurrentCreatesOfOneUserName_exactlyOneWins() throws Exception {
    int threads = 8;
    for (int round = 0; round < 20; round++) {
      String name = "racer" + round;
      List<Boolean> outcomes = race(threads, () -> {
        try {
          createUser(acme, name);
          return true;
        } catch (ScimException e) {
          assertThat(e.status()).isEqualTo(409);
          return false;
        }
      });
      assertThat(outcomes.stream().filter(b -> b).count()).as("winners of " + name).isEqualTo(1);
    }
    assertThat(users.search(SearchRequest.of(null, 1000), acme).totalResults()).isEqualTo(20);
  }

  // ---- versions --------------------------------------------------------------------------------

  @Test
  void version_increasesOnEveryReplace() {
    StoredResource v1 = createUser(acme, "bob");
    StoredResource v2 = users.replace(v1.withChange(1, T0.plusSeconds(1), userDoc("bob2")), v1.version(), acme);
    StoredResource v3 = users.replace(v2.withChange(1, T0.plusSeconds(2), userDoc("bob3")), v2.version(), acme);
    assertThat(v2.version()).isGreaterThan(v1.version());
    assertThat(v3.version()).isGreaterThan(v2.version());
    assertThat(v3.lastModified()).isEqualTo(T0.plusSeconds(2));
    assertThat(v3.created()).isEqualTo(T0);
  }

  @Test
  void version_staleReplace_is412AndChangesNothing() {
    StoredResource v1 = createUser(acme, "bob");
    StoredResource v2 = users.replace(v1.withChange(1, T0, userDoc("bob2")), v1.version(), acme);
    assertThatThrownBy(() -> users.replace(v1.withChange(1, T0, userDoc("bob3")), v1.version(), acme))
        .satisfies(t -> assertThat(scim(t).status()).isEqualTo(412));
    assertThat(users.get(v1.id(), acme).orElseThrow()).isEqualTo(v2);
  }

  @Test
  void version_staleDelete_is412AndKeepsTheResource() {
    StoredResource v1 = createUser(acme, "bob");
    users.replace(v1.withChange(1, T0, userDoc("bob2")), v1.version(), acme);
    assertThatThrownBy(() -> users.delete(v1.id(), v1.version(), acme))
        .satisfies(t -> assertThat(scim(t).status()).isEqualTo(412));
    assertThat(users.get(v1.id(), acme)).isPresent();
  }

  @Test
  void delete_twice_secondIs404() {
    StoredResource v1 = createUser(acme, "bob");
    users.delete(v1.id(), ResourceStore.ANY_VERSION, acme);
    assertThat(users.get(v1.id(), acme)).isEmpty();
    assertThatThrownBy(() -> users.delete(v1.id(), ResourceStore.ANY_VERSION, acme))
        .satisfies(t -> assertThat(scim(t).status()).isEqualTo(404));
  }

  @Test
  @Timeout(60)
  void version_concurrentReplacesFromOneVersion_exactlyOneWins() throws Exception {
    for (int round = 0; round < 20; round++) {
      StoredResource base = createUser(acme, "contended" + round);
      AtomicInteger n = new AtomicInteger();
      List<Boolean> outcomes = race(8, () -> {
        try {
          users.replace(base.withChange(1, T0, userDoc(base.document().get("userName").asText() + "-" + n.incrementAndGet())), base.version(), acme);
          return true;
        } catch (ScimException e) {
          assertThat(e.status()).isEqualTo(412);
          return false;
        }
      });
      assertThat(outcomes.stream().filter(b -> b).count()).isEqualTo(1);
    }
  }

  // ---- membership ------------------------------------------------------------------------------

  @Test
  void members_addRemoveAndList_inOrderAdded() {
    StoredResource group = createGroup(acme, "Admins");
    StoredResource a = createUser(acme, "a");
    StoredResource b = createUser(acme, "b");
    StoredResource c = createUser(acme, "c");
    groups.addMembers(group.id(), List.of(new Member(a.id(), "User"), new Member(b.id(), "User")), acme);
    groups.addMembers(group.id(), List.of(new Member(c.id(), "User"), new Member(a.id(), "User")), acme);
    assertThat(groups.members(group.id(), acme)).extracting(Member::value).containsExactly(a.id(), b.id(), c.id());
    groups.removeMembers(group.id(), List.of(b.id(), "not-a-member"), acme);
    assertThat(groups.members(group.id(), acme)).extracting(Member::value).containsExactly(a.id(), c.id());
  }

  @Test
  void members_keepTheirType() {
    StoredResource group = createGroup(acme, "Parents");
    StoredResource child = createGroup(acme, "Child");
    groups.addMembers(group.id(), List.of(new Member(child.id(), "Group")), acme);
    assertThat(groups.members(group.id(), acme)).extracting(Member::withoutDisplay).containsExactly(new Member(child.id(), "Group"));
  }

  /**
   * {@code members[].display} comes with the list: a user's displayName, else its userName; a
   * group's displayName; current, not as of when the member was added.
   */
  @Test
  void members_comeWithTheirDisplayNames() {
    StoredResource group = createGroup(acme, "Parents");
    StoredResource child = createGroup(acme, "Child");
    StoredResource plain = createUser(acme, "bjensen");
    ObjectNode named = userDoc("jsmith");
    named.put("displayName", "John Smith");
    StoredResource smith = users.create(fresh(UUID.randomUUID().toString(), named), acme);
    groups.addMembers(group.id(), List.of(new Member(child.id(), "Group"), new Member(plain.id(), "User"),
        new Member(smith.id(), "User")), acme);
    ObjectNode renamed = userDoc("bjensen");
    renamed.put("displayName", "Barbara Jensen");
    users.replace(plain.withChange(1, T0, renamed), ResourceStore.ANY_VERSION, acme);
    assertThat(groups.members(group.id(), acme)).extracting(Member::display)
        .containsExactly("Child", "Barbara Jensen", "John Smith");
  }

  @Test
  void members_replace_setsTheWholeList() {
    StoredResource group = createGroup(acme, "Admins");
    StoredResource a = createUser(acme, "a");
    StoredResource b = createUser(acme, "b");
    groups.addMembers(group.id(), List.of(new Member(a.id(), "User")), acme);
    groups.replaceMembers(group.id(), List.of(new Member(b.id(), "User")), acme);
    assertThat(groups.members(group.id(), acme)).extracting(Member::value).containsExactly(b.id());
    assertThat(groups.groupsOf(a.id(), acme)).isEmpty();
    groups.replaceMembers(group.id(), List.of(), acme);
    assertThat(groups.members(group.id(), acme)).isEmpty();
  }

  @Test
  void members_changeBumpsTheGroupVersion() {
    StoredResource group = createGroup(acme, "Admins");
    StoredResource a = createUser(acme, "a");
    groups.addMembers(group.id(), List.of(new Member(a.id(), "User")), acme);
    assertThat(groups.get(group.id(), acme).orElseThrow().version()).isGreaterThan(group.version());
  }

  @Test
  void members_ofUnknownGroup_is404() {
    assertThatThrownBy(() -> groups.addMembers("nope", List.of(new Member("x", "User")), acme))
        .satisfies(t -> assertThat(scim(t).status()).isEqualTo(404));
    assertThatThrownBy(() -> groups.members("nope", acme))
        .satisfies(t -> assertThat(scim(t).status()).isEqualTo(404));
  }

  @Test
  void groupsOf_listsTheGroupsWithTheirNames() {
    StoredResource admins = createGroup(acme, "Admins");
    StoredResource sales = createGroup(acme, "Sales");
    StoredResource a = createUser(acme, "a");
    groups.addMembers(admins.id(), List.of(new Member(a.id(), "User")), acme);
    groups.addMembers(sales.id(), List.of(new Member(a.id(), "User")), acme);
    assertThat(groups.groupsOf(a.id(), acme))
        .containsExactlyInAnyOrder(new GroupRef(admins.id(), "Admins"), new GroupRef(sales.id(), "Sales"));
  }

  @Test
  void deletingAGroup_removesItFromGroupsOf() {
    StoredResource admins = createGroup(acme, "Admins");
    StoredResource a = createUser(acme, "a");
    groups.addMembers(admins.id(), List.of(new Member(a.id(), "User")), acme);
    groups.delete(admins.id(), ResourceStore.ANY_VERSION, acme);
    assertThat(groups.groupsOf(a.id(), acme)).isEmpty();
  }

  @Test
  void removeFromAllGroups_removesTheMemberEverywhere() {
    StoredResource admins = createGroup(acme, "Admins");
    StoredResource sales = createGroup(acme, "Sales");
    StoredResource a = createUser(acme, "a");
    StoredResource b = createUser(acme, "b");
    groups.addMembers(admins.id(), List.of(new Member(a.id(), "User"), new Member(b.id(), "User")), acme);
    groups.addMembers(sales.id(), List.of(new Member(a.id(), "User")), acme);
    groups.removeFromAllGroups(a.id(), acme);
    assertThat(groups.groupsOf(a.id(), acme)).isEmpty();
    assertThat(groups.members(admins.id(), acme)).extracting(Member::value).containsExactly(b.id());
  }

  @Test
  @Timeout(120)
  void members_concurrentAddsToOneGroup_loseNothing() throws Exception {
    StoredResource group = createGroup(acme, "Everyone");
    int threads = 8;
    int perThread = 50;
    List<String> all = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < threads * perThread; i++) {
      ids.add(createUser(acme, "member-" + i).id());
    }
    race(threads, () -> {
      for (int i = 0; i < perThread; i++) {
        String id = ids.get(next.getAndIncrement());
        all.add(id);
        groups.addMembers(group.id(), List.of(new Member(id, "User")), acme);
      }
      return true;
    });
    Set<String> members = groups.members(group.id(), acme).stream().map(Member::value).collect(Collectors.toSet());
    assertThat(members).hasSize(threads * perThread).containsExactlyInAnyOrderElementsOf(all);
  }

  // ---- search ----------------------------------------------------------------------------------

  @Test
  void search_userNameEq_ignoresCase() {
    StoredResource bob = createUser(acme, "Bob@Example.com");
    createUser(acme, "alice@example.com");
    SearchResult result = users.search(SearchRequest.of(Filters.parse("userName eq \"bob@example.COM\""), 10), acme);
    assertThat(result.totalResults()).isEqualTo(1);
    assertThat(result.resources().get(0).id()).isEqualTo(bob.id());
  }

  @Test
  void search_noMatch_isAnEmptyPage() {
    createUser(acme, "bob");
    SearchResult result = users.search(SearchRequest.of(Filters.parse("userName eq \"" + UUID.randomUUID() + "\""), 10), acme);
    assertThat(result.totalResults()).isZero();
    assertThat(result.resources()).isEmpty();
  }

  @Test
  void search_externalIdEq_ignoresCase() {
    ObjectNode doc = userDoc("bob");
    doc.put("externalId", "Ext-1");
    users.create(fresh("u-ext", doc), acme);
    assertThat(users.search(SearchRequest.of(Filters.parse("externalId eq \"Ext-1\""), 10), acme).totalResults()).isEqualTo(1);
    assertThat(users.search(SearchRequest.of(Filters.parse("externalId eq \"EXT-1\""), 10), acme).totalResults()).isEqualTo(1);
    assertThat(users.search(SearchRequest.of(Filters.parse("externalId eq \"Ext-2\""), 10), acme).totalResults()).isZero();
  }

  @Test
  void search_externalIdEq_findsEveryResourceWithIt_asTheyChange() {
    ObjectNode first = userDoc("bob");
    first.put("externalId", "Shared");
    ObjectNode second = userDoc("alice");
    second.put("externalId", "SHARED");
    ObjectNode third = userDoc("carol");
    third.put("externalId", "shared");
    StoredResource bob = users.create(fresh("u-1", first), acme);
    StoredResource alice = users.create(fresh("u-2", second), acme);
    users.create(fresh("u-3", third), acme);
    SearchRequest shared = SearchRequest.of(Filters.parse("externalId eq \"shared\""), 10);
    assertThat(users.search(shared, acme).resources()).extracting(StoredResource::id)
        .containsExactly("u-1", "u-2", "u-3");

    users.delete(bob.id(), bob.version(), acme);
    ObjectNode renamed = userDoc("alice");
    renamed.put("externalId", "Other");
    users.replace(alice.withChange(1, T0, renamed), alice.version(), acme);
    assertThat(users.search(shared, acme).resources()).extracting(StoredResource::id).containsExactly("u-3");
    assertThat(users.search(SearchRequest.of(Filters.parse("externalId eq \"OTHER\""), 10), acme).resources())
        .extracting(StoredResource::id).containsExactly("u-2");
  }

  @Test
  void search_insideTheDocument_followsReplaceAndDelete() {
    ObjectNode doc = userDoc("bob");
    doc.putArray("emails").addObject().put("type", "work").put("value", "Bob@Old.example");
    StoredResource bob = users.create(fresh("u-mail", doc), acme);
    SearchRequest old = SearchRequest.of(Filters.parse("emails[type eq \"work\"].value eq \"bob@old.example\""), 10);
    SearchRequest now = SearchRequest.of(Filters.parse("emails[type eq \"work\"].value eq \"BOB@NEW.example\""), 10);
    assertThat(users.search(old, acme).totalResults()).isEqualTo(1);

    ObjectNode moved = userDoc("bob");
    moved.putArray("emails").addObject().put("type", "work").put("value", "bob@new.example");
    StoredResource replaced = users.replace(bob.withChange(1, T0, moved), bob.version(), acme);
    assertThat(users.search(old, acme).totalResults()).isZero();
    assertThat(users.search(now, acme).resources()).extracting(StoredResource::id).containsExactly("u-mail");

    users.delete(replaced.id(), replaced.version(), acme);
    assertThat(users.search(now, acme).totalResults()).isZero();
  }

  @Test
  void search_idEq_findsTheResource() {
    StoredResource bob = createUser(acme, "bob");
    SearchResult result = users.search(SearchRequest.of(Filters.parse("id eq \"" + bob.id() + "\""), 10), acme);
    assertThat(result.resources()).extracting(StoredResource::id).containsExactly(bob.id());
  }

  @Test
  void search_disabledUser_isStillFound() {
    ObjectNode doc = userDoc("gone");
    doc.put("active", false);
    users.create(fresh("u-gone", doc), acme);
    assertThat(users.search(SearchRequest.of(Filters.parse("userName eq \"gone\""), 10), acme).totalResults()).isEqualTo(1);
    assertThat(users.search(SearchRequest.of(Filters.parse("active eq false"), 10), acme).totalResults()).isEqualTo(1);
  }

  @Test
  void search_paging_isStableAndCountsEverything() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      created.add(createUser(acme, "user" + i).id());
    }
    List<String> seen = new ArrayList<>();
    for (int start = 1; start <= 23; start += 5) {
      SearchResult page = users.search(new SearchRequest(null, null, SortOrder.ASCENDING, start, 5), acme);
      assertThat(page.totalResults()).isEqualTo(23);
      page.resources().forEach(r -> seen.add(r.id()));
    }
    assertThat(seen).containsExactlyElementsOf(created);
  }

  @Test
  void search_countZero_returnsOnlyTheTotal() {
    createUser(acme, "a");
    createUser(acme, "b");
    SearchResult result = users.search(new SearchRequest(null, null, SortOrder.ASCENDING, 1, 0), acme);
    assertThat(result.totalResults()).isEqualTo(2);
    assertThat(result.resources()).isEmpty();
  }

  @Test
  void search_startIndexPastTheEnd_isAnEmptyPageWithTheTotal() {
    createUser(acme, "a");
    SearchResult result = users.search(new SearchRequest(null, null, SortOrder.ASCENDING, 50, 10), acme);
    assertThat(result.totalResults()).isEqualTo(1);
    assertThat(result.resources()).isEmpty();
  }

  @Test
  void search_sortByUserName_bothDirections() {
    createUser(acme, "carol");
    createUser(acme, "Alice");
    createUser(acme, "bob");
    var sortBy = Schemas.userType().resolve(Filters.parseAttributePath("userName"));
    List<String> ascending = users.search(new SearchRequest(null, sortBy, SortOrder.ASCENDING, 1, 10), acme)
        .resources().stream().map(r -> r.document().get("userName").asText()).toList();
    List<String> descending = users.search(new SearchRequest(null, sortBy, SortOrder.DESCENDING, 1, 10), acme)
        .resources().stream().map(r -> r.document().get("userName").asText()).toList();
    assertThat(ascending).containsExactly("Alice", "bob", "carol");
    assertThat(descending).containsExactly("carol", "bob", "Alice");
  }

  @Test
  void search_groupByDisplayName_ignoresCase() {
    createGroup(acme, "Sales Team");
    assertThat(groups.search(SearchRequest.of(Filters.parse("displayName eq \"sales team\""), 10), acme).totalResults()).isEqualTo(1);
  }

  @Test
  void search_groupByMember_findsTheGroup() {
    StoredResource admins = createGroup(acme, "Admins");
    createGroup(acme, "Others");
    StoredResource a = createUser(acme, "a");
    groups.addMembers(admins.id(), List.of(new Member(a.id(), "User")), acme);
    SearchResult result = groups.search(SearchRequest.of(Filters.parse("members[value eq \"" + a.id() + "\"]"), 10), acme);
    assertThat(result.resources()).extracting(StoredResource::id).containsExactly(admins.id());
  }
}
