package dev.scimkit.store.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.search.ScimValues;
import dev.scimkit.core.store.GroupRef;
import dev.scimkit.core.store.GroupStore;
import dev.scimkit.core.store.Member;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resource type with members. Membership lives in {@code scim_member}, one row per member: a
 * change locks the group's row (bumping its version), then inserts or deletes exactly the rows
 * named, so its cost does not depend on the size of the group.
 */
public final class JdbcGroupStore extends JdbcResourceStore implements GroupStore {
  /** Rows per INSERT or DELETE statement, well under PostgreSQL's 32,767 bind parameters. */
  private static final int CHUNK = 500;

  private static final com.fasterxml.jackson.databind.ObjectMapper DOCUMENTS =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final HostTable users;

  public JdbcGroupStore(Database db, ResourceType type, Clock clock) {
    this(db, type, clock, null);
  }

  /**
   * A group store whose user members may live in the host's table {@code users} (null if they
   * are Scimkit's own): a user the host deleted from it is no member.
   */
  public JdbcGroupStore(Database db, ResourceType type, Clock clock, HostTable users) {
    super(db, type, clock, users);
    this.users = users;
  }

  @Override
  public void addMembers(String groupId, Collection<Member> members, RequestContext ctx) {
    List<Member> distinct = distinct(members);
    db.transaction("add members", c -> {
      lockGroup(c, groupId, ctx);
      int inserted = 0;
      for (int i = 0; i < distinct.size(); i += CHUNK) {
        inserted += insert(c, ctx, groupId, distinct.subList(i, Math.min(distinct.size(), i + CHUNK)), true);
      }
      if (inserted > 0) {
        bump(c, groupId, ctx);
      }
      return null;
    });
  }

