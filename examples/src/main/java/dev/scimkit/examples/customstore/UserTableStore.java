package dev.scimkit.examples.customstore;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.CommonAttributes;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.search.CompiledFilter;
import dev.scimkit.core.search.FilterEvaluator;
import dev.scimkit.core.search.Paging;
import dev.scimkit.core.search.Sorting;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * SCIM users kept in the host's own {@code app_user} table (see {@link HostDatabase}): the store
 * SPI implemented over a table that was there first. {@link HostStores} serves it for {@code
 * User} and keeps groups elsewhere, and makes each request one unit of work:
 *
 * <pre>{@code
 * ScimEngine engine = ScimEngine.builder().storeProvider(new HostStores(dataSource)).build();
 * }</pre>
 *
 * <h2>Mapping</h2>
 *
 * <table>
 *   <caption>SCIM attributes and app_user columns</caption>
 *   <tr><th>SCIM</th><th>column</th></tr>
 *   <tr><td>{@code id}</td><td>{@code id}</td></tr>
 *   <tr><td>the tenant</td><td>{@code org_id}</td></tr>
 *   <tr><td>{@code userName}</td><td>{@code email}</td></tr>
 *   <tr><td>{@code name.givenName}, {@code name.familyName}</td>
 *       <td>{@code first_name}, {@code last_name}</td></tr>
 *   <tr><td>{@code active}</td><td>{@code active}</td></tr>
 *   <tr><td>{@code externalId}</td><td>{@code external_id}</td></tr>
 *   <tr><td>{@code meta.version}, {@code meta.created}, {@code meta.lastModified}</td>
 *       <td>{@code version}, {@code created}, {@code modified}</td></tr>
 *   <tr><td>everything else</td><td>{@code scim_attributes}, as JSON</td></tr>
 * </table>
 *
 * <p>Keeping the rest as JSON means nothing the identity provider sends is lost, so the store
 * passes the whole store contract ({@code scim-store-tck}). A row the host inserted itself, with
 * no JSON, reads as a core User.
 *
 * <h2>What the store guarantees, and how</h2>
 *
 * <ul>
 *   <li><b>Uniqueness</b> of {@code userName} per organisation, ignoring case: a unique index,
 *       whose violation (SQLSTATE 23505) becomes {@link ScimException#uniqueness} (409). Never a
 *       lookup followed by an insert: two concurrent creates would both pass the lookup.
 *   <li><b>Versions</b>: {@code UPDATE ... WHERE version = ?} changes the row only if nobody
 *       changed it since; no row updated means 404 or 412.
 *   <li><b>Tenancy</b>: every statement has {@code WHERE org_id = ?}.
 *   <li><b>Units of work</b>: every statement joins the host's transaction open on the thread
 *       ({@link HostTransactions}), and inside one {@code get} locks the row ({@code SELECT ...
 *       FOR UPDATE}), so a request's changes commit together and a user being added to a group
 *       cannot be deleted halfway.
 *   <li><b>Search</b>: the filters identity providers send before every create ({@code userName
 *       eq}, {@code externalId eq}, and {@code id eq}) become SQL; every filter is then checked
 *       with {@link FilterEvaluator}, the reference semantics, and sorted and paged with {@link
 *       Sorting} and {@link Paging}. A filter SQL does not narrow reads the organisation's users
 *       into memory: fine for thousands of users; beyond that, translate more of the filter.
 * </ul>
 *
 * <p>Thread-safe: it keeps no state apart from the {@link DataSource}.
 */
public final class UserTableStore implements ResourceStore {
  /** Keeps decimals exact, as the engine reads them. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /** SQLSTATE of a unique-constraint violation, the same on H2, PostgreSQL and most others. */
  private static final String UNIQUE_VIOLATION = "23505";

  /** The engine has already limited {@code count}; this only cuts the page. */
  private static final Paging PAGES = Paging.withMaxCount(Integer.MAX_VALUE);

  private static final String COLUMNS =
      "id, email, first_name, last_name, active, external_id, scim_attributes, version, created, modified";

  private final HostTransactions db;
  private final ResourceType userType = Schemas.userType();
  private final FilterEvaluator filters = FilterEvaluator.forType(userType);

  /** A store over the {@code app_user} table of {@code db}, each call its own transaction. */
  public UserTableStore(DataSource db) {
    this(new HostTransactions(requireNonNull(db, "db == null")));
  }

  /**
   * A store whose statements join the host's transaction open on the calling thread (see {@link
   * HostStores}, which opens one for each SCIM request).
   */
  public UserTableStore(HostTransactions transactions) {
    this.db = requireNonNull(transactions, "transactions == null");
  }

  // ---- the table's columns and the SCIM document ---------------------------------------------

  /** A document split into the table's columns and the JSON of everything else. */
  private record Row(
      String email,
      String firstName,
      String lastName,
      Boolean active,
      String externalId,
      ObjectNode rest) {

    static Row of(ObjectNode document) {
      ObjectNode rest = document.deepCopy();
      String email = takeText(rest, "userName");
      if (email == null) {
        throw ScimException.badRequest(ScimType.INVALID_VALUE, "userName is required");
      }
      String externalId = takeText(rest, "externalId");
      Boolean active = rest.path("active").isBoolean() ? rest.remove("active").booleanValue() : null;
      String firstName = null;
      String lastName = null;
      if (rest.get("name") instanceof ObjectNode name) {
        firstName = takeText(name, "givenName");
        lastName = takeText(name, "familyName");
        if (name.isEmpty() && (firstName != null || lastName != null)) {
          rest.remove("name");
        }
      }
      return new Row(email, firstName, lastName, active, externalId, rest);
    }

    /** Removes and returns a text value; a value of another type stays in the JSON. */
    private static String takeText(ObjectNode from, String field) {
      JsonNode value = from.get(field);
      if (value == null || !value.isTextual()) {
        return null;
      }
      from.remove(field);
      return value.textValue();
    }

    /** The document again: the columns put back into the JSON. */
    ObjectNode document() {
      ObjectNode doc = JSON.createObjectNode();
      doc.set("schemas", rest.has("schemas") ? rest.get("schemas") : JSON.createArrayNode().add(Schemas.USER));
      if (externalId != null) {
        doc.put("externalId", externalId);
      }
      doc.put("userName", email);
      if (firstName != null || lastName != null) {
        ObjectNode name = rest.get("name") instanceof ObjectNode n ? n.deepCopy() : JSON.createObjectNode();
        putIfNotNull(name, "givenName", firstName);
        putIfNotNull(name, "familyName", lastName);
        doc.set("name", name);
      }
      if (active != null) {
        doc.put("active", active);
      }
      rest.properties().forEach(e -> doc.putIfAbsent(e.getKey(), e.getValue()));
      return doc;
    }

    private static void putIfNotNull(ObjectNode node, String field, String value) {
      if (value != null) {
        node.put(field, value);
      }
    }

    /** Sets the six values of {@code email, first_name, last_name, active, external_id, scim_attributes}. */
    int bind(PreparedStatement ps, int index) throws SQLException {
      ps.setString(index++, email);
      ps.setString(index++, firstName);
      ps.setString(index++, lastName);
      ps.setObject(index++, active, Types.BOOLEAN);
      ps.setString(index++, externalId);
      ps.setString(index++, rest.isEmpty() ? null : write(rest));
      return index;
    }
  }

  private static StoredResource read(ResultSet rs) throws SQLException {
    String json = rs.getString("scim_attributes");
    Row row =
        new Row(
            rs.getString("email"),
            rs.getString("first_name"),
            rs.getString("last_name"),
            rs.getObject("active", Boolean.class),
            rs.getString("external_id"),
            json == null ? JSON.createObjectNode() : parse(json));
    return new StoredResource(
        rs.getString("id"),
        rs.getLong("version"),
        instant(rs, "created"),
        instant(rs, "modified"),
        row.document());
  }

  // ---- create, get, replace, delete ----------------------------------------------------------

  @Override
  public StoredResource create(StoredResource resource, RequestContext ctx) {
    Row row = Row.of(resource.document());
    String sql =
        "INSERT INTO app_user (org_id, id, email, first_name, last_name, active, external_id,"
            + " scim_attributes, version, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)";
    try {
      db.on(c -> {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, ctx.tenant());
          ps.setString(2, resource.id());
          int next = row.bind(ps, 3);
          ps.setObject(next++, timestamp(resource.created()));
          ps.setObject(next, timestamp(resource.lastModified()));
          return ps.executeUpdate();
        }
      });
    } catch (SQLException e) {
      throw uniquenessOr(e, "create");
    }
    return new StoredResource(resource.id(), 1, resource.created(), resource.lastModified(), resource.document());
  }

  /**
   * Inside the host's transaction (a SCIM request that writes) the row is locked until the
   * commit, so that a user being added to a group cannot be deleted halfway.
   */
  @Override
  public Optional<StoredResource> get(String id, RequestContext ctx) {
    boolean lock = db.inTransaction();
    try {
      return db.on(c -> select(c, id, ctx, lock));
    } catch (SQLException e) {
      throw failure("get", e);
    }
  }

  @Override
  public StoredResource replace(StoredResource resource, long expectedVersion, RequestContext ctx) {
    Row row = Row.of(resource.document());
    String sql =
        "UPDATE app_user SET email = ?, first_name = ?, last_name = ?, active = ?, external_id = ?,"
            + " scim_attributes = ?, version = version + 1, modified = ?"
            + " WHERE org_id = ? AND id = ?"
            + (expectedVersion == ANY_VERSION ? "" : " AND version = ?");
    // the update and the read of its result, as one
    return db.inTransaction(() -> {
        try {
          return db.on(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              int next = row.bind(ps, 1);
              ps.setObject(next++, timestamp(resource.lastModified()));
              ps.setString(next++, ctx.tenant());
              ps.setString(next++, resource.id());
              if (expectedVersion != ANY_VERSION) {
                ps.setLong(next, expectedVersion);
              }
              if (ps.executeUpdate() == 0) {
                throw noRowFor(c, resource.id(), ctx);
              }
              return select(c, resource.id(), ctx, false).orElseThrow();
            }
          });
        } catch (SQLException e) {
          throw uniquenessOr(e, "replace");
        }
      });
  }

  @Override
  public void delete(String id, long expectedVersion, RequestContext ctx) {
    String sql =
        "DELETE FROM app_user WHERE org_id = ? AND id = ?"
            + (expectedVersion == ANY_VERSION ? "" : " AND version = ?");
    try {
      db.on(c -> {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, ctx.tenant());
          ps.setString(2, id);
          if (expectedVersion != ANY_VERSION) {
            ps.setLong(3, expectedVersion);
          }
          if (ps.executeUpdate() == 0) {
            throw noRowFor(c, id, ctx);
          }
          return null;
        }
      });
    } catch (SQLException e) {
      throw failure("delete", e);
    }
  }

  /** Why no row was updated: none with this id (404), or not at the expected version (412). */
  private ScimException noRowFor(Connection c, String id, RequestContext ctx) throws SQLException {
    return select(c, id, ctx, false).isPresent()
        ? ScimException.preconditionFailed("User " + id + " has changed")
        : ScimException.notFound("User", id);
  }

  private static Optional<StoredResource> select(Connection c, String id, RequestContext ctx, boolean lock)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM app_user WHERE org_id = ? AND id = ?" + (lock ? " FOR UPDATE" : ""))) {
      ps.setString(1, ctx.tenant());
      ps.setString(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  // ---- search --------------------------------------------------------------------------------

  @Override
  public SearchResult search(SearchRequest request, RequestContext ctx) {
    Filter filter = request.filter();
    List<StoredResource> matches = candidates(filter == null ? null : sqlCondition(filter), ctx);
    if (filter != null) {
      CompiledFilter compiled = filters.compile(filter);
      matches = matches.stream().filter(compiled::matches).toList();
    }
    if (request.sortBy() != null) {
      matches = Sorting.sort(matches, request.sortBy(), request.sortOrder());
    }
    return new SearchResult(PAGES.page(matches, request.startIndex(), request.count()), matches.size());
  }

  /** A condition that narrows the rows to read, and its one parameter. */
  private record Condition(String sql, String value) {}

  /**
   * The SQL for an equality on an indexed column, at the top of the filter or in one of the
   * operands of its {@code and}; {@code null} when the filter has none.
   */
  private Condition sqlCondition(Filter filter) {
    if (filter instanceof Filter.And and) {
      for (Filter operand : and.operands()) {
        Condition condition = sqlCondition(operand);
        if (condition != null) {
          return condition;
        }
      }
      return null;
    }
    if (!(filter instanceof Filter.Comparison c)
        || c.operator() != ComparisonOperator.EQ
        || !(c.value() instanceof FilterValue.StringValue value)) {
      return null;
    }
    ResolvedAttribute attribute = userType.resolve(c.attribute());
    if (attribute == null || attribute.subAttribute() != null) {
      return null;
    }
    String name = attribute.attribute().name();
    if (attribute.schema().equals(Schemas.USER) && name.equals("userName")) {
      return new Condition("email_key = LOWER(?)", value.value()); // the unique index
    }
    if (attribute.schema().equals(CommonAttributes.URN) && name.equals("externalId")) {
      return new Condition("LOWER(external_id) = LOWER(?)", value.value());
    }
    if (attribute.schema().equals(CommonAttributes.URN) && name.equals("id")) {
      return new Condition("id = ?", value.value());
    }
    return null;
  }

  /** The organisation's users that meet {@code condition} (all if null), in insertion order. */
  private List<StoredResource> candidates(Condition condition, RequestContext ctx) {
    String sql =
        "SELECT " + COLUMNS + " FROM app_user WHERE org_id = ?"
            + (condition == null ? "" : " AND " + condition.sql())
            + " ORDER BY seq";
    try {
      return db.on(c -> {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, ctx.tenant());
          if (condition != null) {
            ps.setString(2, condition.value());
          }
          List<StoredResource> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(read(rs));
            }
          }
          return out;
        }
      });
    } catch (SQLException e) {
      throw failure("search", e);
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static RuntimeException uniquenessOr(SQLException e, String operation) {
    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
      return ScimException.uniqueness("A User with this userName already exists");
    }
    return failure(operation, e);
  }

  /** A database failure: the engine answers 500 and logs the cause, never showing it to clients. */
  private static IllegalStateException failure(String operation, SQLException e) {
    return new IllegalStateException("app_user " + operation + " failed", e);
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static String write(ObjectNode json) {
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the document as JSON", e);
    }
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("scim_attributes is not a JSON object", e);
    }
  }
}
