package dev.scimkit.store.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.CommonAttributes;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.search.ScimValues;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterParseException;
import dev.scimkit.filter.FilterValue;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.PatchPath;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A host's own table of users, as the store reads and writes it: which SCIM attribute each
 * column holds, and how a document splits into the table's values and the rest (which the store
 * keeps in the user's {@code scim_resource} row).
 *
 * <p>Identifiers are looked up in the database's metadata when the store starts ({@link #open}),
 * so that the table's own spelling of each name is used, quoted, in every statement.
 */
public final class HostTable {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  /** The name of the resource type a host table holds. */
  static final String USER_TYPE = "User";

  /** Whether {@code type} is the core User type, the one a host table holds. */
  public static boolean holds(ResourceType type) {
    return type.name().equals(USER_TYPE) && type.schema().id().equals(Schemas.USER);
  }

  /** Where a mapped value sits in a user's document. */
  public enum Kind {
    /** A top-level attribute: {@code userName}, {@code urn:…:enterprise:2.0:User:department}. */
    ATTRIBUTE,
    /** A sub-attribute of a single-valued complex attribute: {@code name.givenName}. */
    SUB_ATTRIBUTE,
    /** A sub-attribute of the first element of one type: {@code emails[type eq "work"].value}. */
    TYPED_ELEMENT,
    /** {@code meta.created}. */
    CREATED,
    /** {@code meta.lastModified}. */
    LAST_MODIFIED
  }

  /** How a column's values are read and written. */
  enum ValueType {
    TEXT,
    BOOLEAN,
    TIMESTAMP
  }

  /**
   * One attribute held in a column of the host's table, as the host named it.
   *
   * @param path the attribute path as given
   * @param kind where the value sits in the document
   * @param attribute the attribute, with its sub-attribute for {@link Kind#SUB_ATTRIBUTE} and
   *     {@link Kind#TYPED_ELEMENT}; null for the meta kinds
   * @param elementType the {@code type} that selects the element of {@link Kind#TYPED_ELEMENT}
   * @param column the column's name as given
   */
  public record Mapping(String path, Kind kind, ResolvedAttribute attribute, String elementType, String column) {
    ValueType valueType() {
      return switch (kind) {
        case CREATED, LAST_MODIFIED -> ValueType.TIMESTAMP;
        default -> attribute.target().type() == AttributeType.BOOLEAN ? ValueType.BOOLEAN : ValueType.TEXT;
      };
    }

    /** The path with the schema's names, qualified: what makes two paths the same. */
    public String canonicalPath() {
      return switch (kind) {
        case CREATED -> "meta.created";
        case LAST_MODIFIED -> "meta.lastModified";
        case TYPED_ELEMENT -> attribute.parent().qualifiedName() + "[type eq \"" + elementType + "\"]."
            + attribute.subAttribute().name();
        default -> attribute.qualifiedName();
      };
    }
  }

  /**
   * A column as the store uses it.
   *
   * @param mapping what it holds
   * @param sql the column's quoted name
   * @param zoned for a timestamp column, whether it holds an offset
   */
  record Column(Mapping mapping, String sql, boolean zoned) {
    Kind kind() {
      return mapping.kind();
    }

    ValueType valueType() {
      return mapping.valueType();
    }

    ResolvedAttribute attribute() {
      return mapping.attribute();
    }
  }

  /**
   * A document split for storage.
   *
   * @param values the value of each column ({@link #columns()} order): a String, a Boolean, or
   *     null; the meta columns are left null (they come from the resource's instants)
   * @param rest the document without the values the columns hold
   * @param irregular whether a mapped attribute held a value its column cannot (a number where
   *     text belongs): it stays in {@code rest}, and conditions on the column are not sure for
   *     this row
   */
  record Split(Object[] values, ObjectNode rest, boolean irregular) {}

  private final String table;
  private final String id;
  private final String tenant;
  private final String tenantColumn;
  private final List<Column> columns;