  @Override
  public void removeMembers(String groupId, Collection<String> memberIds, RequestContext ctx) {
    List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(memberIds));
    db.transaction("remove members", c -> {
      lockGroup(c, groupId, ctx);
      int deleted = 0;
      for (int i = 0; i < ids.size(); i += CHUNK) {
        deleted += delete(c, ctx, groupId, ids.subList(i, Math.min(ids.size(), i + CHUNK)));
      }
      if (deleted > 0) {
        bump(c, groupId, ctx);
      }
      return null;
    });
  }

  @Override
  public void replaceMembers(String groupId, Collection<Member> members, RequestContext ctx) {
    List<Member> distinct = distinct(members);
    db.transaction("replace members", c -> {
      lockGroup(c, groupId, ctx);
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM scim_member WHERE tenant = ? AND group_type = ? AND group_id = ?")) {
        ps.setString(1, ctx.tenant());
        ps.setString(2, typeName);
        ps.setString(3, groupId);
        ps.executeUpdate();
      }
      for (int i = 0; i < distinct.size(); i += CHUNK) {
        insert(c, ctx, groupId, distinct.subList(i, Math.min(distinct.size(), i + CHUNK)), false);
      }
      bump(c, groupId, ctx);
      return null;
    });
  }

  /**
   * The members with their display names, in one query: each member row joined with its
   * resource's row ({@code display_name}; rows written before that column held users' names fall
   * back to their document) and, for users in the host's table, with their row there (whose
   * columns give the names, and without which the user is no member).
   */
  @Override
  public List<Member> members(String groupId, RequestContext ctx) {
    String displayName = "r.display_name";
    String join = "";
    String live = "";
    if (users != null) {
      String isUser = "m.member_type = '" + HostTable.USER_TYPE + "'";
      displayName = "CASE WHEN " + isUser + " THEN " + userDisplay() + " ELSE r.display_name END";
      join = " LEFT JOIN " + users.table() + " u ON " + isUser + " AND " + users.joins("u", "m.tenant", "m.member_id");
      live = " AND (NOT " + isUser + " OR " + users.id("u") + " IS NOT NULL)";
    }
    String sql = "SELECT m.member_id, m.member_type, " + displayName + ","
        + " CASE WHEN " + displayName + " IS NULL THEN r.document END"
        + " FROM scim_member m LEFT JOIN scim_resource r"
        + " ON r.tenant = m.tenant AND r.resource_type = m.member_type AND r.id = m.member_id" + join
        + " WHERE m.tenant = ? AND m.group_type = ? AND m.group_id = ?" + live + " ORDER BY m.seq";
    return db.transaction("read members", c -> {
      List<Member> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(1000);
        ps.setString(1, ctx.tenant());
        ps.setString(2, typeName);
        ps.setString(3, groupId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String display = rs.getString(3);
            if (display == null) {
              display = displayFromDocument(rs.getString(4));
            }
            out.add(new Member(rs.getString(1), rs.getString(2), display));
          }
        }
      }
      if (out.isEmpty()) {
        requireGroup(c, groupId, ctx);
      }
      return out;
    });
  }

  /**
   * A user's display name when the host's table {@code u} holds its names: its {@code
   * displayName}, else its {@code userName}, each from its column if it has one, else from what
   * the {@code scim_resource} row keeps ({@code display_name}, which holds the one of the two
   * that is not in a column).
   */
  private String userDisplay() {
    List<String> candidates = new ArrayList<>();
    HostTable.Column displayName = users.columnOf(attribute("displayName"));
    HostTable.Column userName = users.columnOf(attribute("userName"));
    if (displayName != null) {
      candidates.add(HostTable.sql("u", displayName));
    }
    candidates.add("r.display_name");
    if (userName != null) {
      candidates.add(HostTable.sql("u", userName));
    }
    return candidates.size() == 1 ? candidates.get(0) : "COALESCE(" + String.join(", ", candidates) + ")";
  }

  private static dev.scimkit.core.schema.ResolvedAttribute attribute(String name) {
    return dev.scimkit.core.schema.Schemas.userType().resolve(dev.scimkit.filter.AttributePath.of(name));
  }

  private static String displayFromDocument(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode doc = DOCUMENTS.readTree(json);
      return doc.isObject() ? TableLayout.display((com.fasterxml.jackson.databind.node.ObjectNode) doc) : null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  @Override
  public List<GroupRef> groupsOf(String memberId, RequestContext ctx) {
    @SuppressWarnings("unchecked")
    List<GroupRef> readAhead = (List<GroupRef>) db.takeFetchedAhead(readAheadKey(ctx.tenant(), memberId));
    if (readAhead != null) {
      return readAhead;
    }
    return db.transaction("read groups", c -> {
      List<GroupRef> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT m.group_id, r.display_name FROM scim_member m JOIN scim_resource r"
              + " ON r.tenant = m.tenant AND r.resource_type = m.group_type AND r.id = m.group_id"
              + " WHERE m.tenant = ? AND m.group_type = ? AND m.member_key = ? AND m.member_id = ?"
              + " ORDER BY r.seq")) {
        ps.setString(1, ctx.tenant());
        ps.setString(2, typeName);
        ps.setString(3, ScimValues.fold(memberId));
        ps.setString(4, memberId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new GroupRef(rs.getString(1), rs.getString(2)));
          }
        }
      }
      return out;
    });
  }

  /**
   * A scalar subquery for the select list of a query on {@code scim_resource r}: the groups of
   * this type that the row's resource is a direct member of, as {@link #groupsOf} lists them,
   * in one JSON text ({@link #readGroupsAhead}). It seeks the member side's index {@code
   * (tenant, member_type, member_id)} and takes no parameters.
   */
  String groupsOfColumn() {
    return "(SELECT " + dialect.jsonPairs("m.group_id", "g.display_name", "g.seq")
        + " FROM scim_member m JOIN scim_resource g"
        + " ON g.tenant = m.tenant AND g.resource_type = m.group_type AND g.id = m.group_id"
        + " WHERE m.tenant = r.tenant AND m.member_type = r.resource_type AND m.member_id = r.id"
        + " AND m.group_type = '" + typeName.replace("'", "''") + "')";
  }

  /**
   * Keeps the groups that {@link #groupsOfColumn()} read with {@code memberId} (its JSON text,
   * {@code null} for none) for the next {@link #groupsOf} of that member in the open reading
   * unit: the read of a user and of its groups is then one statement.
   */
  void readGroupsAhead(String tenant, String memberId, String json) {
    List<GroupRef> groups = new ArrayList<>();
    if (json != null) {
      try {
        for (JsonNode pair : DOCUMENTS.readTree(json)) {
          JsonNode display = pair.get(1);
          groups.add(new GroupRef(pair.get(0).asText(), display.isNull() ? null : display.asText()));
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return; // not kept: groupsOf reads them again
      }
    }
    db.keepFetchedAhead(readAheadKey(tenant, memberId), groups);
  }

  private String readAheadKey(String tenant, String memberId) {
    return "groups\u0000" + tenant + '\u0000' + typeName + '\u0000' + memberId;
  }

  @Override
  public void removeFromAllGroups(String memberId, RequestContext ctx) {
    long now = Instants.toNanos(now());
    db.transaction("remove a member from its groups", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE scim_resource SET version = version + 1, modified_ns = ?"
              + " WHERE tenant = ? AND resource_type = ? AND id IN (SELECT group_id FROM scim_member"
              + " WHERE tenant = ? AND group_type = ? AND member_key = ? AND member_id = ?)")) {
        ps.setLong(1, now);
        ps.setString(2, ctx.tenant());
        ps.setString(3, typeName);
        ps.setString(4, ctx.tenant());
        ps.setString(5, typeName);
        ps.setString(6, ScimValues.fold(memberId));
        ps.setString(7, memberId);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM scim_member WHERE tenant = ? AND group_type = ? AND member_key = ? AND member_id = ?")) {
        ps.setString(1, ctx.tenant());
        ps.setString(2, typeName);
        ps.setString(3, ScimValues.fold(memberId));
        ps.setString(4, memberId);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Locks the group's row for the rest of the transaction (unless the unit of work already
   * holds it, having read the group to change it); 404 if there is no such group.
   */
  private void lockGroup(Connection c, String groupId, RequestContext ctx) throws SQLException {
    if (db.holdsLock(typeName, groupId)) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT 1 FROM scim_resource WHERE tenant = ? AND resource_type = ? AND id = ?" + dialect.lockClause())) {
      ps.setString(1, ctx.tenant());
      ps.setString(2, typeName);
      ps.setString(3, groupId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw ScimException.notFound(typeName, groupId);
        }
      }
    }
    db.noteLocked(typeName, groupId);
  }

  /** Gives the (locked) group a new version and modification time. */
  private void bump(Connection c, String groupId, RequestContext ctx) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE scim_resource SET version = version + 1, modified_ns = ?"
            + " WHERE tenant = ? AND resource_type = ? AND id = ?")) {
      ps.setLong(1, Instants.toNanos(now()));
      ps.setString(2, ctx.tenant());
      ps.setString(3, typeName);
      ps.setString(4, groupId);
      ps.executeUpdate();
    }
  }

  private void requireGroup(Connection c, String groupId, RequestContext ctx) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT 1 FROM scim_resource WHERE tenant = ? AND resource_type = ? AND id = ?")) {
      ps.setString(1, ctx.tenant());
      ps.setString(2, typeName);
      ps.setString(3, groupId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw ScimException.notFound(typeName, groupId);
        }
      }
    }
  }

  /**
   * Inserts the members not yet in the group; returns how many were new. The caller holds the
   * group's lock, so no one else adds to this group meanwhile. PostgreSQL skips existing rows with
   * {@code ON CONFLICT DO NOTHING}; H2 looks them up by primary key first and inserts the rest,
   * because its {@code MERGE ... USING} may plan the match as a scan of the group's rows (a
   * replace of 20,000 members took a minute). {@code mayHave} is false when the group has no
   * members left (a replace, after its delete), so nothing needs looking up.
   */
  private int insert(Connection c, RequestContext ctx, String groupId, List<Member> members, boolean mayHave)
      throws SQLException {
    if (mayHave && dialect != Dialect.POSTGRESQL) {
      Set<String> present = present(c, ctx, groupId, members);
      if (!present.isEmpty()) {
        List<Member> missing = new ArrayList<>(members.size());
        for (Member m : members) {
          if (!present.contains(m.value())) {
            missing.add(m);
          }
        }
        members = missing;
      }
    }
    if (members.isEmpty()) {
      return 0;
    }
    StringBuilder sql = new StringBuilder(
        "INSERT INTO scim_member (tenant, group_type, group_id, member_id, member_key, member_type) VALUES ");
    for (int i = 0; i < members.size(); i++) {
      sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
    }
    if (dialect == Dialect.POSTGRESQL) {
      sql.append(" ON CONFLICT DO NOTHING");
    }
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      for (Member m : members) {
        ps.setString(i++, ctx.tenant());
        ps.setString(i++, typeName);
        ps.setString(i++, groupId);
        ps.setString(i++, m.value());
        ps.setString(i++, ScimValues.fold(m.value()));
        ps.setString(i++, m.type());
      }
      return ps.executeUpdate();
    }
  }

  /**
   * Which of {@code members} the group has already: a primary-key lookup each (embedded H2, no
   * round trip), since H2 may read {@code member_id IN (...)} as a scan of the group's rows.
   */
  private Set<String> present(Connection c, RequestContext ctx, String groupId, List<Member> members)
      throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT 1 FROM scim_member WHERE tenant = ? AND group_type = ? AND group_id = ? AND member_id = ?")) {
      ps.setString(1, ctx.tenant());
      ps.setString(2, typeName);
      ps.setString(3, groupId);
      for (Member m : members) {
        ps.setString(4, m.value());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            out.add(m.value());
          }
        }
      }
    }
    return out;
  }

  private int delete(Connection c, RequestContext ctx, String groupId, List<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    StringBuilder sql = new StringBuilder(
        "DELETE FROM scim_member WHERE tenant = ? AND group_type = ? AND group_id = ? AND member_id IN (");
    for (int i = 0; i < ids.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    sql.append(')');
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      ps.setString(1, ctx.tenant());
      ps.setString(2, typeName);
      ps.setString(3, groupId);
      int i = 4;
      for (String id : ids) {
        ps.setString(i++, id);
      }
      return ps.executeUpdate();
    }
  }

  /** The members in order, each id once (the first occurrence wins, as in the in-memory store). */
  private static List<Member> distinct(Collection<Member> members) {
    Map<String, Member> byId = new LinkedHashMap<>();
    for (Member m : members) {
      byId.putIfAbsent(m.value(), m);
    }
    return new ArrayList<>(byId.values());
  }
}
