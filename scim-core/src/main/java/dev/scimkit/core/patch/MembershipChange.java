package dev.scimkit.core.patch;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.store.Member;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The net effect of the member operations of one PATCH request on a group's members, ready to
 * hand to a {@link dev.scimkit.core.store.GroupStore} as deltas.
 *
 * <p>The operations are folded in the order they appear, so the change says what the request as
 * a whole does: adding {@code x} and then removing it removes {@code x}; removing {@code x} and
 * then adding it adds it; a {@code replace} followed by an {@code add} is a {@link #replaceAll}
 * that includes the added member.
 *
 * <p>The members after the change are {@link #applyTo(List) applyTo(current)}: start from {@link
 * #replaceAll} if it is not {@code null}, else from the current members; drop the ids in {@link
 * #remove}; append the members of {@link #add} whose id is not yet present. A store carries this
 * out as:
 *
 * <pre>{@code
 * if (change.replaceAll() != null) store.replaceMembers(groupId, change.replaceAll(), ctx);
 * if (!change.remove().isEmpty()) store.removeMembers(groupId, change.remove(), ctx);
 * if (!change.add().isEmpty()) store.addMembers(groupId, change.add(), ctx);
 * }</pre>
 *
 * <p>Changes made by {@link PatchApplier} are normalised: when {@code replaceAll} is not {@code
 * null}, it is the whole new member list and {@code add} and {@code remove} are empty; otherwise
 * no id is in both {@code add} and {@code remove}. Ids are unique within each collection.
 *
 * @param replaceAll the whole new member list, or {@code null} when the request does not replace
 *     the list
 * @param add members to add (members already present stay as they are), in request order
 * @param remove ids of members to remove (ids that are not members are ignored), in request order
 */
public record MembershipChange(List<Member> replaceAll, List<Member> add, Set<String> remove) {

  /** Creates a change; the collections are copied. */
  public MembershipChange {
    replaceAll = replaceAll == null ? null : List.copyOf(replaceAll);
    add = List.copyOf(requireNonNull(add, "add == null"));
    remove = Collections.unmodifiableSet(new LinkedHashSet<>(requireNonNull(remove, "remove == null")));
    for (String id : remove) {
      requireNonNull(id, "remove contains null");
    }
  }

  /** Whether the change leaves every group as it is (no replace, nothing to add or remove). */
  public boolean isEmpty() {
    return replaceAll == null && add.isEmpty() && remove.isEmpty();
  }

  /**
   * The members after this change, given the members before it: see the class documentation.
   * Useful to stores that keep the member list as a whole, and to tests.
   */
  public List<Member> applyTo(List<Member> current) {
    requireNonNull(current, "current == null");
    Map<String, Member> result = new LinkedHashMap<>();
    for (Member m : replaceAll != null ? replaceAll : current) {
      result.putIfAbsent(m.value(), m);
    }
    for (String id : remove) {
      result.remove(id);
    }
    for (Member m : add) {
      result.putIfAbsent(m.value(), m);
    }
    return List.copyOf(new ArrayList<>(result.values()));
  }
}
