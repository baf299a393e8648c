package dev.scimkit.examples.handwritten;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.search.CompiledFilter;
import dev.scimkit.core.search.FilterEvaluator;
import dev.scimkit.core.search.Paging;
import dev.scimkit.core.search.ScimValues;
import dev.scimkit.core.search.Sorting;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.StoredResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * SCIM users written by hand over plain JDBC: the store SPI for a database that Scimkit's JDBC
 * store does not support, or a data layer of the host's own. Each user is one row of {@code
 * scim_user} holding its document as JSON. {@link HostStores} serves it for {@code User}, keeps
 * groups elsewhere, and makes each request one unit of work of both.
 *
 * <p>What the store guarantees, and how:
 *
 * <ul>
 *   <li><b>Uniqueness</b> of {@code userName} per tenant, ignoring case: a unique index on the
 *       folded name, whose violation (SQLSTATE 23505) is a 409. Never a lookup followed by an
 *       insert: two concurrent creates would both pass the lookup.
 *   <li><b>Versions</b>: {@code UPDATE ... WHERE version = ?} changes the row only if nobody
 *       changed it since; no row changed means 404 or 412.
 *   <li><b>Tenancy</b>: every statement has {@code WHERE tenant = ?}.
 *   <li><b>Units of work</b>: every statement joins the host's transaction open on the thread
 *       ({@link HostTransactions}), and inside one {@code get} locks the row, so a request's
 *       changes commit together and a user being added to a group cannot be deleted halfway.
 *   <li><b>Search</b>: {@link FilterEvaluator}, {@link Sorting} and {@link Paging} over the
 *       tenant's users read in insertion order (stable, for paging clients), narrowed in SQL only
 *       for the lookup identity providers make before every create, {@code userName eq}. Fine
 *       for thousands of users; translate more of the filter beyond that.
 * </ul>
 */
public final class DocumentUserStore implements ResourceStore {
  /** The store's table, in SQL that H2 and PostgreSQL both run. */
  public static final String TABLE =
      """
      CREATE TABLE IF NOT EXISTS scim_user (
        seq           BIGINT GENERATED ALWAYS AS IDENTITY,
        tenant        VARCHAR(64)  NOT NULL,
        id            VARCHAR(64)  NOT NULL,
        user_name_key VARCHAR(320),
        version       BIGINT       NOT NULL,
        created_ns    BIGINT       NOT NULL,
        modified_ns   BIGINT       NOT NULL,
        document      VARCHAR(100000) NOT NULL,
        PRIMARY KEY (tenant, id),
        UNIQUE (tenant, user_name_key)
      )""";

