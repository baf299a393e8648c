package dev.scimkit.core.store;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import java.util.Collection;
import java.util.List;

/**
 * A {@link ResourceStore} for groups that keeps membership as deltas, apart from the group's
 * document, so that adding one member to a group of 100,000 costs the same as adding it to a group
 * of ten: a member-only PATCH never reads or rewrites the member list.
 *
 * <p>Each membership change increments the group's version and sets its {@code lastModified}.
 * Membership changes are atomic like the document's: concurrent {@link #addMembers} calls on one
 * group lose no member (the kit races eight threads adding 400 members). A member belongs to the
 * group's tenant: another tenant's call on the group is a 404, and its {@link #groupsOf} is
 * empty.
 *
 * <p>Every member names an existing resource of the tenant, of the type {@link Member#type()}
 * says. The engine checks that through the {@link ResourceStore#get} of the member's type, in the
 * same unit of work as the change, so a store that locks in {@code get} (see {@link
 * StoreProvider#transaction}) serialises the check with a concurrent delete of the member: a
 * member can never outlive its resource. A store that also enforces it itself (a foreign key)
 * refuses a member that does not exist with {@code 400 invalidValue}.
 */
public interface GroupStore extends ResourceStore {

  /**
   * Adds members, after the current ones in the order given; members already present (and
   * repeated ids) are left where they are.
   *
   * @throws ScimException 404 if there is no such group
   */
  void addMembers(String groupId, Collection<Member> members, RequestContext ctx);

  /**
   * Removes the members with these ids; ids that are not members are ignored.
   *
   * @throws ScimException 404 if there is no such group
   */
  void removeMembers(String groupId, Collection<String> memberIds, RequestContext ctx);

  /**
   * Makes {@code members} the group's whole member list.
   *
   * <p>The default removes the current members and adds the new ones, which the engine's unit of
   * work makes atomic; override it when the store can do it in fewer steps.
   *
   * @throws ScimException 404 if there is no such group
   */
  default void replaceMembers(String groupId, Collection<Member> members, RequestContext ctx) {
    List<String> current = members(groupId, ctx).stream().map(Member::value).toList();
    removeMembers(groupId, current, ctx);
    addMembers(groupId, members, ctx);
  }

  /**
   * The group's members, in the order they were added, each with its {@link Member#display()}
   * as it is now (a member renamed since it was added shows its new name), when the store can
   * find it with the list (the engine shows it as {@code members[].display};
   * a database store joins the members' rows, at no more than the cost of the list itself).
   *
   * @throws ScimException 404 if there is no such group
   */
  List<Member> members(String groupId, RequestContext ctx);

  /**
   * The groups that directly contain the resource with this id, each with its current {@code
   * displayName} (empty if none, or no such id). A deleted group is in no one's list.
   */
  List<GroupRef> groupsOf(String memberId, RequestContext ctx);

  /**
   * Removes the resource with this id from every group, incrementing the version of each group it
   * leaves. The engine calls it, in the same unit of work, before deleting the resource.
   */
  default void removeFromAllGroups(String memberId, RequestContext ctx) {
    for (GroupRef group : groupsOf(memberId, ctx)) {
      removeMembers(group.id(), List.of(memberId), ctx);
    }
  }
}
