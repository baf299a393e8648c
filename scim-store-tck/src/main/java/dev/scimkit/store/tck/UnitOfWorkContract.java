package dev.scimkit.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimResource;
import dev.scimkit.core.SearchParameters;
import dev.scimkit.core.store.GroupRef;
import dev.scimkit.core.store.GroupStore;
import dev.scimkit.core.store.Member;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.core.store.TransactionMode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The store contract for units of work ({@link dev.scimkit.core.store.StoreProvider#transaction}):
 * first the provider's own promise (all or nothing, nested units join), then what the engine
 * builds on it, run through a real {@link ScimEngine} over the store under test: a crash halfway
 * through a request changes nothing, a member never outlives its resource however a group change
 * and a delete race, and requests without {@code If-Match} are never answered 412.
 *
 * <p>A crash is simulated by a store that passes every call through to the store under test
 * except one, which throws {@link Crash}: the engine's unit of work must then roll back what the
 * calls before it did.
 */
abstract class UnitOfWorkContract extends StoreFixtures {

  /** What a simulated crash throws. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String method) {
      super("simulated crash in " + method);
    }
  }

  // ---- the provider's units of work ------------------------------------------------------------

  @Test
  void unitOfWork_returning_commitsEverythingItDid() {
    String[] ids = provider.transaction(acme, TransactionMode.READ_WRITE, () -> {
      StoredResource user = createUser(acme, "kept");
      StoredResource group = createGroup(acme, "Kept");
      groups.addMembers(group.id(), List.of(new Member(user.id(), "User")), acme);
      return new String[] {user.id(), group.id()};
    });
    assertThat(users.get(ids[0], acme)).isPresent();
    assertThat(groups.members(ids[1], acme)).extracting(Member::withoutDisplay).containsExactly(new Member(ids[0], "User"));
  }

  @Test
  void unitOfWork_throwing_leavesNothingOfWhatItCreated() {
    List<String> ids = new ArrayList<>();
    assertThatThrownBy(() -> provider.transaction(acme, TransactionMode.READ_WRITE, () -> {
          StoredResource user = createUser(acme, "doomed");
          StoredResource group = createGroup(acme, "Doomed");
          ids.add(user.id());
          ids.add(group.id());
          groups.addMembers(group.id(), List.of(new Member(user.id(), "User")), acme);
          throw new Crash("the work");
        }))
        .isInstanceOf(Crash.class);
    assertThat(users.get(ids.get(0), acme)).isEmpty();
    assertThat(groups.get(ids.get(1), acme)).isEmpty();
    assertThat(groups.groupsOf(ids.get(0), acme)).isEmpty();
    // nothing of it is left to collide with
    createUser(acme, "doomed");
    createGroup(acme, "Doomed");
  }

  @Test
  void unitOfWork_throwing_restoresWhatItChangedAndDeleted() {
    StoredResource alice = createUser(acme, "alice");
    StoredResource bob = createUser(acme, "bob");
    StoredResource carol = createUser(acme, "carol");
    StoredResource admins = createGroup(acme, "Admins");
    groups.addMembers(admins.id(),
        List.of(new Member(alice.id(), "User"), new Member(bob.id(), "User"), new Member(carol.id(), "User")), acme);
    StoredResource adminsBefore = groups.get(admins.id(), acme).orElseThrow();

    assertThatThrownBy(() -> provider.transaction(acme, TransactionMode.READ_WRITE, () -> {
          users.replace(alice.withChange(1, T0.plusSeconds(5), userDoc("alice-renamed")), alice.version(), acme);
          groups.removeMembers(admins.id(), List.of(bob.id()), acme);
          groups.removeFromAllGroups(carol.id(), acme);
          users.delete(carol.id(), ResourceStore.ANY_VERSION, acme);
          groups.replace(adminsBefore.withChange(1, T0.plusSeconds(5), groupDoc("Renamed")), ResourceStore.ANY_VERSION, acme);
          throw new Crash("the work");
        }))
        .isInstanceOf(Crash.class);

    assertThat(users.get(alice.id(), acme).orElseThrow()).isEqualTo(alice);
    assertThat(users.get(carol.id(), acme).orElseThrow()).isEqualTo(carol);
    assertThat(groups.get(admins.id(), acme).orElseThrow()).isEqualTo(adminsBefore);
    assertThat(groups.members(admins.id(), acme)).extracting(Member::value)
        .containsExactly(alice.id(), bob.id(), carol.id());
    assertThat(groups.groupsOf(carol.id(), acme)).extracting(GroupRef::id).containsExactly(admins.id());
  }

  @Test
  void unitOfWork_failingOnUniqueness_rollsBackItsEarlierWrites() {
    createUser(acme, "taken");
    List<String> ids = new ArrayList<>();
    assertThatThrownBy(() -> provider.transaction(acme, TransactionMode.READ_WRITE, () -> {
          ids.add(createUser(acme, "first").id());
          return createUser(acme, "TAKEN");
        }))
        .satisfies(t -> assertThat(scim(t).status()).isEqualTo(409));
    assertThat(users.get(ids.get(0), acme)).isEmpty();
  }

  @Test
  void unitOfWork_nested_joinsTheOuterUnit() {
    List<String> ids = new ArrayList<>();
    assertThatThrownBy(() -> provider.transaction(acme, TransactionMode.READ_WRITE, () -> {
          ids.add(createUser(acme, "outer").id());
          provider.transaction(acme, TransactionMode.READ_WRITE, () -> ids.add(createUser(acme, "inner").id()));
          throw new Crash("the outer work");
        }))
        .isInstanceOf(Crash.class);
    assertThat(users.get(ids.get(0), acme)).isEmpty();
    assertThat(users.get(ids.get(1), acme)).as("the inner unit committed with the outer, not alone").isEmpty();
  }

  // ---- engine requests that crash halfway --------------------------------------------------------

  @Test
  void engine_createGroupWithMembers_crashAfterTheGroup_leavesNoGroup() {
    String alice = createUser(acme, "alice").id();
    ScimEngine crashing = engine(null, failing(GroupStore.class, groups, "addMembers"));
    assertThatThrownBy(() -> crashing.create("Group", groupBody("Engineering", alice), acme, ResponseOptions.defaults()))
        .isInstanceOf(Crash.class);
    assertThat(findGroup("Engineering")).as("no group with its name and no members").isEmpty();

    // the client's retry is not refused as a duplicate, and the group gets its members
    ScimResource created = engine().create("Group", groupBody("Engineering", alice), acme, ResponseOptions.defaults());
    assertThat(groups.members(created.id(), acme)).extracting(Member::value).containsExactly(alice);
  }

  @Test
  void engine_replaceGroupWithMembers_crashAfterTheDocument_changesNothing() {
    String alice = createUser(acme, "alice").id();
    String bob = createUser(acme, "bob").id();
    ScimResource group = engine().create("Group", groupBody("Engineering", alice), acme, ResponseOptions.defaults());
    StoredResource before = groups.get(group.id(), acme).orElseThrow();
    ScimEngine crashing = engine(null, failing(GroupStore.class, groups, "replaceMembers"));
    assertThatThrownBy(() -> crashing.replace(
            "Group", group.id(), groupBody("Platform", bob), ResourceStore.ANY_VERSION, acme, ResponseOptions.defaults()))
        .isInstanceOf(Crash.class);
    assertThat(groups.get(group.id(), acme).orElseThrow()).isEqualTo(before);
    assertThat(groups.members(group.id(), acme)).extracting(Member::value).containsExactly(alice);
  }

  @Test
  void engine_patchOfNameAndMembers_crashAfterTheDocument_changesNothing() {
    String alice = createUser(acme, "alice").id();
    ScimResource group = engine().create("Group", groupBody("Engineering", null), acme, ResponseOptions.defaults());
    StoredResource before = groups.get(group.id(), acme).orElseThrow();
    ScimEngine crashing = engine(null, failing(GroupStore.class, groups, "addMembers"));
    ObjectNode patch = patchBody();
    patch.withArray("Operations").addObject().put("op", "replace").put("path", "displayName").put("value", "Platform");
    patch.withArray("Operations").addObject().put("op", "add").put("path", "members")
        .putArray("value").addObject().put("value", alice);
    assertThatThrownBy(() -> crashing.patch(
            "Group", group.id(), patch, ResourceStore.ANY_VERSION, acme, ResponseOptions.defaults()))
        .isInstanceOf(Crash.class);
    assertThat(groups.get(group.id(), acme).orElseThrow()).isEqualTo(before);
    assertThat(groups.members(group.id(), acme)).isEmpty();
  }

  @Test
  void engine_deleteUser_crashAfterLeavingItsGroups_keepsUserAndMemberships() {
    StoredResource alice = createUser(acme, "alice");
    ScimResource group = engine().create("Group", groupBody("Engineering", alice.id()), acme, ResponseOptions.defaults());
    ScimEngine crashing = engine(failing(ResourceStore.class, users, "delete"), null);
    assertThatThrownBy(() -> crashing.delete("User", alice.id(), ResourceStore.ANY_VERSION, acme))
        .isInstanceOf(Crash.class);
    assertThat(users.get(alice.id(), acme)).isPresent();
    assertThat(groups.members(group.id(), acme)).extracting(Member::value).containsExactly(alice.id());
    assertThat(groups.groupsOf(alice.id(), acme)).extracting(GroupRef::id).containsExactly(group.id());
  }

  // ---- engine requests that race ---------------------------------------------------------------

  /**
   * A PATCH that adds a user to a group racing a DELETE of that user, a hundred times: whichever
   * wins, the group never lists a user that does not exist (a deprovisioned person keeping
   * group-based access), and the user's GET agrees with the group.
   */
  @Test
  @Timeout(300)
  void engine_addMemberRacingDeleteOfThatMember_neverLeavesADanglingMember() throws Exception {
    ScimEngine engine = engine();
    String group = engine.create("Group", groupBody("Racers", null), acme, ResponseOptions.defaults()).id();
    int added = 0;
    for (int round = 0; round < 100; round++) {
      String user = createUser(acme, "racer-" + round).id();
      ObjectNode patch = patchBody();
      patch.withArray("Operations").addObject().put("op", "add").put("path", "members")
          .putArray("value").addObject().put("value", user);
      AtomicInteger next = new AtomicInteger();
      boolean deleteFirst = round % 2 == 1; // give the delete a head start in every other round
      List<String> outcomes = race(2, () -> {
        try {
          if (next.getAndIncrement() == 0) {
            if (deleteFirst) {
              Thread.sleep(0, 500_000);
            }
            engine.patch("Group", group, patch, ResourceStore.ANY_VERSION, acme, ResponseOptions.defaults());
            return "added";
          }
          engine.delete("User", user, ResourceStore.ANY_VERSION, acme);
          return "deleted";
        } catch (ScimException e) {
          // the add may come second and find the user gone: that is its only acceptable failure
          assertThat(e.status()).as(e.detail()).isEqualTo(400);
          return "refused";
        }
      });
      assertThat(outcomes).contains("deleted");
      added += outcomes.contains("added") ? 1 : 0;
      assertThat(users.get(user, acme)).as("round " + round).isEmpty();
      assertThat(groups.members(group, acme)).extracting(Member::value).as("round " + round).doesNotContain(user);
      assertThat(groups.groupsOf(user, acme)).as("round " + round).isEmpty();
    }
    System.out.println(getClass().getSimpleName() + ": add-member raced delete 100 times; the add came first "
        + added + " times, the delete " + (100 - added) + " times; 0 dangling members");
  }

  /**
   * Sixteen threads PUT and PATCH one user without {@code If-Match}: last writer wins, so none
   * may be answered 412 (or fail otherwise), and every change counts (the version rises by one
   * per request).
   */
  @Test
  @Timeout(300)
  void engine_concurrentPutAndPatchWithoutIfMatch_neverAnswer412() throws Exception {
    ScimEngine engine = engine();
    ObjectNode body = userBody("contended");
    ScimResource user = engine.create("User", body, acme, ResponseOptions.defaults());
    long before = users.get(user.id(), acme).orElseThrow().version();
    int threads = 16;
    int perThread = 10;
    Map<Integer, Integer> failures = new ConcurrentHashMap<>();
    AtomicInteger thread = new AtomicInteger();
    race(threads, () -> {
      int t = thread.getAndIncrement();
      for (int i = 0; i < perThread; i++) {
        try {
          if ((t + i) % 2 == 0) {
            ObjectNode put = userBody("contended");
            put.put("title", "put " + t + "." + i);
            engine.replace("User", user.id(), put, ResourceStore.ANY_VERSION, acme, ResponseOptions.defaults());
          } else {
            ObjectNode patch = patchBody();
            patch.withArray("Operations").addObject().put("op", "replace").put("path", "title")
                .put("value", "patch " + t + "." + i);
            engine.patch("User", user.id(), patch, ResourceStore.ANY_VERSION, acme, ResponseOptions.defaults());
          }
        } catch (ScimException e) {
          failures.merge(e.status(), 1, Integer::sum);
        }
      }
      return true;
    });
    assertThat(failures).as("statuses of failed requests").isEmpty();
    long after = users.get(user.id(), acme).orElseThrow().version();
    assertThat(after - before).as("one version per request").isEqualTo((long) threads * perThread);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** An engine over the provider under test; {@code null} stores are the provider's own. */
  ScimEngine engine(ResourceStore userStore, GroupStore groupStore) {
    ScimEngine.Builder builder = ScimEngine.builder().storeProvider(provider).auditListener(e -> { });
    if (userStore != null) {
      builder.store("User", userStore);
    }
    if (groupStore != null) {
      builder.store("Group", groupStore);
    }
    return builder.build();
  }

  ScimEngine engine() {
    return engine(null, null);
  }

  /**
   * {@code store}, except that calls of the method named {@code method} throw {@link Crash}
   * instead of reaching it.
   */
  static <T> T failing(Class<T> type, T store, String method) {
    Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, m, args) -> {
      if (m.getName().equals(method)) {
        throw new Crash(method);
      }
      try {
        return m.invoke(store, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
    return type.cast(proxy);
  }

  private List<ObjectNode> findGroup(String displayName) {
    return engine()
        .search("Group", SearchParameters.filter("displayName eq \"" + displayName + "\""), acme, null)
        .resources();
  }

  static ObjectNode groupBody(String displayName, String member) {
    ObjectNode body = groupDoc(displayName);
    if (member != null) {
      body.putArray("members").addObject().put("value", member);
    }
    return body;
  }

  static ObjectNode userBody(String userName) {
    return userDoc(userName);
  }

  static ObjectNode patchBody() {
    ObjectNode body = NODES.objectNode();
    body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
    body.putArray("Operations");
    return body;
  }
}
