package dev.scimkit.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimkit.core.store.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembershipChangeTest {
  private static final Member A = new Member("a", "User");
  private static final Member B = new Member("b", "User");
  private static final Member C = new Member("c", "Group");

  @Test
  void applyTo_removesThenAppendsMembersNotYetPresent() {
    MembershipChange change = new MembershipChange(null, List.of(C, new Member("a", null)), Set.of("b"));

    assertThat(change.applyTo(List.of(A, B))).containsExactly(A, C);
  }

  @Test
  void applyTo_withReplaceAll_ignoresTheCurrentMembers() {
    MembershipChange change = new MembershipChange(List.of(C), List.of(), Set.of());

    assertThat(change.applyTo(List.of(A, B))).containsExactly(C);
  }

  @Test
  void isEmpty_onlyWhenThereIsNothingToDo() {
    assertThat(new MembershipChange(null, List.of(), Set.of()).isEmpty()).isTrue();
    assertThat(new MembershipChange(List.of(), List.of(), Set.of()).isEmpty()).isFalse();
  }

  @Test
  void collections_areCopied_andUnmodifiable() {
    ArrayList<Member> add = new ArrayList<>(List.of(A));
    MembershipChange change = new MembershipChange(null, add, Set.of());
    add.add(B);

    assertThat(change.add()).containsExactly(A);
    assertThatThrownBy(() -> change.remove().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
