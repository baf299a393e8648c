package dev.scimkit.core.patch;

import static dev.scimkit.core.patch.PatchFixtures.ENTERPRISE;
import static dev.scimkit.core.patch.PatchFixtures.GROUPS;
import static dev.scimkit.core.patch.PatchFixtures.USERS;
import static dev.scimkit.core.patch.PatchFixtures.failingMembers;
import static dev.scimkit.core.patch.PatchFixtures.group;
import static dev.scimkit.core.patch.PatchFixtures.json;
import static dev.scimkit.core.patch.PatchFixtures.object;
import static dev.scimkit.core.patch.PatchFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.store.Member;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PatchPropertiesTest {

  @Property(tries = 300)
  void failingOperationAtAnyPosition_leavesTheInputUnchanged_andProducesNoResult(
      @ForAll("users") ObjectNode user,
      @ForAll("validOperationLists") List<String> before,
      @ForAll("failingOperations") String failing,
      @ForAll("validOperationLists") List<String> after) {
    ObjectNode snapshot = user.deepCopy();
    List<String> operations = new ArrayList<>(before);
    operations.add(failing);
    operations.addAll(after);
    PatchRequest request = request("[" + String.join(",", operations) + "]");
    List<PatchResult> results = new ArrayList<>();

    ScimException e =
        catchThrowableOfType(
            ScimException.class, () -> results.add(USERS.apply(user, request, failingMembers())));

    assertThat(e).isNotNull();
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.detail()).startsWith("operation " + (before.size() + 1) + ": ");
    assertThat(results).isEmpty();
    assertThat(user).isEqualTo(snapshot);
  }

  @Property(tries = 300)
  void wholeRequest_givesTheSameDocumentAsItsOperationsOneRequestAtATime(
      @ForAll("users") ObjectNode user, @ForAll("validOperationLists") List<String> operations) {
    ObjectNode snapshot = user.deepCopy();

    PatchResult whole =
        USERS.apply(user, request(operations), failingMembers());
    ObjectNode stepwise = user;
    for (String operation : operations) {
      stepwise = USERS.apply(stepwise, request("[" + operation + "]"), failingMembers()).document();
    }
    ObjectNode noOp = USERS.apply(user, request(List.of()), failingMembers()).document();

    assertThat(whole.document()).isEqualTo(stepwise);
    assertThat(whole.documentChanged()).isEqualTo(!whole.document().equals(noOp));
    assertThat(user).isEqualTo(snapshot);
  }

  @Property(tries = 300)
  void membershipOfWholeRequest_equalsApplyingItsOperationsOneRequestAtATime(
      @ForAll("memberLists") List<Member> current,
      @ForAll("memberOperationLists") List<String> operations) {
    AtomicInteger calls = new AtomicInteger();

    PatchResult whole =
        GROUPS.apply(
            group(),
            request(operations),
            PatchFixtures.countingMembers(calls, current));
    List<Member> stepwise = current;
    for (String operation : operations) {
      List<Member> now = stepwise;
      MembershipChange change =
          GROUPS.apply(group(), request("[" + operation + "]"), () -> now).membership();
      stepwise = change.applyTo(stepwise);
    }

    List<Member> result = whole.membership() == null ? current : whole.membership().applyTo(current);
    assertThat(ids(result)).isEqualTo(ids(stepwise));
    assertThat(calls.get()).isLessThanOrEqualTo(1);
    assertThat(whole.documentChanged()).isFalse();
    MembershipChange change = whole.membership();
    if (change != null && change.replaceAll() == null) {
      assertThat(Collections.disjoint(change.remove(), ids(change.add()))).isTrue();
    }
    if (change != null && change.replaceAll() != null) {
      assertThat(change.add()).isEmpty();
      assertThat(change.remove()).isEmpty();
    }
  }

  private static Set<String> ids(List<Member> members) {
    return members.stream().map(Member::value).collect(Collectors.toSet());
  }

  // ---- generators -------------------------------------------------------------------------------

  private static Arbitrary<String> words() {
    // no 'z', so the failing filter below never matches
    return Arbitraries.strings().withCharRange('a', 'y').ofMinLength(1).ofMaxLength(6);
  }

  @Provide
  Arbitrary<ObjectNode> users() {
    return Combinators.combine(
            words(),
            words().injectNull(0.3),
            words().injectNull(0.3),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 3),
            words().injectNull(0.5),
            words().injectNull(0.5))
        .as(
            (userName, displayName, givenName, active, emails, employeeNumber, manager) -> {
              ObjectNode u = object("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}");
              u.put("userName", userName);
              if (displayName != null) {
                u.put("displayName", displayName);
              }
              if (givenName != null) {
                u.putObject("name").put("givenName", givenName);
              }
              u.put("active", active);
              if (emails > 0) {
                ArrayNode list = u.putArray("emails");
                list.add(json("{\"value\":\"" + userName + "@work.example\",\"type\":\"work\",\"primary\":true}"));
                if (emails > 1) {
                  list.add(json("{\"value\":\"" + userName + "@home.example\",\"type\":\"home\"}"));
                }
              }
              if (employeeNumber != null || manager != null) {
                ObjectNode ext = u.putObject(ENTERPRISE);
                if (employeeNumber != null) {
                  ext.put("employeeNumber", employeeNumber);
                }
                if (manager != null) {
                  ext.putObject("manager").put("value", manager);
                }
                ((ArrayNode) u.get("schemas")).add(ENTERPRISE);
              }
              return u;
            });
  }

  @Provide
  Arbitrary<List<String>> validOperationLists() {
    return validOperations().list().ofMaxSize(6);
  }

  /** Operations that never fail on a generated user and never create a value from a filter. */
  private Arbitrary<String> validOperations() {
    return Arbitraries.oneOf(
        words().map(w -> op("replace", "displayName", q(w))),
        Arbitraries.of("\"True\"", "\"False\"", "true", "false").map(v -> op("Replace", "active", v)),
        words().map(w -> op("add", "name.givenName", q(w))),
        words().map(w -> op("replace", "name", "{\"familyName\":" + q(w) + "}")),
        words().map(w -> op("add", "name", "{\"middleName\":" + q(w) + "}")),
        words().map(w -> op("add", "emails", "[{\"value\":" + q(w + "@x") + ",\"type\":\"other\"}]")),
        words().map(w -> op("add", "emails", "{\"value\":" + q(w + "@p") + ",\"primary\":\"True\"}")),
        Arbitraries.just("{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}"),
        Arbitraries.just("{\"op\":\"remove\",\"path\":\"emails[type eq \\\"work\\\"].primary\"}"),
        words().map(w -> "{\"op\":\"remove\",\"path\":\"emails\",\"value\":[{\"value\":" + q(w + "@x") + "}]}"),
        Arbitraries.just("{\"op\":\"remove\",\"path\":\"emails\"}"),
        Combinators.combine(words(), words())
            .as(
                (a, b) ->
                    "{\"op\":\"replace\",\"value\":{\"displayName\":" + q(a) + ",\"name.givenName\":" + q(b)
                        + ",\"" + ENTERPRISE + ":employeeNumber\":" + q(a + b) + ",\"id\":\"ignored\"}}"),
        words().map(w -> op("Replace", ENTERPRISE + ":employeeNumber", q(w))),
        words().map(w -> op("Replace", ENTERPRISE + ":manager", q(w))),
        Arbitraries.just(op("replace", ENTERPRISE + ":manager", "{\"value\":\"\"}")),
        words().map(w -> "{\"op\":\"remove\",\"path\":\"manager[value eq " + q(w).replace("\"", "\\\"") + "]\"}"),
        words().map(w -> op("add", "title", q(w))),
        Arbitraries.just("{\"op\":\"remove\",\"path\":\"title\"}"),
        Arbitraries.just("{\"op\":\"remove\",\"path\":\"displayName\"}"),
        Arbitraries.just("{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + "\"}"),
        words().map(w -> op("Add", "roles", "[{\"value\":" + q(w) + ",\"primary\":\"True\"}]")),
        words().map(w -> op("replace", "userName", q(w))));
  }

  @Provide
  Arbitrary<String> failingOperations() {
    return Arbitraries.of(
        op("replace", "id", "\"x\""),
        op("add", "meta.created", "\"2020-01-01T00:00:00Z\""),
        op("replace", "groups", "[{\"value\":\"g\"}]"),
        op("replace", "nickname2", "\"x\""),
        op("replace", "urn:acme:ext:1.0:User:foo", "\"x\""),
        op("Replace", "active", "\"maybe\""),
        op("replace", "name", "\"Bob\""),
        "{\"op\":\"remove\",\"path\":\"userName\"}",
        op("replace", "emails[value co \\\"zzz\\\"].type", "\"x\""),
        op("replace", "emails[type eq \\\"work\\\"].nope", "\"x\""));
  }

  /**
   * A member's type follows from its id, as it does in a real tenant (the engine resolves it
   * before anything is stored), so re-adding a member within one request cannot change its type.
   */
  private static String typeOf(String id) {
    return id.compareTo("c") <= 0 ? "User" : "Group";
  }

  @Provide
  Arbitrary<List<Member>> memberLists() {
    return Arbitraries.of("a", "b", "c", "d", "e")
        .map(id -> new Member(id, typeOf(id)))
        .list()
        .ofMaxSize(5)
        .uniqueElements(Member::value);
  }

  @Provide
  Arbitrary<List<String>> memberOperationLists() {
    Arbitrary<String> id = Arbitraries.of("a", "b", "c", "d", "e");
    Arbitrary<String> member =
        id.map(v -> "{\"value\":\"" + v + "\",\"type\":\"" + typeOf(v) + "\"}");
    Arbitrary<String> members = member.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]");
    Arbitrary<String> operation =
        Arbitraries.oneOf(
            members.map(m -> op("Add", "members", m)),
            members.map(m -> "{\"op\":\"Remove\",\"path\":\"members\",\"value\":" + m + "}"),
            members.map(m -> op("replace", "members", m)),
            id.map(v -> "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + v + "\\\"]\"}"),
            Arbitraries.just("{\"op\":\"remove\",\"path\":\"members\"}"),
            Arbitraries.of("User", "Group")
                .map(t -> "{\"op\":\"remove\",\"path\":\"members[type eq \\\"" + t + "\\\"]\"}"),
            members.map(m -> "{\"op\":\"add\",\"value\":{\"members\":" + m + "}}"));
    return operation.list().ofMaxSize(6);
  }

  private static String op(String op, String path, String value) {
    return "{\"op\":\"" + op + "\",\"path\":\"" + path + "\",\"value\":" + value + "}";
  }

  private static String q(String s) {
    return "\"" + s + "\"";
  }
}
