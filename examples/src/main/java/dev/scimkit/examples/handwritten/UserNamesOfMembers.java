package dev.scimkit.examples.handwritten;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.store.GroupRef;
import dev.scimkit.core.store.GroupStore;
import dev.scimkit.core.store.Member;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.StoredResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A group store that lists its user members with their names ({@code members[].display}) taken
 * from the store that keeps the users: Scimkit's in-memory groups know the names only of users
 * they keep themselves. It reads each user member (a database store would join the list with the
 * users' rows instead); everything else goes to the group store as it is.
 */
final class UserNamesOfMembers implements GroupStore {
  private final GroupStore groups;
  private final ResourceStore users;

  UserNamesOfMembers(GroupStore groups, ResourceStore users) {
    this.groups = groups;
    this.users = users;
  }

  @Override
  public List<Member> members(String groupId, RequestContext ctx) {
    List<Member> out = new ArrayList<>();
    for (Member m : groups.members(groupId, ctx)) {
      Optional<StoredResource> user = "User".equals(m.type()) ? users.get(m.value(), ctx) : Optional.empty();
      out.add(user.map(u -> new Member(m.value(), m.type(), display(u))).orElse(m));
    }
    return out;
  }

  /** A user's displayName, else its userName. */
  private static String display(StoredResource user) {
    JsonNode name = user.document().path("displayName");
    if (!name.isValueNode()) {
      name = user.document().path("userName");
    }
    return name.isValueNode() ? name.asText() : null;
  }

  @Override
  public StoredResource create(StoredResource resource, RequestContext ctx) {
    return groups.create(resource, ctx);
  }

  @Override
  public Optional<StoredResource> get(String id, RequestContext ctx) {
    return groups.get(id, ctx);
  }

  @Override
  public StoredResource replace(StoredResource resource, long expectedVersion, RequestContext ctx) {
    return groups.replace(resource, expectedVersion, ctx);
  }

  @Override
  public void delete(String id, long expectedVersion, RequestContext ctx) {
    groups.delete(id, expectedVersion, ctx);
  }

  @Override
  public SearchResult search(SearchRequest request, RequestContext ctx) {
    return groups.search(request, ctx);
  }

  @Override
  public void addMembers(String groupId, Collection<Member> members, RequestContext ctx) {
    groups.addMembers(groupId, members, ctx);
  }

  @Override
  public void removeMembers(String groupId, Collection<String> memberIds, RequestContext ctx) {
    groups.removeMembers(groupId, memberIds, ctx);
  }

  @Override
  public void replaceMembers(String groupId, Collection<Member> members, RequestContext ctx) {
    groups.replaceMembers(groupId, members, ctx);
  }

  @Override
  public List<GroupRef> groupsOf(String memberId, RequestContext ctx) {
    return groups.groupsOf(memberId, ctx);
  }

  @Override
  public void removeFromAllGroups(String memberId, RequestContext ctx) {
    groups.removeFromAllGroups(memberId, ctx);
  }
}
