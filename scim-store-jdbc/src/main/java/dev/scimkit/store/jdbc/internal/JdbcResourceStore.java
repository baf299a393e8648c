package dev.scimkit.store.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.CommonAttributes;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.search.CompiledFilter;
import dev.scimkit.core.search.FilterEvaluator;
import dev.scimkit.core.search.Sorting;
import dev.scimkit.core.store.Keyset;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.SortOrder;
import dev.scimkit.core.store.StoredResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One resource type in {@code scim_resource}. Uniqueness is the database's (unique indexes on
 * the folded key columns and {@code scim_unique_value}); versions are checked by the {@code
 * UPDATE}'s own {@code WHERE version = ?}; every change is one transaction.
 */
public class JdbcResourceStore implements ResourceStore {
  static final String COLUMNS = "r.id, r.version, r.created_ns, r.modified_ns";

  final Database db;
  final Dialect dialect;
  final TableLayout layout;
  final ResourceType type;
  final String typeName;
  final Clock clock;
  final DocumentCodec codec;
  private final FilterEvaluator evaluator;
  private volatile JdbcGroupStore groupsAhead;

  public JdbcResourceStore(Database db, ResourceType type, Clock clock) {
    this(db, type, clock, null);
  }

  /**
   * A store whose rows may refer to a host's users table: the users themselves when {@code type}
   * is the type it holds, a group's user members otherwise.
   */
  JdbcResourceStore(Database db, ResourceType type, Clock clock, HostTable users) {
    this.db = db;
    this.dialect = db.dialect();
    this.type = type;
    this.typeName = type.name();
    this.layout = new TableLayout(type, users);
    this.clock = clock;
    this.codec = new DocumentCodec(type, dialect);
    this.evaluator = FilterEvaluator.forType(type);
  }

  // ---- CRUD ----------------------------------------------------------------------------------

  /**
   * What a document becomes in its {@code scim_resource} row.
   *
   * @param stored the JSON kept in the {@code document} column
   * @param keys the key columns, worked out from the whole document
   */
  record Prepared(ObjectNode stored, TableLayout.Keys keys) {}

  @Override
  public StoredResource create(StoredResource resource, RequestContext ctx) {
    return create(resource, new Prepared(resource.document(), layout.keys(resource.document())), ctx);
  }