  private HostTable(String table, String id, String tenant, String tenantColumn, List<Column> columns) {
    this.table = table;
    this.id = id;
    this.tenant = tenant;
    this.tenantColumn = tenantColumn;
    this.columns = List.copyOf(columns);
  }

  // ---- configuration ---------------------------------------------------------------------------

  /** Checks a table name: an unquoted SQL name, optionally after a schema name and a dot. */
  public static String requireTableName(String table) {
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "not a table name: '" + table + "' (letters, digits and _, optionally schema.table)");
    }
    return table;
  }

  /** Checks a column name: an unquoted SQL name. */
  public static String requireColumnName(String column) {
    if (!IDENTIFIER.matcher(column).matches()) {
      throw new IllegalArgumentException("not a column name: '" + column + "' (letters, digits and _)");
    }
    return column;
  }

  /**
   * Reads an attribute path of the core User type (with the Enterprise User extension) that a
   * column may hold.
   *
   * @throws IllegalArgumentException naming the path, if it is not one
   */
  public static Mapping mapping(String path, String column) {
    requireColumnName(column);
    String trimmed = path.trim();
    if (trimmed.equalsIgnoreCase("meta.created")) {
      return new Mapping(path, Kind.CREATED, null, null, column);
    }
    if (trimmed.equalsIgnoreCase("meta.lastModified")) {
      return new Mapping(path, Kind.LAST_MODIFIED, null, null, column);
    }
    PatchPath parsed;
    try {
      parsed = Filters.parsePath(trimmed);
    } catch (FilterParseException e) {
      throw new IllegalArgumentException("not an attribute path: '" + path + "': " + e.getMessage(), e);
    }
    ResourceType users = Schemas.userType();
    ResolvedAttribute a = users.resolve(parsed.attribute());
    if (a == null) {
      throw new IllegalArgumentException("the User type has no attribute '" + path + "'");
    }
    if (a.schema().equals(CommonAttributes.URN) && a.attribute() != CommonAttributes.EXTERNAL_ID) {
      throw new IllegalArgumentException(
          "'" + path + "' is kept by the store: map the id with id(column), and only meta.created and"
              + " meta.lastModified of meta");
    }
    String name = a.attribute().name();
    if (!a.extension() && (name.equals("groups") || name.equals("password"))) {
      throw new IllegalArgumentException(
          "'" + path + "' cannot be a column: groups are computed from the groups' members, and a"
              + " password is never stored in clear");
    }
    if (parsed.valueFilter() != null) {
      return typedElement(path, parsed, a, column);
    }
    if (a.attribute().multiValued()) {
      throw new IllegalArgumentException(
          "'" + path + "' is multi-valued: map one element's sub-attribute, as in emails[type eq \"work\"].value");
    }
    Kind kind = a.subAttribute() == null ? Kind.ATTRIBUTE : Kind.SUB_ATTRIBUTE;
    requireScalar(path, a.target());
    return new Mapping(path, kind, a, null, column);
  }

  private static Mapping typedElement(String path, PatchPath parsed, ResolvedAttribute a, String column) {
    String wanted = "an element's sub-attribute selected by its type, as in emails[type eq \"work\"].value";
    if (!a.attribute().multiValued() || !a.attribute().isComplex() || parsed.subAttribute() == null
        || a.attribute().subAttribute("type") == null
        || !(parsed.valueFilter() instanceof Filter.Comparison c)
        || c.operator() != ComparisonOperator.EQ
        || c.attribute().hasSchema() || c.attribute().hasSubAttribute()
        || !c.attribute().name().equalsIgnoreCase("type")
        || !(c.value() instanceof FilterValue.StringValue type)) {
      throw new IllegalArgumentException("'" + path + "' is not " + wanted);
    }
    Attribute sub = a.attribute().subAttribute(parsed.subAttribute());
    if (sub == null || sub.name().equals("type")) {
      throw new IllegalArgumentException("'" + path + "' is not " + wanted);
    }
    requireScalar(path, sub);
    ResolvedAttribute target = new ResolvedAttribute(a.schema(), a.extension(), a.attribute(), sub);
    return new Mapping(path, Kind.TYPED_ELEMENT, target, type.value(), column);
  }

  private static void requireScalar(String path, Attribute target) {
    if (target.isComplex() || target.multiValued()) {
      throw new IllegalArgumentException("'" + path + "' is not a single value: map its sub-attributes");
    }
    if (target.type() == AttributeType.INTEGER || target.type() == AttributeType.DECIMAL) {
      throw new IllegalArgumentException("'" + path + "' is a number: only text and boolean attributes can be columns");
    }
  }

  /**
   * Looks the table and its columns up in the database's metadata and checks their types.
   *
   * @param tenant the one tenant whose users the table holds, or null with {@code tenantColumn}
   * @throws IllegalStateException naming what is missing or of the wrong type
   */
  public static HostTable open(
      Database db, String table, String id, String tenant, String tenantColumn, List<Mapping> mappings) {
    String[] where = db.transaction("read the user table's columns", c -> {
      DatabaseMetaData meta = c.getMetaData();
      String schema = null;
      String name = table;
      int dot = table.indexOf('.');
      if (dot > 0) {
        schema = table.substring(0, dot);
        name = table.substring(dot + 1);
      }
      String[] located = locate(meta, schema == null ? c.getSchema() : schema, schema != null, name);
      if (located == null) {
        throw new IllegalStateException("The user table " + table + " does not exist");
      }
      return new String[] {located[0], located[1], schema == null ? null : "qualified"};
    });
    String quotedTable = (where[2] == null ? "" : quote(where[0]) + ".") + quote(where[1]);
    Map<String, String[]> found =
        db.transaction("read the user table's columns", c -> columnsOf(c.getMetaData(), where[0], where[1]));
    String idSql = checked(found, table, id, "id", ValueType.TEXT).sql;
    String tenantSql = tenantColumn == null ? null : checked(found, table, tenantColumn, "tenant", ValueType.TEXT).sql;
    List<Column> columns = new ArrayList<>();
    for (Mapping m : mappings) {
      Checked ch = checked(found, table, m.column(), m.path(), m.valueType());
      columns.add(new Column(m, ch.sql, ch.zoned));
    }
    return new HostTable(quotedTable, idSql, tenant, tenantSql, columns);
  }

  private record Checked(String sql, boolean zoned) {}

  private static Checked checked(Map<String, String[]> found, String table, String column, String what, ValueType type) {
    String[] c = found.get(column.toLowerCase(Locale.ROOT));
    if (c == null) {
      throw new IllegalStateException("The user table " + table + " has no column " + column + " (for " + what + ")");
    }
    int jdbcType = Integer.parseInt(c[1]);
    String typeName = c[2].toLowerCase(Locale.ROOT);
    boolean fits = switch (type) {
      case TEXT -> jdbcType == Types.VARCHAR || jdbcType == Types.CHAR || jdbcType == Types.LONGVARCHAR
          || jdbcType == Types.NVARCHAR || jdbcType == Types.NCHAR || jdbcType == Types.LONGNVARCHAR
          || jdbcType == Types.CLOB || jdbcType == Types.NCLOB;
      case BOOLEAN -> jdbcType == Types.BOOLEAN || jdbcType == Types.BIT;
      case TIMESTAMP -> jdbcType == Types.TIMESTAMP || jdbcType == Types.TIMESTAMP_WITH_TIMEZONE;
    };
    if (!fits) {
      throw new IllegalStateException("The column " + column + " of " + table + " (for " + what + ") is "
          + c[2] + "; it needs " + switch (type) {
            case TEXT -> "a character type";
            case BOOLEAN -> "a boolean type";
            case TIMESTAMP -> "a timestamp type";
          });
    }
    boolean zoned = jdbcType == Types.TIMESTAMP_WITH_TIMEZONE || typeName.equals("timestamptz")
        || typeName.contains("with time zone");
    return new Checked(quote(c[0]), zoned);
  }

  /** The schema and name the database spells the table with, or null. */
  private static String[] locate(DatabaseMetaData meta, String schema, boolean schemaGiven, String name)
      throws SQLException {
    for (String s : spellings(schema)) {
      for (String n : spellings(name)) {
        try (ResultSet rs = meta.getTables(null, s, n, null)) {
          if (rs.next()) {
            return new String[] {rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME")};
          }
        }
      }
      if (!schemaGiven) {
        break; // an unqualified name is the connection's schema's table, however it is spelled
      }
    }
    return null;
  }

  private static List<String> spellings(String name) {
    List<String> out = new ArrayList<>(List.of(name));
    for (String s : List.of(name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT))) {
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  /** Every column of the table by its lower-case name: {name, JDBC type, type name}. */
  private static Map<String, String[]> columnsOf(DatabaseMetaData meta, String schema, String table) throws SQLException {
    Map<String, String[]> out = new HashMap<>();
    try (ResultSet rs = meta.getColumns(null, schema, table, null)) {
      while (rs.next()) {
        String name = rs.getString("COLUMN_NAME");
        out.putIfAbsent(name.toLowerCase(Locale.ROOT),
            new String[] {name, Integer.toString(rs.getInt("DATA_TYPE")), rs.getString("TYPE_NAME")});
      }
    }
    return out;
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  // ---- SQL -------------------------------------------------------------------------------------

  /** The table's quoted name. */
  String table() {
    return table;
  }

  /** The id column of {@code alias}. */
  String id(String alias) {
    return alias + "." + id;
  }

  /** The id column's quoted name, unqualified (for INSERT and UPDATE). */
  String idName() {
    return id;
  }

  /** The tenant column's quoted name, unqualified; null for a single-tenant table. */
  String tenantName() {
    return tenantColumn;
  }

  /** The mapped columns, in a fixed order. */
  List<Column> columns() {
    return columns;
  }

  /** A column of {@code alias}. */
  static String sql(String alias, Column c) {
    return alias + "." + c.sql();
  }

  /** Whether the table holds users of {@code ctx}'s tenant. */
  boolean serves(RequestContext ctx) {
    return tenant == null || tenant.equals(ctx.tenant());
  }

  /** The tenant of a single-tenant table, or null when a column tells. */
  String tenant() {
    return tenant;
  }

  /** The tenant column of {@code alias}, or null. */
  String tenantColumn(String alias) {
    return tenantColumn == null ? null : alias + "." + tenantColumn;
  }

  /** The condition that {@code alias}'s row belongs to {@code ctx}'s tenant. */
  Sql ofTenant(String alias, RequestContext ctx) {
    return tenantColumn == null ? Sql.TRUE : Sql.of(alias + "." + tenantColumn + " = ").param(ctx.tenant());
  }

  /**
   * The condition joining the host's row {@code u} to the row {@code r} of a table keyed by
   * tenant and id (the user's {@code scim_resource} row, or a membership's member).
   */
  String joins(String u, String rTenant, String rId) {
    return id(u) + " = " + rId + (tenantColumn == null ? "" : " AND " + tenantColumn(u) + " = " + rTenant);
  }

  /** The column holding {@code kind}, or null. */
  Column column(Kind kind) {
    for (Column c : columns) {
      if (c.kind() == kind) {
        return c;
      }
    }
    return null;
  }

  /** The column of the attribute a filter names, when it holds exactly that attribute. */
  Column columnOf(ResolvedAttribute a) {
    for (Column c : columns) {
      if ((c.kind() == Kind.ATTRIBUTE || c.kind() == Kind.SUB_ATTRIBUTE) && same(c.attribute(), a)
          && nameOrNull(c.attribute().subAttribute()).equals(nameOrNull(a.subAttribute()))) {
        return c;
      }
    }
    return null;
  }

  /**
   * Whether part of {@code a}'s value (or of the attribute it is a sub-attribute of) is in a column
   * without {@code a} being exactly that column: {@code name} when {@code name.givenName} is a
   * column, {@code emails.value} when {@code emails[type eq "work"].value} is. Only Java can
   * decide a condition on it, on the whole document.
   */
  boolean holdsPartOf(ResolvedAttribute a) {
    if (columnOf(a) != null) {
      return false;
    }
    for (Column c : columns) {
      if (c.attribute() != null && same(c.attribute(), a)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code a} is held in a column, whole or in part. */
  boolean holds(ResolvedAttribute a) {
    return columnOf(a) != null || holdsPartOf(a);
  }

  private static boolean same(ResolvedAttribute a, ResolvedAttribute b) {
    return a.schema().equals(b.schema()) && a.attribute().name().equals(b.attribute().name());
  }

  private static String nameOrNull(Attribute a) {
    return a == null ? "" : a.name();
  }

  // ---- documents -------------------------------------------------------------------------------

  /** Splits a document into the columns' values and the rest; {@code doc} is not changed. */
  Split split(ObjectNode doc) {
    ObjectNode rest = doc.deepCopy();
    Object[] values = new Object[columns.size()];
    boolean irregular = false;
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      if (c.kind() == Kind.CREATED || c.kind() == Kind.LAST_MODIFIED) {
        continue;
      }
      ObjectNode holder = holder(rest, c, false);
      if (holder == null) {
        // no element of the type is normal; anything else but an object where one belongs (a
        // bare "manager": "<id>", read as its value) is a value the column does not hold
        irregular |= c.kind() != Kind.TYPED_ELEMENT && !ScimValues.isAbsent(topValue(rest, c.attribute()));
        continue;
      }
      String field = c.attribute().target().name();
      JsonNode v = holder.get(field);
      Object value = c.valueType() == ValueType.BOOLEAN
          ? (v != null && v.isBoolean() ? v.booleanValue() : null)
          : (v != null && v.isTextual() ? v.textValue() : null);
      if (value == null) {
        irregular |= !ScimValues.isAbsent(v);
        continue;
      }
      values[i] = value;
      holder.remove(field);
      if (holder.isEmpty() && c.kind() != Kind.TYPED_ELEMENT) {
        removeEmpty(rest, c);
      }
    }
    return new Split(values, rest, irregular);
  }

  /**
   * The whole document: {@code rest} with the columns' values put back; {@code rest} is not
   * changed. A value goes where {@link #split} took it from, and an element selected by type that
   * is not there (a row the host wrote) is added at the end of its array.
   */
  ObjectNode merge(ObjectNode rest, Object[] values) {
    ObjectNode doc = rest.deepCopy();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      Object value = values[i];
      if (value == null || c.kind() == Kind.CREATED || c.kind() == Kind.LAST_MODIFIED) {
        continue;
      }
      ObjectNode holder = holder(doc, c, true);
      if (holder == null) {
        continue; // the attribute holds something else than an object: the document's value stays
      }
      String field = c.attribute().target().name();
      if (value instanceof Boolean b) {
        holder.put(field, b);
      } else {
        holder.put(field, (String) value);
      }
    }
    return doc;
  }

  /**
   * The object that holds (or, creating it, would hold) the column's value in {@code doc}: the
   * document, its extension object, its complex attribute, or the element selected by type. When
   * creating, an element of the type without the sub-attribute is found or appended; when not
   * creating, the first element of the type is returned.
   */
  private static ObjectNode holder(ObjectNode doc, Column c, boolean create) {
    ResolvedAttribute a = c.attribute();
    ObjectNode container = doc;
    if (a.extension()) {
      container = child(doc, a.schema(), create);
      if (container == null) {
        return null;
      }
    }
    return switch (c.kind()) {
      case ATTRIBUTE -> container;
      case SUB_ATTRIBUTE -> child(container, a.attribute().name(), create);
      case TYPED_ELEMENT -> element(container, a, c.mapping().elementType(), create);
      default -> null;
    };
  }

  /** The attribute's top-level value (or its extension's, if that is not an object). */
  private static JsonNode topValue(ObjectNode doc, ResolvedAttribute a) {
    JsonNode container = a.extension() ? doc.get(a.schema()) : doc;
    return container instanceof ObjectNode o ? o.get(a.attribute().name()) : container;
  }

  private static ObjectNode child(ObjectNode parent, String name, boolean create) {
    JsonNode v = parent.get(name);
    if (v instanceof ObjectNode o) {
      return o;
    }
    if (create && ScimValues.isAbsent(v)) {
      return parent.putObject(name);
    }
    return null;
  }

  private static ObjectNode element(ObjectNode container, ResolvedAttribute a, String type, boolean create) {
    String name = a.attribute().name();
    JsonNode v = container.get(name);
    ArrayNode array;
    if (v instanceof ArrayNode existing) {
      array = existing;
    } else if (create && ScimValues.isAbsent(v)) {
      array = container.putArray(name);
    } else {
      return null;
    }
    boolean caseExact = a.attribute().subAttribute("type").caseExact();
    String sub = a.subAttribute().name();
    for (JsonNode e : array) {
      if (e instanceof ObjectNode o && o.get("type") != null && o.get("type").isTextual()
          && sameType(o.get("type").textValue(), type, caseExact)) {
        if (!create) {
          return o;
        }
        if (!o.has(sub)) {
          return o;
        }
      }
    }
    if (!create) {
      return null;
    }
    ObjectNode added = array.addObject();
    added.put("type", type);
    return added;
  }

  private static boolean sameType(String actual, String wanted, boolean caseExact) {
    return caseExact ? actual.equals(wanted) : ScimValues.fold(actual).equals(ScimValues.fold(wanted));
  }

  /** Removes the object {@link #split} emptied: a complex attribute, then its extension. */
  private static void removeEmpty(ObjectNode rest, Column c) {
    ResolvedAttribute a = c.attribute();
    ObjectNode container = a.extension() && rest.get(a.schema()) instanceof ObjectNode o ? o : rest;
    if (c.kind() == Kind.SUB_ATTRIBUTE && container.get(a.attribute().name()) instanceof ObjectNode sub
        && sub.isEmpty()) {
      container.remove(a.attribute().name());
    }
    if (a.extension() && container.isEmpty()) {
      rest.remove(a.schema());
    }
  }

  // ---- values ----------------------------------------------------------------------------------

  /** Reads the columns' values from {@code rs}, starting at column {@code first}. */
  Object[] read(ResultSet rs, int first) throws SQLException {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      int at = first + i;
      values[i] = switch (c.valueType()) {
        case TEXT -> rs.getString(at);
        case BOOLEAN -> {
          boolean b = rs.getBoolean(at);
          yield rs.wasNull() ? null : b;
        }
        case TIMESTAMP -> c.zoned()
            ? toInstant(rs.getObject(at, OffsetDateTime.class))
            : toInstant(rs.getObject(at, LocalDateTime.class));
      };
    }
    return values;
  }

  private static Instant toInstant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static Instant toInstant(LocalDateTime t) {
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  /** Binds one column's value (a String, Boolean, Instant, or null). */
  static void bind(PreparedStatement ps, int index, Column c, Object value) throws SQLException {
    switch (c.valueType()) {
      case TEXT -> ps.setString(index, (String) value);
      case BOOLEAN -> ps.setObject(index, value, Types.BOOLEAN);
      case TIMESTAMP -> {
        Instant t = (Instant) value;
        if (t == null) {
          ps.setNull(index, c.zoned() ? Types.TIMESTAMP_WITH_TIMEZONE : Types.TIMESTAMP);
        } else if (c.zoned()) {
          ps.setObject(index, t.atOffset(ZoneOffset.UTC));
        } else {
          ps.setObject(index, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        }
      }
    }
  }

  @Override
  public String toString() {
    return "HostTable{" + table + '}';
  }
}
