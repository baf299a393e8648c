package dev.scimkit.store.jdbc.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.AttributePath;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Users kept in the host's own table ({@link HostTable}), joined as {@code u} to their {@code
 * scim_resource} row {@code r}, which keeps what SCIM needs and the table lacks: the version,
 * the instants, the folded {@code userName} under its unique index, and the rest of the document.
 *
 * <p>Reads join the two tables, so a row the host deleted is never served. A host row without a
 * {@code scim_resource} row (inserted by the host) gets one when a read first meets it ({@link
 * #adopt}), written so that concurrent reads write one. A {@code scim_resource} row whose host row
 * is gone is removed with its memberships when a read by its id, or a create taking its id or
 * {@code userName}, finds it, and by {@link #purgeDeleted()}.
 *
 * <p>Every change writes both rows in one transaction: the {@code scim_resource} row first (its
 * version check and unique index decide), then the host's row. Changes lock both rows first,
 * through {@link #get}, in the same order as every other unit of work.
 */
public final class MappedUserStore extends JdbcResourceStore {
  private final HostTable host;
  private final List<String> extraColumns;
  private final HostTable.Column userNameColumn;

  public MappedUserStore(Database db, ResourceType type, Clock clock, HostTable host) {
    super(db, type, clock, host);
    this.host = host;
    List<String> extras = new ArrayList<>();
    for (HostTable.Column c : host.columns()) {
      extras.add(HostTable.sql("u", c));
    }
    this.extraColumns = List.copyOf(extras);
    this.userNameColumn = host.columnOf(type.resolve(AttributePath.of("userName")));
  }

  // ---- rows ------------------------------------------------------------------------------------

  @Override
  String from() {
    return "scim_resource r JOIN " + host.table() + " u ON " + host.joins("u", "r.tenant", "r.id");
  }

  /**
   * No table of search terms on H2: rows the host inserts are adopted on read, by SQL that writes
   * no terms, and half of a user is in the host's columns; filters are decided without it.
   */
  @Override
  boolean termTable() {
    return false;
  }

  @Override
  List<String> extraColumns() {
    return extraColumns;
  }

  @Override
  ObjectNode document(String json, ResultSet rs, int first) throws SQLException {
    return codec.inSchemaOrder(host.merge(codec.read(json), host.read(rs, first)));
  }

  /** The {@code scim_resource} row of a document: the rest of it, keyed by the whole of it. */
  private Prepared prepared(ObjectNode doc, HostTable.Split split) {
    TableLayout.Keys k = layout.keys(doc);
    // display_name keeps the one of displayName and userName that has no column (see JdbcGroupStore)
    TableLayout.Keys keys = new TableLayout.Keys(k.userName(), TableLayout.display(split.rest()),
        k.displayNameKey(), k.externalId(), k.others(), k.irregular() || split.irregular());
    return new Prepared(split.rest(), keys);
  }

  // ---- CRUD ------------------------------------------------------------------------------------

  @Override
  public StoredResource create(StoredResource resource, RequestContext ctx) {
    if (!host.serves(ctx)) {
      throw new ScimException(403, null, "This service keeps no users for this organisation");
    }
    HostTable.Split split = host.split(resource.document());
    Prepared row = prepared(resource.document(), split);
    try {
      return db.transaction("create the user", c -> {
        // a row the host deleted may still hold the id or the name
        Sql sameIdOrName = Sql.of("(r.id = ").param(resource.id());
        if (row.keys().userName() != null) {
          sameIdOrName.append(" OR r." + TableLayout.USER_NAME_KEY + " = ").param(row.keys().userName());
        }
        purgeDeleted(ctx, sameIdOrName.append(")"));
        claim(ctx, row.keys().userName(), resource.id());
        StoredResource created = create(resource, row, ctx);
        insertHostRow(c, ctx, resource, split);
        return created;
      });
    } catch (Database.UniqueViolation e) {
      throw hostConflict(resource.id(), split, ctx, e);
    }
  }

  @Override
  public Optional<StoredResource> get(String id, RequestContext ctx) {
    if (!host.serves(ctx)) {
      return Optional.empty();
    }
    boolean lock = db.inWriteUnit();
    Optional<StoredResource> found = db.transaction("read the user", c -> {
      Optional<StoredResource> user = select(c, id, ctx, lock);
      if (user.isEmpty()) {
        adopt(ctx, Sql.of(host.id("u") + " = ").param(id)); // or another transaction just did
        user = select(c, id, ctx, lock);
        if (user.isEmpty()) {
          purgeDeleted(ctx, Sql.of("r.id = ").param(id));
        }
      }
      return user;
    });
    if (lock && found.isPresent()) {
      db.noteLocked(typeName, id);
    }
    return found;
  }

  private Optional<StoredResource> select(Connection c, String id, RequestContext ctx, boolean lock)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + rowColumns() + " FROM " + from()
            + " WHERE r.tenant = ? AND r.resource_type = ? AND r.id = ?" + (lock ? dialect.lockClause() : ""))) {
      ps.setString(1, ctx.tenant());
      ps.setString(2, typeName);
      ps.setString(3, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public StoredResource replace(StoredResource resource, long expectedVersion, RequestContext ctx) {
    if (!host.serves(ctx)) {
      throw ScimException.notFound(typeName, resource.id());
    }
    HostTable.Split split = host.split(resource.document());
    Prepared row = prepared(resource.document(), split);
    try {
      return db.transaction("replace the user", c -> {
        lock(resource.id(), ctx);
        if (row.keys().userName() != null) {
          purgeDeleted(ctx, Sql.of("r." + TableLayout.USER_NAME_KEY + " = ").param(row.keys().userName())
              .append(" AND r.id <> ").param(resource.id()));
        }
        claim(ctx, row.keys().userName(), resource.id());
        StoredResource stored = replace(resource, row, expectedVersion, ctx);
        updateHostRow(c, ctx, resource, split);
        return stored;
      });
    } catch (Database.UniqueViolation e) {
      throw hostConflict(resource.id(), split, ctx, e);
    }
  }

  @Override
  public void delete(String id, long expectedVersion, RequestContext ctx) {
    if (!host.serves(ctx)) {
      throw ScimException.notFound(typeName, id);
    }
    db.transaction("delete the user", c -> {
      lock(id, ctx);
      super.delete(id, expectedVersion, ctx);
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM " + host.table() + " WHERE " + hostRow())) {
        bindHostRow(ps, 1, id, ctx);
        ps.executeUpdate();
      } catch (SQLException e) {
        if (SqlErrors.isForeignKeyViolation(e)) {
          // the transaction is failed (and rolled back by the unit): nothing of the delete stays
          throw new ScimException(409, null,
              "User " + id + " cannot be deleted: other data of the service refers to it; deactivate it instead", e);
        }
        throw e;
      }
      return null;
    });
  }

  /**
   * Locks both rows of the user until the transaction ends (reading it, and writing its {@code
   * scim_resource} row first if the host inserted it), unless the unit holds the lock already.
   *
   * @throws ScimException 404 if the tenant has no such user
   */
  private void lock(String id, RequestContext ctx) {
    if (!db.holdsLock(typeName, id) && get(id, ctx).isEmpty()) {
      throw ScimException.notFound(typeName, id);
    }
  }

  // ---- userName reservations of rows the host changed ------------------------------------------

  /**
   * Brings the reservations of a {@code userName} up to date with the host's table before a
   * user claims it (folded: {@code key}): a user whose name the host changed away from it lets it
   * go, and a user the host gave it (inserted, or renamed) takes it, so that the unique index
   * then decides the claim as if every name had been written over SCIM. Each moved reservation
   * takes the user's current name if no one holds it, else none.
   */
  private void claim(RequestContext ctx, String key, String self) {
    if (key == null || userNameColumn == null) {
      return; // the name is only ever written over SCIM: its reservation is current
    }
    Filter named = new Filter.Comparison(AttributePath.of("userName"), ComparisonOperator.EQ, FilterValue.of(key));
    Sql hostNamed = FilterTranslator.hostOnly(layout, dialect).translate(named).possible();
    adopt(ctx, hostNamed);
    db.atomically("update the reservations of a userName", c -> {
      Sql sql = Sql.of("SELECT " + rowColumns() + ", r." + TableLayout.USER_NAME_KEY + " FROM " + from()
              + " WHERE r.tenant = ").param(ctx.tenant()).append(" AND r.resource_type = ").param(typeName)
          .append(" AND r.id <> ").param(self).append(" AND (r." + TableLayout.USER_NAME_KEY + " = ").param(key)
          .append(" OR ").append(hostNamed).append(")");
      List<String[]> releases = new ArrayList<>();
      List<String[]> takes = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql.text())) {
        sql.bind(ps, 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            StoredResource user = row(rs);
            String current = layout.keys(user.document()).userName();
            String held = rs.getString(rowWidth() + 1);
            if (!Objects.equals(current, held)) {
              (key.equals(held) ? releases : takes).add(new String[] {user.id(), current});
            }
          }
        }
      }
      for (List<String[]> moves : List.of(releases, takes)) {
        for (String[] move : moves) {
          reserve(c, ctx, move[0], move[1]);
        }
      }
      return null;
    });
  }

  /** Gives the user {@code key} as its reservation if no one holds it, else none. */
  private void reserve(Connection c, RequestContext ctx, String id, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE scim_resource SET " + TableLayout.USER_NAME_KEY + " = " + KEY_IF_FREE
            + " WHERE tenant = ? AND resource_type = ? AND id = ?")) {
      int i = bindKeyIfFree(ps, 1, ctx, key);
      ps.setString(i++, ctx.tenant());
      ps.setString(i++, typeName);
      ps.setString(i, id);
      ps.executeUpdate();
    }
  }

  /** {@code key} if no user of the tenant holds it, else null; bound by {@link #bindKeyIfFree}. */
  private static final String KEY_IF_FREE =
      "CASE WHEN EXISTS (SELECT 1 FROM scim_resource x WHERE x.tenant = ? AND x.resource_type = ?"
          + " AND x." + TableLayout.USER_NAME_KEY + " = ?) THEN NULL ELSE CAST(? AS VARCHAR) END";

  private int bindKeyIfFree(PreparedStatement ps, int first, RequestContext ctx, String key) throws SQLException {
    ps.setString(first, ctx.tenant());
    ps.setString(first + 1, typeName);
    ps.setString(first + 2, key);
    ps.setString(first + 3, key);
    return first + 4;
  }

  // ---- the host's rows -------------------------------------------------------------------------

  /** {@code id = ?} and, with a tenant column, {@code tenant = ?}, without an alias. */
  private String hostRow() {
    return host.idName() + " = ?" + (host.tenantName() == null ? "" : " AND " + host.tenantName() + " = ?");
  }

  private int bindHostRow(PreparedStatement ps, int first, String id, RequestContext ctx) throws SQLException {
    ps.setString(first, id);
    if (host.tenantName() != null) {
      ps.setString(first + 1, ctx.tenant());
      return first + 2;
    }
    return first + 1;
  }

  /**
   * Inserts the host's row, with a value for each column the document fills (the others keep the
   * table's defaults).
   */
  private void insertHostRow(Connection c, RequestContext ctx, StoredResource resource, HostTable.Split split)
      throws SQLException {
    List<String> names = new ArrayList<>(List.of(host.idName()));
    List<HostTable.Column> filled = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (host.tenantName() != null) {
      names.add(host.tenantName());
    }
    for (int i = 0; i < host.columns().size(); i++) {
      HostTable.Column col = host.columns().get(i);
      Object value = switch (col.kind()) {
        case CREATED -> resource.created();
        case LAST_MODIFIED -> resource.lastModified();
        default -> split.values()[i];
      };
      if (value != null) {
        names.add(col.sql());
        filled.add(col);
        values.add(value);
      }
    }
    StringBuilder sql = new StringBuilder("INSERT INTO " + host.table() + " (" + String.join(", ", names) + ") VALUES (?");
    sql.append(", ?".repeat(names.size() - 1)).append(')');
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      ps.setString(1, resource.id());
      int next = 2;
      if (host.tenantName() != null) {
        ps.setString(next++, ctx.tenant());
      }
      for (int i = 0; i < filled.size(); i++) {
        HostTable.bind(ps, next++, filled.get(i), values.get(i));
      }
      ps.executeUpdate();
    }
  }

  /** Sets every mapped column but {@code meta.created} to the document's value (or null). */
  private void updateHostRow(Connection c, RequestContext ctx, StoredResource resource, HostTable.Split split)
      throws SQLException {
    List<String> sets = new ArrayList<>();
    List<HostTable.Column> set = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < host.columns().size(); i++) {
      HostTable.Column col = host.columns().get(i);
      if (col.kind() == HostTable.Kind.CREATED) {
        continue;
      }
      sets.add(col.sql() + " = ?");
      set.add(col);
      values.add(col.kind() == HostTable.Kind.LAST_MODIFIED ? resource.lastModified() : split.values()[i]);
    }
    if (sets.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE " + host.table() + " SET " + String.join(", ", sets) + " WHERE " + hostRow())) {
      int next = 1;
      for (int i = 0; i < set.size(); i++) {
        HostTable.bind(ps, next++, set.get(i), values.get(i));
      }
      bindHostRow(ps, next, resource.id(), ctx);
      if (ps.executeUpdate() == 0) {
        throw ScimException.notFound(typeName, resource.id()); // the host deleted it meanwhile
      }
    }
  }

  /**
   * The 409 for a unique constraint of the host's table: the detail names the id or {@code
   * userName} when the table already has a row with it, never the database's message.
   */
  private ScimException hostConflict(String id, HostTable.Split split, RequestContext ctx, Throwable cause) {
    String detail;
    try {
      detail = db.transaction("check uniqueness", c -> {
        if (hostHas(c, ctx, host.id("u"), id)) {
          return typeName + " id " + id + " already exists";
        }
        for (int i = 0; i < host.columns().size(); i++) {
          HostTable.Column col = host.columns().get(i);
          if (split.values()[i] instanceof String value && hostHas(c, ctx, HostTable.sql("u", col), value)) {
            return typeName + " with this " + col.attribute().target().name() + " already exists";
          }
        }
        return typeName + " with these values already exists";
      });
    } catch (ScimException e) {
      detail = typeName + " with these values already exists";
    }
    return new ScimException(409, ScimType.UNIQUENESS, detail, cause);
  }

  private boolean hostHas(Connection c, RequestContext ctx, String column, String value) throws SQLException {
    Sql sql = Sql.of("SELECT 1 FROM " + host.table() + " u WHERE " + column + " = ").param(value)
        .append(" AND ").append(Cond.join(List.of(host.ofTenant("u", ctx)), true));
    try (PreparedStatement ps = c.prepareStatement(sql.text())) {
      sql.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  // ---- search ----------------------------------------------------------------------------------

  @Override
  public SearchResult search(SearchRequest request, RequestContext ctx) {
    if (!host.serves(ctx)) {
      return new SearchResult(List.of(), 0);
    }
    return super.search(request, ctx);
  }

  /**
   * Gives every host row that may match the filter its {@code scim_resource} row, so that the
   * search, which joins the two, finds the rows the host inserted.
   */
  @Override
  void beforeSearch(SearchRequest request, RequestContext ctx) {
    Sql candidates = Sql.TRUE;
    if (request.filter() != null) {
      Cond c = FilterTranslator.hostOnly(layout, dialect).translate(request.filter());
      if (c == null) {
        return; // names an unknown attribute: matches nothing
      }
      candidates = c.possible();
    }
    if (!candidates.isFalse()) {
      adopt(ctx, candidates);
    }
  }

  // ---- rows the host inserted ------------------------------------------------------------------

  /** A host row without a {@code scim_resource} row, as it will be adopted. */
  private record Found(StoredResource resource, Prepared row) {}

  /**
   * Writes the {@code scim_resource} row of each row of the host's table that meets {@code
   * condition} (over {@code u}) and has none: version 1, created at the {@code meta.created}
   * column's instant or now. Safe when several transactions adopt at once: a row is written
   * once, and a {@code userName} that another user holds ignoring case (two host rows that
   * differ only in case) is left unreserved instead of failing.
   *
   * @return how many rows it wrote
   */
  int adopt(RequestContext ctx, Sql condition) {
    return db.atomically("adopt the users the host inserted", c -> {
      List<Found> found = unadopted(c, ctx, condition);
      int adopted = 0;
      for (Found f : found) {
        adopted += adoptOne(c, ctx, f);
      }
      return adopted;
    });
  }

  private List<Found> unadopted(Connection c, RequestContext ctx, Sql condition) throws SQLException {
    HostTable.Column createdColumn = host.column(HostTable.Kind.CREATED);
    Sql sql = Sql.of("SELECT " + host.id("u") + (extraColumns.isEmpty() ? "" : ", " + String.join(", ", extraColumns))
            + " FROM " + host.table() + " u WHERE ")
        .append(Cond.join(List.of(host.ofTenant("u", ctx), condition), true))
        .append(" AND NOT EXISTS (SELECT 1 FROM scim_resource r WHERE r.tenant = ").param(ctx.tenant())
        .append(" AND r.resource_type = ").param(typeName).append(" AND r.id = " + host.id("u") + ")")
        .append(" ORDER BY " + (createdColumn == null ? "" : HostTable.sql("u", createdColumn) + ", ") + host.id("u"));
    Instant now = now();
    ObjectNode rest = DocumentCodec.mapper().createObjectNode();
    rest.putArray("schemas").add(Schemas.USER);
    List<Found> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.text())) {
      sql.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object[] values = host.read(rs, 2);
          Instant created = instant(values, HostTable.Kind.CREATED, now);
          Instant modified = instant(values, HostTable.Kind.LAST_MODIFIED, created);
          ObjectNode doc = host.merge(rest, values);
          StoredResource resource = new StoredResource(rs.getString(1), 1, created, modified, doc);
          out.add(new Found(resource, prepared(doc, host.split(doc))));
        }
      }
    }
    return out;
  }

  private Instant instant(Object[] values, HostTable.Kind kind, Instant otherwise) {
    HostTable.Column column = host.column(kind);
    Object value = column == null ? null : values[host.columns().indexOf(column)];
    return value instanceof Instant t ? t : otherwise;
  }

  /**
   * Inserts one adopted row unless it exists, leaving its {@code userName} key empty when another
   * row holds it. On PostgreSQL {@code ON CONFLICT DO NOTHING} absorbs a concurrent adoption; on
   * H2 the failed insert is undone alone (H2 rolls back the statement, not the transaction). A
   * key taken concurrently is seen on the next attempt.
   */
  private int adoptOne(Connection c, RequestContext ctx, Found f) throws SQLException {
    TableLayout.Keys keys = f.row().keys();
    String json = codec.write(f.row().stored());
    String sql = "INSERT INTO scim_resource (tenant, resource_type, id, version, created_ns, modified_ns,"
        + " user_name_key, display_name, display_name_key, external_id_key, irregular, document"
        + (dialect.hasSearchTerms() ? ", search_terms" : "") + ")"
        + " SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), 1, CAST(? AS BIGINT), CAST(? AS BIGINT),"
        + " " + KEY_IF_FREE + ", CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS BOOLEAN), "
        + dialect.documentParameter() + (dialect.hasSearchTerms() ? ", ?" : "")
        + " WHERE NOT EXISTS (SELECT 1 FROM scim_resource x WHERE x.tenant = ? AND x.resource_type = ? AND x.id = ?)"
        + (dialect == Dialect.POSTGRESQL ? " ON CONFLICT DO NOTHING" : "");
    for (int attempt = 1; attempt <= 3; attempt++) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        ps.setString(i++, ctx.tenant());
        ps.setString(i++, typeName);
        ps.setString(i++, f.resource().id());
        ps.setLong(i++, Instants.toNanos(f.resource().created()));
        ps.setLong(i++, Instants.toNanos(f.resource().lastModified()));
        i = bindKeyIfFree(ps, i, ctx, keys.userName());
        ps.setString(i++, keys.displayName());
        ps.setString(i++, keys.displayNameKey());
        ps.setString(i++, keys.externalId());
        ps.setBoolean(i++, keys.irregular());
        ps.setString(i++, json);
        if (dialect.hasSearchTerms()) {
          ps.setArray(i++, c.createArrayOf("text", SearchTerms.of(f.row().stored())));
        }
        ps.setString(i++, ctx.tenant());
        ps.setString(i++, typeName);
        ps.setString(i, f.resource().id());
        if (ps.executeUpdate() == 1) {
          return 1;
        }
      } catch (SQLException e) {
        if (dialect != Dialect.H2 || !SqlErrors.isUniqueViolation(e)) {
          throw e;
        }
      }
      if (exists(c, ctx, "id = ?", f.resource().id(), null)) {
        return 0; // another transaction adopted it
      }
    }
    return 0; // keeps losing races: the next read tries again
  }

  // ---- rows the host deleted -------------------------------------------------------------------

  /**
   * Removes the {@code scim_resource} rows that meet {@code condition} (over {@code r}) and whose
   * host row is gone, each with its memberships (giving each of its groups a new version).
   *
   * @return how many it removed
   */
  int purgeDeleted(RequestContext ctx, Sql condition) {
    return db.atomically("remove the users the host deleted", c -> {
      String gone = " AND NOT EXISTS (SELECT 1 FROM " + host.table() + " u WHERE " + host.joins("u", "r.tenant", "r.id") + ")";
      Sql sql = Sql.of("SELECT r.id FROM scim_resource r WHERE r.tenant = ").param(ctx.tenant())
          .append(" AND r.resource_type = ").param(typeName).append(" AND ").append(condition).append(gone);
      List<String> ids = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql.text())) {
        sql.bind(ps, 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
      }
      long now = Instants.toNanos(now());
      int removed = 0;
      for (String id : ids) {
        leaveAllGroups(c, ctx, id, now);
        try (PreparedStatement ps = c.prepareStatement(
            "DELETE FROM scim_resource r WHERE r.tenant = ? AND r.resource_type = ? AND r.id = ?" + gone)) {
          ps.setString(1, ctx.tenant());
          ps.setString(2, typeName);
          ps.setString(3, id);
          removed += ps.executeUpdate();
        }
      }
      return removed;
    });
  }

  /**
   * Removes, for every tenant, the {@code scim_resource} rows of users whose host row is gone;
   * see {@link #purgeDeleted(RequestContext, Sql)}.
   */
  public int purgeDeleted() {
    List<String> tenants = db.transaction("find the users the host deleted", c -> {
      List<String> out = new ArrayList<>();
      // a single-tenant table holds the users of its tenant only
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT DISTINCT r.tenant FROM scim_resource r WHERE r.resource_type = ?"
              + (host.tenant() == null ? "" : " AND r.tenant = ?") + " AND NOT EXISTS (SELECT 1 FROM "
              + host.table() + " u WHERE " + host.joins("u", "r.tenant", "r.id") + ")")) {
        ps.setString(1, typeName);
        if (host.tenant() != null) {
          ps.setString(2, host.tenant());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
      return out;
    });
    int removed = 0;
    for (String tenant : tenants) {
      removed += db.unit(true, () -> purgeDeleted(RequestContext.of(tenant), Sql.TRUE));
    }
    return removed;
  }
}