  /** Keeps decimals exact, as the engine reads them. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS = "id, version, created_ns, modified_ns, document";
  private static final Paging PAGES = Paging.withMaxCount(Integer.MAX_VALUE); // the engine capped count

  private final HostTransactions db;
  private final FilterEvaluator filters = FilterEvaluator.forType(Schemas.userType());

  /** Creates {@link #TABLE} in {@code db} if it is missing. */
  public static void createTable(DataSource db) {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute(TABLE);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create scim_user", e);
    }
  }

  /** A store whose statements join the host's transaction open on the calling thread. */
  public DocumentUserStore(HostTransactions transactions) {
    this.db = requireNonNull(transactions, "transactions == null");
  }

  @Override
  public StoredResource create(StoredResource resource, RequestContext ctx) {
    update("create", "INSERT INTO scim_user (tenant, id, user_name_key, version, created_ns, modified_ns, document)"
        + " VALUES (?, ?, ?, 1, ?, ?, ?)",
        ctx.tenant(), resource.id(), nameKey(resource), nanos(resource.created()), nanos(resource.lastModified()),
        write(resource.document()));
    return new StoredResource(resource.id(), 1, resource.created(), resource.lastModified(), resource.document());
  }

  /** In the host's transaction (a request that writes) the row stays locked until the commit. */
  @Override
  public Optional<StoredResource> get(String id, RequestContext ctx) {
    List<StoredResource> found = query("SELECT " + COLUMNS + " FROM scim_user WHERE tenant = ? AND id = ?"
        + (db.inTransaction() ? " FOR UPDATE" : ""), ctx.tenant(), id);
    return found.stream().findFirst();
  }

  @Override
  public StoredResource replace(StoredResource resource, long expectedVersion, RequestContext ctx) {
    return db.inTransaction(() -> { // the update and the read of its result, as one
      int changed = update("replace", "UPDATE scim_user SET user_name_key = ?, version = version + 1,"
          + " modified_ns = ?, document = ? WHERE tenant = ? AND id = ? AND (? = -1 OR version = ?)",
          nameKey(resource), nanos(resource.lastModified()), write(resource.document()), ctx.tenant(),
          resource.id(), expectedVersion, expectedVersion);
      requireChanged(changed, resource.id(), ctx);
      return get(resource.id(), ctx).orElseThrow();
    });
  }

  @Override
  public void delete(String id, long expectedVersion, RequestContext ctx) {
    db.inTransaction(() -> {
      int deleted = update("delete", "DELETE FROM scim_user WHERE tenant = ? AND id = ? AND (? = -1 OR version = ?)",
          ctx.tenant(), id, expectedVersion, expectedVersion);
      requireChanged(deleted, id, ctx);
      return null;
    });
  }

  /** No row changed: there is none with this id (404), or not at the expected version (412). */
  private void requireChanged(int changed, String id, RequestContext ctx) {
    if (changed == 0) {
      throw get(id, ctx).isPresent()
          ? ScimException.preconditionFailed("User " + id + " has changed")
          : ScimException.notFound("User", id);
    }
  }

  @Override
  public SearchResult search(SearchRequest request, RequestContext ctx) {
    String userName = userNameEq(request);
    List<StoredResource> matches = userName == null
        ? query("SELECT " + COLUMNS + " FROM scim_user WHERE tenant = ? ORDER BY seq", ctx.tenant())
        : query("SELECT " + COLUMNS + " FROM scim_user WHERE tenant = ? AND user_name_key = ?", ctx.tenant(), userName);
    if (request.filter() != null) {
      CompiledFilter compiled = filters.compile(request.filter());
      matches = matches.stream().filter(compiled::matches).toList();
    }
    if (request.sortBy() != null) {
      matches = Sorting.sort(matches, request.sortBy(), request.sortOrder());
    }
    return new SearchResult(PAGES.page(matches, request.startIndex(), request.count()), matches.size());
  }

  /** The folded literal of a filter that is exactly {@code userName eq "..."}, else null. */
  private static String userNameEq(SearchRequest request) {
    if (request.filter() instanceof dev.scimkit.filter.Filter.Comparison c
        && c.operator() == dev.scimkit.filter.ComparisonOperator.EQ
        && c.value() instanceof dev.scimkit.filter.FilterValue.StringValue v
        && !c.attribute().hasSubAttribute()
        && "userName".equalsIgnoreCase(c.attribute().name())
        && (!c.attribute().hasSchema() || Schemas.USER.equalsIgnoreCase(c.attribute().schema()))) {
      return ScimValues.fold(v.value());
    }
    return null;
  }

  // ---- rows ------------------------------------------------------------------------------------

  private static String nameKey(StoredResource r) {
    JsonNode name = r.document().get("userName");
    return name != null && name.isTextual() ? ScimValues.fold(name.textValue()) : null;
  }

  private int update(String what, String sql, Object... parameters) {
    try {
      return db.on(c -> {
        try (PreparedStatement ps = prepare(c, sql, parameters)) {
          return ps.executeUpdate();
        }
      });
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw ScimException.uniqueness("A User with this id or userName already exists");
      }
      throw new IllegalStateException("scim_user " + what + " failed", e); // a 500, logged
    }
  }

  private List<StoredResource> query(String sql, Object... parameters) {
    try {
      return db.on(c -> {
        List<StoredResource> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, parameters); ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new StoredResource(rs.getString(1), rs.getLong(2), instant(rs.getLong(3)),
                instant(rs.getLong(4)), read(rs.getString(5))));
          }
        }
        return out;
      });
    } catch (SQLException e) {
      throw new IllegalStateException("scim_user read failed", e);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }

  private static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private static String write(ObjectNode doc) {
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the document as JSON", e);
    }
  }

  private static ObjectNode read(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("scim_user.document is not a JSON object", e);
    }
  }
}
