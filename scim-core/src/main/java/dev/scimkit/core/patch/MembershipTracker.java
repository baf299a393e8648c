package dev.scimkit.core.patch;

import dev.scimkit.core.store.Member;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Folds member operations, in order, into one {@link MembershipChange}. The current members are
 * read from the supplier only when an operation cannot be expressed as a delta by id (a filter
 * other than {@code value eq "…"}), and then at most once.
 */
final class MembershipTracker {
  private final Supplier<List<Member>> currentMembers;
  private List<Member> current;

  private Map<String, Member> replaceAll; // null: no replace so far
  private final Map<String, Member> add = new LinkedHashMap<>();
  private final Set<String> remove = new LinkedHashSet<>();
  private boolean touched;

  MembershipTracker(Supplier<List<Member>> currentMembers) {
    this.currentMembers = currentMembers;
  }

  void add(Member member) {
    touched = true;
    if (replaceAll != null) {
      replaceAll.putIfAbsent(member.value(), member);
      return;
    }
    remove.remove(member.value());
    add.putIfAbsent(member.value(), member);
  }

  void remove(String id) {
    touched = true;
    if (replaceAll != null) {
      replaceAll.remove(id);
      return;
    }
    add.remove(id);
    remove.add(id);
  }

  void replaceAll(List<Member> members) {
    touched = true;
    replaceAll = new LinkedHashMap<>();
    for (Member m : members) {
      replaceAll.putIfAbsent(m.value(), m);
    }
    add.clear();
    remove.clear();
  }

  /** Records that a member operation took place, even if it changes nothing. */
  void touch() {
    touched = true;
  }

  /** The members as they stand after the operations folded so far. */
  List<Member> effectiveMembers() {
    if (replaceAll != null) {
      return List.copyOf(replaceAll.values());
    }
    return snapshot().applyTo(current());
  }

  private List<Member> current() {
    if (current == null) {
      List<Member> supplied = currentMembers.get();
      if (supplied == null) {
        throw new IllegalStateException("the current members supplier returned null");
      }
      current = List.copyOf(supplied);
    }
    return current;
  }

  /** The change, or {@code null} if no member operation was folded. */
  MembershipChange result() {
    return touched ? snapshot() : null;
  }

  private MembershipChange snapshot() {
    return new MembershipChange(
        replaceAll == null ? null : List.copyOf(replaceAll.values()), List.copyOf(add.values()), remove);
  }
}