  /** Inserts the resource's row, holding {@code row}; returns the resource with its version. */
  StoredResource create(StoredResource resource, Prepared row, RequestContext ctx) {
    ObjectNode doc = resource.document();
    TableLayout.Keys keys = row.keys();
    String json = codec.write(row.stored());
    long created = Instants.toNanos(resource.created());
    long modified = Instants.toNanos(resource.lastModified());
    try {
      db.transaction("create the resource", c -> {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO scim_resource (tenant, resource_type, id, version, created_ns, modified_ns,"
                + " user_name_key, display_name, display_name_key, external_id_key, irregular, document"
                + (dialect.hasSearchTerms() ? ", search_terms" : "")
                + ") VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, " + dialect.documentParameter()
                + (dialect.hasSearchTerms() ? ", ?" : "") + ")")) {
          ps.setString(1, ctx.tenant());
          ps.setString(2, typeName);
          ps.setString(3, resource.id());
          ps.setLong(4, created);
          ps.setLong(5, modified);
          setKeys(ps, 6, keys);
          ps.setString(11, json);
          if (dialect.hasSearchTerms()) {
            ps.setArray(12, c.createArrayOf("text", SearchTerms.of(row.stored())));
          }
          ps.executeUpdate();
        }
        insertUniqueValues(c, ctx, resource.id(), keys);
        if (termTable()) {
          SearchTerms.insertRows(c, ctx.tenant(), typeName, resource.id(), SearchTerms.of(doc));
        }
        return null;
      });
    } catch (Database.UniqueViolation e) {
      throw conflict(resource.id(), keys, ctx, false, e);
    }
    return new StoredResource(resource.id(), 1, resource.created(), resource.lastModified(), doc);
  }

  /**
   * Has {@link #get} and pages whose filter and order SQL decides, in a reading unit, read each
   * resource's groups in {@code groups} with it, for a type whose resources list their groups
   * (users): a request that reads a user and renders its {@code groups} then makes one round
   * trip to the database for both, and a page of users one for all their groups.
   */
  public void readGroupsAheadFrom(JdbcGroupStore groups) {
    if (type.resolve(null, "groups", null) != null) {
      this.groupsAhead = groups;
    }
  }

  @Override
  public Optional<StoredResource> get(String id, RequestContext ctx) {
    boolean lock = db.inWriteUnit();
    JdbcGroupStore groups = db.inReadUnit() ? groupsAhead : null;
    Optional<StoredResource> found = db.transaction("read the resource", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + rowColumns() + (groups == null ? "" : ", " + groups.groupsOfColumn())
              + " FROM scim_resource r WHERE r.tenant = ? AND r.resource_type = ? AND r.id = ?"
              + (lock ? dialect.lockClause() : ""))) {
        ps.setString(1, ctx.tenant());
        ps.setString(2, typeName);
        ps.setString(3, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<StoredResource>empty();
          }
          StoredResource r = row(rs);
          if (groups != null) {
            groups.readGroupsAhead(ctx.tenant(), id, rs.getString(rowWidth() + 1));
          }
          return Optional.of(r);
        }
      }
    });
    if (lock && found.isPresent()) {
      db.noteLocked(typeName, id);
    }
    return found;
  }

  @Override
  public StoredResource replace(StoredResource resource, long expectedVersion, RequestContext ctx) {
    return replace(resource, new Prepared(resource.document(), layout.keys(resource.document())), expectedVersion, ctx);
  }

  /** Updates the resource's row to hold {@code row}; returns the resource with its new version. */
  StoredResource replace(StoredResource resource, Prepared row, long expectedVersion, RequestContext ctx) {
    ObjectNode doc = resource.document();
    TableLayout.Keys keys = row.keys();
    String json = codec.write(row.stored());
    long modified = Instants.toNanos(resource.lastModified());
    String id = resource.id();
    try {
      return db.transaction("replace the resource", c -> {
        String sql =
            "UPDATE scim_resource SET version = version + 1, modified_ns = ?, user_name_key = ?,"
                + " display_name = ?, display_name_key = ?, external_id_key = ?, irregular = ?,"
                + " document = " + dialect.documentParameter()
                + (dialect.hasSearchTerms() ? ", search_terms = ?" : "")
                + " WHERE tenant = ? AND resource_type = ? AND id = ?"
                + (expectedVersion == ANY_VERSION ? "" : " AND version = ?");
        int updated;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          int i = 1;
          ps.setLong(i++, modified);
          setKeys(ps, i, keys);
          i += 5;
          ps.setString(i++, json);
          if (dialect.hasSearchTerms()) {
            ps.setArray(i++, c.createArrayOf("text", SearchTerms.of(row.stored())));
          }
          ps.setString(i++, ctx.tenant());
          ps.setString(i++, typeName);
          ps.setString(i++, id);
          if (expectedVersion != ANY_VERSION) {
            ps.setLong(i, expectedVersion);
          }
          updated = ps.executeUpdate();
        }
        if (updated == 0) {
          throw missingOrChanged(c, id, ctx);
        }
        if (hasUniqueValues()) {
          deleteUniqueValues(c, ctx, id);
          insertUniqueValues(c, ctx, id, keys);
        }
        if (termTable()) {
          SearchTerms.deleteRows(c, ctx.tenant(), typeName, id);
          SearchTerms.insertRows(c, ctx.tenant(), typeName, id, SearchTerms.of(doc));
        }
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT version, created_ns FROM scim_resource WHERE tenant = ? AND resource_type = ? AND id = ?")) {
          ps.setString(1, ctx.tenant());
          ps.setString(2, typeName);
          ps.setString(3, id);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new StoredResource(id, rs.getLong(1), Instants.fromNanos(rs.getLong(2)), resource.lastModified(), doc);
          }
        }
      });
    } catch (Database.UniqueViolation e) {
      throw conflict(id, keys, ctx, true, e);
    }
  }

  /**
   * Deletes the resource and every membership it has, as a member and as a group: it locks the
   * resource's row first, so that a concurrent change that is adding it to a group (which reads
   * and locks it) either finishes before and is cleaned up here, or waits and then finds it gone.
   */
  @Override
  public void delete(String id, long expectedVersion, RequestContext ctx) {
    long now = Instants.toNanos(clock.instant());
    db.transaction("delete the resource", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT version FROM scim_resource WHERE tenant = ? AND resource_type = ? AND id = ?"
              + dialect.lockClause())) {
        ps.setString(1, ctx.tenant());
        ps.setString(2, typeName);
        ps.setString(3, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw ScimException.notFound(typeName, id);
          }
          if (expectedVersion != ANY_VERSION && rs.getLong(1) != expectedVersion) {
            throw ScimException.preconditionFailed(
                typeName + " " + id + " has changed (version " + rs.getLong(1) + ")");
          }
        }
      }
      leaveAllGroups(c, ctx, id, now);
      if (layout.hasMembers()) {
        try (PreparedStatement ps = c.prepareStatement(
            "DELETE FROM scim_member WHERE tenant = ? AND group_type = ? AND group_id = ?")) {
          ps.setString(1, ctx.tenant());
          ps.setString(2, typeName);
          ps.setString(3, id);
          ps.executeUpdate();
        }
      }
      if (hasUniqueValues()) {
        deleteUniqueValues(c, ctx, id);
      }
      if (termTable()) {
        SearchTerms.deleteRows(c, ctx.tenant(), typeName, id);
      }
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM scim_resource WHERE tenant = ? AND resource_type = ? AND id = ?")) {
        ps.setString(1, ctx.tenant());
        ps.setString(2, typeName);
        ps.setString(3, id);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Removes this resource from every group it is a member of, giving each group a new version;
   * the groups are locked in the order of their ids, the same order in every transaction.
   */
  void leaveAllGroups(Connection c, RequestContext ctx, String id, long now) throws SQLException {
    java.util.SortedSet<String> groups = new java.util.TreeSet<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT group_type, group_id FROM scim_member WHERE tenant = ? AND member_type = ? AND member_id = ?")) {
      ps.setString(1, ctx.tenant());
      ps.setString(2, typeName);
      ps.setString(3, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          groups.add(rs.getString(1) + '\u0000' + rs.getString(2));
        }
      }
    }
    if (groups.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE scim_resource SET version = version + 1, modified_ns = ?"
            + " WHERE tenant = ? AND resource_type = ? AND id = ?")) {
      for (String group : groups) {
        int split = group.indexOf('\u0000');
        ps.setLong(1, now);
        ps.setString(2, ctx.tenant());
        ps.setString(3, group.substring(0, split));
        ps.setString(4, group.substring(split + 1));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM scim_member WHERE tenant = ? AND member_type = ? AND member_id = ?")) {
      ps.setString(1, ctx.tenant());
      ps.setString(2, typeName);
      ps.setString(3, id);
      ps.executeUpdate();
    }
  }

  /** 404 when the resource is gone, else 412 naming its current version. */
  ScimException missingOrChanged(Connection c, String id, RequestContext ctx) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT version FROM scim_resource WHERE tenant = ? AND resource_type = ? AND id = ?")) {
      ps.setString(1, ctx.tenant());
      ps.setString(2, typeName);
      ps.setString(3, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return ScimException.notFound(typeName, id);
        }
        return ScimException.preconditionFailed(
            typeName + " " + id + " has changed (version " + rs.getLong(1) + ")");
      }
    }
  }

  private static void setKeys(PreparedStatement ps, int first, TableLayout.Keys keys) throws SQLException {
    ps.setString(first, keys.userName());
    ps.setString(first + 1, keys.displayName());
    ps.setString(first + 2, keys.displayNameKey());
    ps.setString(first + 3, keys.externalId());
    ps.setBoolean(first + 4, keys.irregular());
  }

  private boolean hasUniqueValues() {
    for (TableLayout.UniqueAttribute a : layout.uniqueAttributes()) {
      if (a.column() == null) {
        return true;
      }
    }
    return false;
  }

  private void insertUniqueValues(Connection c, RequestContext ctx, String id, TableLayout.Keys keys)
      throws SQLException {
    if (keys.others().isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO scim_unique_value (tenant, resource_type, attribute, value_key, id) VALUES (?, ?, ?, ?, ?)")) {
      for (String[] kv : keys.others()) {
        ps.setString(1, ctx.tenant());
        ps.setString(2, typeName);
        ps.setString(3, kv[0]);
        ps.setString(4, kv[1]);
        ps.setString(5, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void deleteUniqueValues(Connection c, RequestContext ctx, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM scim_unique_value WHERE tenant = ? AND resource_type = ? AND id = ?")) {
      ps.setString(1, ctx.tenant());
      ps.setString(2, typeName);
      ps.setString(3, id);
      ps.executeUpdate();
    }
  }

  /**
   * Works out, after a unique violation, which value was taken, for a 409 detail that names the
   * attribute and never quotes the database.
   */
  private ScimException conflict(
      String id, TableLayout.Keys keys, RequestContext ctx, boolean replacing, Throwable cause) {
    String detail;
    try {
      detail = db.transaction("check uniqueness", c -> {
        if (!replacing && exists(c, ctx, "id = ?", id, null)) {
          return typeName + " id " + id + " already exists";
        }
        String self = replacing ? id : null;
        if (keys.userName() != null && exists(c, ctx, TableLayout.USER_NAME_KEY + " = ?", keys.userName(), self)) {
          return takenMessage(TableLayout.USER_NAME_KEY);
        }
        if (keys.displayNameKey() != null
            && exists(c, ctx, TableLayout.DISPLAY_NAME_KEY + " = ?", keys.displayNameKey(), self)) {
          return takenMessage(TableLayout.DISPLAY_NAME_KEY);
        }
        for (String[] kv : keys.others()) {
          try (PreparedStatement ps = c.prepareStatement(
              "SELECT id FROM scim_unique_value WHERE tenant = ? AND resource_type = ? AND attribute = ? AND value_key = ?")) {
            ps.setString(1, ctx.tenant());
            ps.setString(2, typeName);
            ps.setString(3, kv[0]);
            ps.setString(4, kv[1]);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next() && !rs.getString(1).equals(self)) {
                return typeName + " with this " + kv[0] + " already exists";
              }
            }
          }
        }
        return typeName + " with these unique values already exists";
      });
    } catch (ScimException e) {
      detail = typeName + " with these unique values already exists";
    }
    return new ScimException(409, ScimType.UNIQUENESS, detail, cause);
  }

  private String takenMessage(String column) {
    ResolvedAttribute a = layout.keyedAttribute(column);
    return typeName + " with this " + (a == null ? "value" : a.attribute().name()) + " already exists";
  }

  /** Whether a row of this type and tenant meets {@code condition} (one parameter), other than {@code notId}. */
  boolean exists(Connection c, RequestContext ctx, String condition, String value, String notId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT 1 FROM scim_resource WHERE tenant = ? AND resource_type = ? AND " + condition
            + (notId == null ? "" : " AND id <> ?"))) {
      ps.setString(1, ctx.tenant());
      ps.setString(2, typeName);
      ps.setString(3, value);
      if (notId != null) {
        ps.setString(4, notId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * A resource from {@link #rowColumns()}: {@code id, version, created_ns, modified_ns} at
   * columns 1 to 4, the document at 5, the {@link #extraColumns()} from 6.
   */
  StoredResource row(ResultSet rs) throws SQLException {
    return new StoredResource(
        rs.getString(1),
        rs.getLong(2),
        Instants.fromNanos(rs.getLong(3)),
        Instants.fromNanos(rs.getLong(4)),
        document(rs.getString(5), rs, 6));
  }

  /** The document of a row whose stored JSON is {@code json} and whose extra columns start at {@code first}. */
  ObjectNode document(String json, ResultSet rs, int first) throws SQLException {
    return codec.read(json);
  }

  /** What searches read from besides {@code scim_resource r}: the tables a row is made of. */
  String from() {
    return "scim_resource r";
  }

  /** Columns a row is read with after its document, from the tables of {@link #from()}. */
  List<String> extraColumns() {
    return List.of();
  }

  /** The select list of a whole row, as {@link #row} reads it. */
  final String rowColumns() {
    StringBuilder b = new StringBuilder(COLUMNS + ", r.document");
    for (String extra : extraColumns()) {
      b.append(", ").append(extra);
    }
    return b.toString();
  }

  /** How many columns {@link #rowColumns()} selects. */
  final int rowWidth() {
    return 5 + extraColumns().size();
  }

  // ---- search --------------------------------------------------------------------------------

  @Override
  public SearchResult search(SearchRequest request, RequestContext ctx) {
    CompiledFilter compiled = request.filter() == null ? null : evaluator.compile(request.filter());
    beforeSearch(request, ctx);
    return db.transaction("search", c -> {
      boolean irregular = hasIrregularRows(c, ctx);
      Cond cond = Cond.TRUE;
      if (request.filter() != null) {
        cond = new FilterTranslator(layout, dialect, irregular).translate(request.filter());
        if (cond == null) {
          return new SearchResult(List.of(), 0); // names an unknown attribute: matches nothing
        }
      }
      if (cond.possible().isFalse()) {
        return new SearchResult(List.of(), 0);
      }
      if (!cond.isExact() && dialect.hasSearchTerms()) {
        // A necessary condition the GIN index of search terms can answer, beside the rest.
        Sql terms = FilterTranslator.necessaryTerms(layout, request.filter());
        cond = new Cond(cond.sure(), Cond.join(List.of(terms, cond.possible()), true));
      } else if (!cond.isExact() && termTable()) {
        Sql ids = idsWithTerms(c, ctx, FilterTranslator.necessaryTermSet(layout, request.filter()));
        if (ids != null) {
          cond = new Cond(cond.sure(), Cond.join(List.of(ids, cond.possible()), true));
          if (cond.possible().isFalse()) {
            return new SearchResult(List.of(), 0);
          }
        }
      }
      if (request.keyset() != null) {
        return keysetPage(c, ctx, cond, request, compiled);
      }
      String orderBy = orderBy(c, ctx, request, irregular);
      if (orderBy != null && cond.isExact()) {
        return exactPage(c, ctx, cond.sure(), orderBy, request);
      }
      if (orderBy != null) {
        return checkedInOrder(c, ctx, cond, orderBy, request, compiled);
      }
      return sortedInJava(c, ctx, cond, request, compiled);
    });
  }

  /** Keyset paging on the {@code seq} column, the default order, whose index it seeks. */
  @Override
  public boolean keysetPaging() {
    return true;
  }

  /**
   * A page of keyset paging: {@code seq > ? ORDER BY seq LIMIT ?} (or {@code seq < ?}, descending,
   * for the page before), a seek on the index {@code (tenant, resource_type, seq)} that reads only
   * the page, however far into the walk it is. A filter SQL cannot decide is finished in Java, row
   * by row, until the page is full. The position handed out is the {@code seq}.
   */
  private SearchResult keysetPage(
      Connection c, RequestContext ctx, Cond cond, SearchRequest request, CompiledFilter compiled)
      throws SQLException {
    Keyset keyset = request.keyset();
    if (request.count() == 0) {
      return SearchResult.keysetPage(List.of(), List.of());
    }
    boolean after = keyset.direction() == Keyset.Direction.AFTER;
    boolean exact = cond.isExact();
    Sql sql = Sql.of("SELECT " + rowColumns() + ", ").append(exact ? Sql.TRUE : cond.sure())
        .append(", r.seq FROM " + from() + " WHERE ").append(where(ctx, exact ? cond.sure() : cond.possible()));
    if (keyset.position() != null) {
      sql.append(after ? " AND r.seq > " : " AND r.seq < ").param(keyset.sequence());
    }
    sql.append(" ORDER BY r.seq" + (after ? "" : " DESC"));
    if (exact) {
      sql.append(" LIMIT ").param(request.count());
    }
    List<StoredResource> page = new ArrayList<>();
    List<String> positions = new ArrayList<>();
    Function<String, JsonNode> noMembers = name -> null;
    try (PreparedStatement ps = c.prepareStatement(sql.text())) {
      ps.setFetchSize(exact ? request.count() : 500);
      sql.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (page.size() < request.count() && rs.next()) {
          StoredResource resource = row(rs);
          if (rs.getBoolean(rowWidth() + 1)
              || compiled.matches(resource, layout.hasMembers() ? membersJson(c, ctx, resource.id()) : noMembers)) {
            page.add(resource);
            positions.add(Long.toString(rs.getLong(rowWidth() + 2)));
          }
        }
      }
    }
    if (!after) {
      Collections.reverse(page);
      Collections.reverse(positions);
    }
    return SearchResult.keysetPage(page, positions);
  }

  /** Called with every search whose filter is valid, before it runs. */
  void beforeSearch(SearchRequest request, RequestContext ctx) {
    // nothing to prepare in Scimkit's own tables
  }

  /**
   * Whether this store keeps H2's table of search terms for its rows and narrows filters with it.
   * A store whose rows get written by other paths too (a host's table, adopted on read) turns it
   * off, since a row without its terms would be missed.
   */
  boolean termTable() {
    return dialect.hasTermTable();
  }

  /** The most ids {@link #idsWithTerms} hands on; past it the terms narrow too little to help. */
  private static final int MAX_TERM_IDS = 1_000;

  /**
   * H2: the condition that a row's id is one of those having one of {@code terms} (looked up
   * first, by the term index), {@link Sql#FALSE} when none has; {@code null} when no terms are
   * known or they name more than {@value #MAX_TERM_IDS} resources. H2 plans {@code id IN (...)}
   * over a list far better than over a subquery, which it reads row by row.
   */
  private Sql idsWithTerms(Connection c, RequestContext ctx, Set<String> terms) throws SQLException {
    if (terms == null || terms.isEmpty()) {
      return null;
    }
    Sql lookup = Sql.of("SELECT DISTINCT t.id FROM scim_search_term t WHERE t.tenant = ").param(ctx.tenant())
        .append(" AND t.resource_type = ").param(typeName).append(" AND t.term IN (");
    boolean first = true;
    for (String term : terms) {
      lookup.append(first ? "" : ", ").param(term);
      first = false;
    }
    lookup.append(") LIMIT ").param(MAX_TERM_IDS + 1);
    List<String> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(lookup.text())) {
      lookup.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    if (ids.isEmpty()) {
      return Sql.FALSE;
    }
    if (ids.size() > MAX_TERM_IDS) {
      return null;
    }
    Sql in = Sql.of("r.id IN (");
    for (int i = 0; i < ids.size(); i++) {
      in.append(i == 0 ? "" : ", ").param(ids.get(i));
    }
    return in.append(")");
  }

  private boolean hasIrregularRows(Connection c, RequestContext ctx) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT 1 FROM scim_resource WHERE tenant = ? AND resource_type = ? AND irregular LIMIT 1")) {
      ps.setString(1, ctx.tenant());
      ps.setString(2, typeName);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private Sql where(RequestContext ctx, Sql condition) {
    Sql s = Sql.of("r.tenant = ").param(ctx.tenant()).append(" AND r.resource_type = ").param(typeName);
    return condition.isTrue() ? s : s.append(" AND ").append(condition);
  }

  /** Filter and order are exact in SQL: count and page there. */
  private SearchResult exactPage(
      Connection c, RequestContext ctx, Sql condition, String orderBy, SearchRequest request) throws SQLException {
    if (request.count() == 0) {
      return new SearchResult(List.of(), (int) Math.min(count(c, ctx, condition), Integer.MAX_VALUE));
    }
    JdbcGroupStore groups = db.inReadUnit() ? groupsAhead : null;
    Sql sql = groups == null
        ? Sql.of("SELECT " + rowColumns() + ", COUNT(*) OVER () FROM " + from() + " WHERE ")
        : Sql.of(pageWithGroups(groups));
    sql.append(where(ctx, condition))
        .append(" ORDER BY " + orderBy + " LIMIT ").param(request.count())
        .append(" OFFSET ").param((long) request.startIndex() - 1);
    if (groups != null) {
      sql.append(") r ORDER BY " + orderBy);
    }
    List<StoredResource> page = new ArrayList<>();
    long total = -1;
    try (PreparedStatement ps = c.prepareStatement(sql.text())) {
      sql.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          StoredResource r = row(rs);
          page.add(r);
          total = rs.getLong(rowWidth() + 1);
          if (groups != null) {
            groups.readGroupsAhead(ctx.tenant(), r.id(), rs.getString(rowWidth() + 2));
          }
        }
      }
    }
    if (total < 0) {
      total = count(c, ctx, condition);
    }
    return new SearchResult(page, (int) Math.min(total, Integer.MAX_VALUE));
  }

  /**
   * The start of a page query whose rows carry their groups, up to its WHERE: the page is cut in
   * a subquery (as {@code r}, with the same columns, so the ORDER BY applies again outside) and
   * the groups are read above it, for the page's rows only. With the groups under the LIMIT, the
   * rows an OFFSET skips read theirs too, and PostgreSQL, which cannot cost a generic plan's
   * {@code LIMIT ? OFFSET ?} low enough, planned the statement again on every execution.
   */
  private String pageWithGroups(JdbcGroupStore groups) {
    StringBuilder inner = new StringBuilder("r.*");
    StringBuilder outer = new StringBuilder(COLUMNS + ", r.document");
    List<String> extras = extraColumns();
    for (int i = 0; i < extras.size(); i++) {
      inner.append(", ").append(extras.get(i)).append(" AS x").append(i + 1);
      outer.append(", r.x").append(i + 1);
    }
    return "SELECT " + outer + ", r.total_matches, " + groups.groupsOfColumn()
        + " FROM (SELECT " + inner + ", COUNT(*) OVER () AS total_matches FROM " + from() + " WHERE ";
  }

  private long count(Connection c, RequestContext ctx, Sql condition) throws SQLException {
    Sql sql = Sql.of("SELECT COUNT(*) FROM " + from() + " WHERE ").append(where(ctx, condition));
    try (PreparedStatement ps = c.prepareStatement(sql.text())) {
      sql.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Order in SQL, filter partly in Java: walk the candidates in order, reading the document only
   * of those SQL could not decide, and keep the page.
   */
  private SearchResult checkedInOrder(
      Connection c, RequestContext ctx, Cond cond, String orderBy, SearchRequest request, CompiledFilter compiled)
      throws SQLException {
    // The extra columns are carried through the subquery as x1, x2, ...
    StringBuilder inner = new StringBuilder();
    StringBuilder outer = new StringBuilder();
    List<String> extras = extraColumns();
    for (int i = 0; i < extras.size(); i++) {
      inner.append(extras.get(i)).append(" AS x").append(i + 1).append(", ");
      outer.append(", r.x").append(i + 1);
    }
    Sql sql = Sql.of("SELECT r.id, r.version, r.created_ns, r.modified_ns,"
            + " CASE WHEN r.sure THEN NULL ELSE r.document END" + outer + ", r.sure FROM (SELECT r.*, " + inner)
        .append(cond.sure()).append(" AS sure FROM " + from() + " WHERE ")
        .append(where(ctx, cond.possible()))
        .append(") r ORDER BY " + orderBy);
    long from = request.startIndex() - 1L;
    long to = from + request.count();
    long matched = 0;
    List<Object[]> page = new ArrayList<>(); // {StoredResource or id-with-meta, needsDocument}
    Function<String, JsonNode> noMembers = name -> null;
    try (PreparedStatement ps = c.prepareStatement(sql.text())) {
      ps.setFetchSize(500);
      sql.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          boolean sure = rs.getBoolean(rowWidth() + 1);
          StoredResource resource = null;
          if (!sure) {
            resource = row(rs);
            if (!compiled.matches(resource, layout.hasMembers() ? membersJson(c, ctx, resource.id()) : noMembers)) {
              continue;
            }
          }
          if (matched >= from && matched < to) {
            page.add(new Object[] {rs.getString(1), resource});
          }
          matched++;
        }
      }
    }
    return new SearchResult(completePage(c, ctx, page), (int) Math.min(matched, Integer.MAX_VALUE));
  }

  /** Reads the documents of the page's rows that the ordered walk did not need to read. */
  private List<StoredResource> completePage(Connection c, RequestContext ctx, List<Object[]> page)
      throws SQLException {
    List<String> missing = new ArrayList<>();
    for (Object[] entry : page) {
      if (entry[1] == null) {
        missing.add((String) entry[0]);
      }
    }
    Map<String, StoredResource> read = new HashMap<>();
    for (int i = 0; i < missing.size(); i += 500) {
      List<String> chunk = missing.subList(i, Math.min(missing.size(), i + 500));
      Sql sql = Sql.of("SELECT " + rowColumns() + " FROM " + from() + " WHERE r.tenant = ")
          .param(ctx.tenant()).append(" AND r.resource_type = ").param(typeName).append(" AND r.id IN (");
      for (int j = 0; j < chunk.size(); j++) {
        sql.append(j == 0 ? "" : ", ").param(chunk.get(j));
      }
      sql.append(")");
      try (PreparedStatement ps = c.prepareStatement(sql.text())) {
        sql.bind(ps, 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            StoredResource r = row(rs);
            read.put(r.id(), r);
          }
        }
      }
    }
    List<StoredResource> out = new ArrayList<>(page.size());
    for (Object[] entry : page) {
      StoredResource r = entry[1] != null ? (StoredResource) entry[1] : read.get((String) entry[0]);
      if (r != null) { // deleted between the two reads
        out.add(r);
      }
    }
    return out;
  }

  /** Neither filter nor order fully in SQL: read the candidates and finish in Java. */
  private SearchResult sortedInJava(
      Connection c, RequestContext ctx, Cond cond, SearchRequest request, CompiledFilter compiled)
      throws SQLException {
    Sql sql = Sql.of("SELECT " + rowColumns() + ", ").append(cond.sure())
        .append(" FROM " + from() + " WHERE ").append(where(ctx, cond.possible())).append(" ORDER BY r.seq");
    List<StoredResource> matches = new ArrayList<>();
    Function<String, JsonNode> noMembers = name -> null;
    try (PreparedStatement ps = c.prepareStatement(sql.text())) {
      ps.setFetchSize(500);
      sql.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          StoredResource resource = row(rs);
          if (rs.getBoolean(rowWidth() + 1)
              || compiled.matches(resource, layout.hasMembers() ? membersJson(c, ctx, resource.id()) : noMembers)) {
            matches.add(resource);
          }
        }
      }
    }
    List<StoredResource> sorted =
        request.sortBy() == null ? matches : Sorting.sort(matches, request.sortBy(), request.sortOrder());
    int from = (int) Math.min(request.startIndex() - 1L, (long) sorted.size());
    int to = (int) Math.min((long) from + request.count(), sorted.size());
    return new SearchResult(sorted.subList(from, to), sorted.size());
  }

  /** The group's members as the evaluator reads them, loaded only if the filter asks. */
  private Function<String, JsonNode> membersJson(Connection c, RequestContext ctx, String groupId) {
    return name -> {
      if (!name.equals("members")) {
        return null;
      }
      ArrayNode array = DocumentCodec.mapper().createArrayNode();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT m.member_id, m.member_type FROM scim_member m WHERE m.tenant = ? AND m.group_type = ?"
              + " AND m.group_id = ?" + layout.liveMember("m") + " ORDER BY m.seq")) {
        ps.setString(1, ctx.tenant());
        ps.setString(2, typeName);
        ps.setString(3, groupId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ObjectNode m = array.addObject().put("value", rs.getString(1));
            if (rs.getString(2) != null) {
              m.put("type", rs.getString(2));
            }
          }
        }
      } catch (SQLException e) {
        throw SqlErrors.map(e, "read the group's members");
      }
      return array;
    };
  }

  /**
   * The ORDER BY of the request, or null when SQL cannot order exactly as {@link Sorting} does
   * (then the matches are sorted in Java).
   */
  private String orderBy(Connection c, RequestContext ctx, SearchRequest request, boolean irregular)
      throws SQLException {
    ResolvedAttribute s = request.sortBy();
    if (s == null) {
      return "r.seq";
    }
    String dir = request.sortOrder() == SortOrder.DESCENDING ? " DESC" : "";
    String id = dialect.ordered("r.id") + dir;
    String keyColumn = null;
    String primary = null;
    if (s.schema().equals(CommonAttributes.URN) && s.attribute() == CommonAttributes.ID) {
      primary = null;
    } else if (s.schema().equals(CommonAttributes.URN) && s.attribute() == CommonAttributes.META) {
      String sub = s.subAttribute() == null ? "" : s.subAttribute().name();
      primary = switch (sub) {
        case "created" -> "r.created_ns" + dir;
        case "lastModified" -> "r.modified_ns" + dir;
        case "version" -> dialect.ordered("CONCAT('W/\"', CAST(r.version AS VARCHAR), '\"')") + dir;
        default -> null; // no value: ties, broken by id
      };
    } else {
      keyColumn = layout.keyColumn(s);
      if (keyColumn == null || irregular) {
        return null;
      }
      String k = "r." + keyColumn;
      // Missing values (absent, null, "") sort last and tie among themselves, broken by id.
      primary = "CASE WHEN " + k + " IS NULL OR " + k + " = '' THEN 1 ELSE 0 END" + dir + ", "
          + dialect.ordered("NULLIF(" + k + ", '')") + dir;
    }
    if (dialect == Dialect.POSTGRESQL && mixesHighPlanes(c, ctx, keyColumn)) {
      return null;
    }
    return primary == null ? id : primary + ", " + id;
  }

  /**
   * Whether the text ordered holds both characters above U+FFFF and characters from U+E000 to
   * U+FFFF, the only case where PostgreSQL's code-point order differs from Java's UTF-16 order.
   */
  private boolean mixesHighPlanes(Connection c, RequestContext ctx, String keyColumn) throws SQLException {
    String text = keyColumn == null ? "id" : "id || ' ' || COALESCE(" + keyColumn + ", '')";
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT COALESCE(bool_or(" + text + " ~ '[\\uE000-\\uFFFF]'), FALSE)"
            + " AND COALESCE(bool_or(" + text + " ~ '[\\U00010000-\\U0010FFFF]'), FALSE)"
            + " FROM scim_resource WHERE tenant = ? AND resource_type = ?")) {
      ps.setString(1, ctx.tenant());
      ps.setString(2, typeName);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  Instant now() {
    return clock.instant();
  }
}
