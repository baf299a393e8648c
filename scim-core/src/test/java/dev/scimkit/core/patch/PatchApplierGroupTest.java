package dev.scimkit.core.patch;

import static dev.scimkit.core.patch.PatchFixtures.GROUPS;
import static dev.scimkit.core.patch.PatchFixtures.assertBadRequest;
import static dev.scimkit.core.patch.PatchFixtures.countingMembers;
import static dev.scimkit.core.patch.PatchFixtures.failingMembers;
import static dev.scimkit.core.patch.PatchFixtures.group;
import static dev.scimkit.core.patch.PatchFixtures.json;
import static dev.scimkit.core.patch.PatchFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.store.Member;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PatchApplierGroupTest {

  private static PatchResult patchGroup(String operations) {
    return GROUPS.apply(group(), request(operations), failingMembers());
  }

  private static MembershipChange change(List<Member> replaceAll, List<Member> add, Set<String> remove) {
    return new MembershipChange(replaceAll, add, remove);
  }

  @Test
  void addMembers_withNullRef_addsThem_withoutReadingTheMembers_orTouchingTheDocument() {
    PatchResult result =
        patchGroup(
            """
            [{"op":"Add","path":"members","value":[{"$ref":null,"value":"id1"},{"value":"id2"}]}]
            """);

    assertThat(result.membership())
        .isEqualTo(change(null, List.of(new Member("id1", null), new Member("id2", null)), Set.of()));
    assertThat(result.documentChanged()).isFalse();
    assertThat(result.document()).isEqualTo(group());
  }

  @Test
  void removeMembers_withValueArray_removesOnlyTheListedMembers() {
    PatchResult result =
        patchGroup("[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"id1\"}]}]");

    assertThat(result.membership()).isEqualTo(change(null, List.of(), Set.of("id1")));
    assertThat(result.membership().applyTo(List.of(new Member("id1", "User"), new Member("id2", "User"))))
        .containsExactly(new Member("id2", "User"));
  }

  @Test
  void removeMember_byValueFilter_removesThatOne_withoutReadingTheMembers() {
    PatchResult result = patchGroup("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"id1\\\"]\"}]");

    assertThat(result.membership()).isEqualTo(change(null, List.of(), Set.of("id1")));
  }

  @Test
  void removeMembers_byValueFiltersJoinedWithOr_removesEach_withoutReadingTheMembers() {
    PatchResult result =
        patchGroup("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"a\\\" or value eq \\\"b\\\"]\"}]");

    assertThat(result.membership().remove()).containsExactly("a", "b");
  }

  @Test
  void removeMembers_withoutValue_removesAll() {
    PatchResult result = patchGroup("[{\"op\":\"remove\",\"path\":\"members\"}]");

    assertThat(result.membership()).isEqualTo(change(List.of(), List.of(), Set.of()));
  }

  @Test
  void removeMembers_withEmptyValueArray_removesNobody() {
    PatchResult result = patchGroup("[{\"op\":\"remove\",\"path\":\"members\",\"value\":[]}]");

    assertThat(result.membership()).isNotNull();
    assertThat(result.membership().isEmpty()).isTrue();
  }

  @Test
  void replaceMembers_withAList_replacesTheWholeList() {
    PatchResult result =
        patchGroup("[{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"a\"},{\"value\":\"b\"}]}]");

    assertThat(result.membership())
        .isEqualTo(change(List.of(new Member("a", null), new Member("b", null)), List.of(), Set.of()));
  }

  @Test
  void replaceMembers_withEmptyList_emptiesTheGroup() {
    PatchResult result = patchGroup("[{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}]");

    assertThat(result.membership()).isEqualTo(change(List.of(), List.of(), Set.of()));
  }

  @Test
  void pathlessAddAndReplace_withMembers_areMemberOperations() {
    PatchResult added = patchGroup("[{\"op\":\"add\",\"value\":{\"members\":[{\"value\":\"a\"}]}}]");
    PatchResult replaced =
        patchGroup("[{\"op\":\"replace\",\"value\":{\"members\":[{\"value\":\"b\"}],\"displayName\":\"Ops\"}}]");

    assertThat(added.membership()).isEqualTo(change(null, List.of(new Member("a", null)), Set.of()));
    assertThat(added.documentChanged()).isFalse();
    assertThat(replaced.membership()).isEqualTo(change(List.of(new Member("b", null)), List.of(), Set.of()));
    assertThat(replaced.document().get("displayName")).isEqualTo(json("\"Ops\""));
    assertThat(replaced.document().has("members")).isFalse();
  }

  @Test
  void pathlessRemove_withMembers_removesOnlyTheListedMembers() {
    PatchResult result =
        patchGroup("[{\"op\":\"remove\",\"value\":{\"members\":[{\"value\":\"a\"}]}}]");

    assertThat(result.membership()).isEqualTo(change(null, List.of(), Set.of("a")));
  }

  @Test
  void addThenRemoveOfTheSameMember_inOneRequest_removesIt() {
    PatchResult result =
        patchGroup(
            """
            [{"op":"add","path":"members","value":[{"value":"x"},{"value":"y"}]},
             {"op":"remove","path":"members[value eq \\"x\\"]"}]
            """);

    assertThat(result.membership()).isEqualTo(change(null, List.of(new Member("y", null)), Set.of("x")));
    assertThat(result.membership().applyTo(List.of(new Member("x", null)))).containsExactly(new Member("y", null));
  }

  @Test
  void removeThenAddOfTheSameMember_inOneRequest_addsIt() {
    PatchResult result =
        patchGroup(
            """
            [{"op":"remove","path":"members[value eq \\"x\\"]"},
             {"op":"add","path":"members","value":[{"value":"x","type":"User"}]}]
            """);

    assertThat(result.membership()).isEqualTo(change(null, List.of(new Member("x", "User")), Set.of()));
  }

  @Test
  void replaceThenAdd_inOneRequest_isAReplaceAllThatIncludesTheAddedMember() {
    PatchResult result =
        patchGroup(
            """
            [{"op":"replace","path":"members","value":[{"value":"a"}]},
             {"op":"add","path":"members","value":[{"value":"b"}]},
             {"op":"remove","path":"members[value eq \\"a\\"]"}]
            """);

    assertThat(result.membership()).isEqualTo(change(List.of(new Member("b", null)), List.of(), Set.of()));
  }

  @Test
  void oktaRemoveByFilterAndAdd_inOnePatch_givesBothDeltas() {
    PatchResult result =
        patchGroup(
            """
            [{"op":"remove","path":"members[value eq \\"old\\"]"},
             {"op":"add","path":"members","value":[{"value":"new","display":"New User"}]}]
            """);

    assertThat(result.membership()).isEqualTo(change(null, List.of(new Member("new", null)), Set.of("old")));
  }

  @Test
  void memberType_isKeptAsSent() {
    PatchResult result =
        patchGroup(
            "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u\",\"type\":\"User\"},{\"value\":\"g\",\"type\":\"Group\"}]}]");

    assertThat(result.membership().add())
        .containsExactly(new Member("u", "User"), new Member("g", "Group"));
  }

  @Test
  void removeMembers_byAFilterOtherThanValueEq_readsTheCurrentMembersOnce() {
    AtomicInteger calls = new AtomicInteger();
    List<Member> current =
        List.of(new Member("u1", "User"), new Member("g1", "Group"), new Member("g2", "Group"));

    PatchResult result =
        GROUPS.apply(
            group(),
            request(
                """
                [{"op":"add","path":"members","value":[{"value":"g3","type":"Group"}]},
                 {"op":"remove","path":"members[type eq \\"group\\"]"},
                 {"op":"remove","path":"members[value sw \\"u\\"]"}]
                """),
            countingMembers(calls, current));

    assertThat(calls).hasValue(1);
    assertThat(result.membership().applyTo(current)).isEmpty();
    assertThat(result.membership().remove()).containsExactlyInAnyOrder("g1", "g2", "g3", "u1");
  }

  @Test
  void oktaRename_withIdInsideTheValue_changesOnlyTheDisplayName() {
    PatchResult result =
        patchGroup("[{\"op\":\"replace\",\"value\":{\"id\":\"6c5bb468\",\"displayName\":\"Renamed\"}}]");

    assertThat(result.document())
        .isEqualTo(json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Renamed\"}"));
    assertThat(result.membership()).isNull();
    assertThat(result.documentChanged()).isTrue();
  }

  @Test
  void membersInTheStoredDocument_neverAppearInTheResult() {
    ObjectNode stored = group();
    stored.set("members", json("[{\"value\":\"leftover\"}]"));

    PatchResult result =
        GROUPS.apply(
            stored, request("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"a\"}]}]"), failingMembers());

    assertThat(result.document()).isEqualTo(group());
    assertThat(result.documentChanged()).isFalse();
  }

  @Test
  void removeGroupDisplayName_isMutability_becauseItIsRequired() {
    assertBadRequest(ScimType.MUTABILITY, () -> patchGroup("[{\"op\":\"remove\",\"path\":\"displayName\"}]"));
  }

  @Test
  void memberSubAttributePath_isMutability() {
    assertBadRequest(
        ScimType.MUTABILITY,
        () -> patchGroup("[{\"op\":\"replace\",\"path\":\"members[value eq \\\"a\\\"].type\",\"value\":\"User\"}]"));
    assertBadRequest(
        ScimType.MUTABILITY,
        () -> patchGroup("[{\"op\":\"remove\",\"path\":\"members.value\"}]"));
  }

  @Test
  void memberWithoutValue_isInvalidValue() {
    assertBadRequest(
        ScimType.INVALID_VALUE,
        () -> patchGroup("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"$ref\":\"../Users/x\"}]}]"));
    assertBadRequest(
        ScimType.INVALID_VALUE,
        () -> patchGroup("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"\"}]}]"));
  }

  @Test
  void memberFilterOnUnknownSubAttribute_isInvalidPath() {
    assertBadRequest(
        ScimType.INVALID_PATH, () -> patchGroup("[{\"op\":\"remove\",\"path\":\"members[id eq \\\"a\\\"]\"}]"));
  }

  @Test
  void failingOperationAfterMemberOperations_returnsNoMembershipChange() {
    assertBadRequest(
        ScimType.MUTABILITY,
        () ->
            patchGroup(
                """
                [{"op":"add","path":"members","value":[{"value":"a"}]},
                 {"op":"remove","path":"members"},
                 {"op":"replace","path":"meta","value":{}}]
                """));
  }

  @Test
  void twoArgumentApply_failsLoudly_whenTheMembersAreNeeded() {
    assertThatThrownBy(
            () -> GROUPS.apply(group(), request("[{\"op\":\"remove\",\"path\":\"members[type eq \\\"User\\\"]\"}]")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(
            GROUPS.apply(group(), request("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"a\"}]}]"))
                .membership()
                .add())
        .containsExactly(new Member("a", null));
  }
}
