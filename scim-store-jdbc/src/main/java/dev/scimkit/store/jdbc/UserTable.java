package dev.scimkit.store.jdbc;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.RequestContext;
import dev.scimkit.store.jdbc.internal.HostTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A users table the host already has, for {@link JdbcStore.Builder#userTable}: SCIM users are
 * then rows of that table, while groups, memberships, tokens and events stay in Scimkit's own
 * tables of the same database, and every request is still one transaction over both.
 *
 * <pre>{@code
 * JdbcStore store = JdbcStore.builder(dataSource)
 *     .userTable(UserTable.named("users")
 *         .id("id")
 *         .column("userName", "email")
 *         .column("name.givenName", "first_name")
 *         .column("name.familyName", "last_name")
 *         .column("active", "active")
 *         .tenant("acme")
 *         .build())
 *     .build();
 * }</pre>
 *
 * <h2>The table</h2>
 *
 * <p>The id column holds text: the engine chooses the ids of users created over SCIM (random UUIDs
 * unless the engine is built with another id generator). A mapped column holds text for a text
 * attribute, a boolean for a boolean one, a timestamp for {@code meta.created} and {@code
 * meta.lastModified}. Columns that are not mapped need a default or must accept null: a user
 * created over SCIM gives them no value. Scimkit never changes the table's definition; names are
 * looked up in the database's metadata when the store is built, which fails naming anything
 * missing.
 *
 * <h2>What lives where</h2>
 *
 * <p>Each user has a row in Scimkit's own {@code scim_resource} table too, keyed by tenant and
 * id: its version, {@code meta.created} and {@code meta.lastModified}, its {@code userName}
 * folded to lower case under a unique index (so that {@code userName} is unique per tenant
 * ignoring case, whatever the host's table enforces), and, as JSON, every attribute the table has
 * no column for (phone numbers, the enterprise extension, ...). Group memberships refer to that
 * row, so a user leaves every group, in the same transaction, when it is deleted. A value that
 * does not fit its column (a number where text belongs) is kept there too, so that nothing a
 * client sends is lost.
 *
 * <h2>Rows the host writes itself</h2>
 *
 * <ul>
 *   <li><b>Inserted.</b> A row the host inserted is served like any other: the first read that
 *       meets it (a GET, a search whose filter it may match, the member check of a group change)
 *       writes its {@code scim_resource} row, with version 1 and {@code meta.created} taken from
 *       the {@code meta.created} column if one is mapped, else the time of that read; that time
 *       stays. Concurrent reads write one row. Users read without a filter come in the order the
 *       store first saw them, which paging clients rely on.
 *   <li><b>Deleted.</b> A row the host deleted is never served again, nor listed as a group's
 *       member: every read joins the host's table. Its {@code scim_resource} row (and its
 *       memberships, which give each group a new version) goes when a read by its id finds it
 *       gone, when a user with its {@code userName} or id is created, or at the latest when the
 *       host calls {@link JdbcStore#purgeDeletedUsers()}. To have a group's version and
 *       provisioning events follow at once, delete through SCIM ({@code ScimEngine.delete})
 *       instead.
 *   <li><b>Referred to.</b> A row that other tables of the host refer to with foreign keys
 *       cannot be deleted over SCIM unless those keys cascade: such a {@code DELETE} is answered
 *       {@code 409} and changes nothing; deactivating the user ({@code active} false) works as
 *       for any other.
 *   <li><b>Changed.</b> Changes to mapped columns are served at once and filters see them; they
 *       do not change the user's version or {@code meta.lastModified}, which follow changes made
 *       over SCIM only. Before a user is created or renamed over SCIM, the reservations of its
 *       {@code userName} are brought up to date with the table: a user the host renamed away
 *       from the name lets it go, and a row the host gave the name (renamed or inserted) takes
 *       it, so the claim is decided as if every name had been written over SCIM.
 * </ul>
 *
 * <h2>Tenants</h2>
 *
 * <p>Either the whole table belongs to one tenant ({@link Builder#tenant}): other tenants see no
 * users and cannot create any ({@code 403}); or a column names each row's tenant ({@link
 * Builder#tenantColumn}), and every statement is confined to the request's tenant.
 *
 * <h2>Search</h2>
 *
 * <p>Conditions on mapped columns ({@code eq}, {@code ne}, {@code co}, {@code sw}, {@code ew},
 * {@code gt}…, {@code pr}, with {@code and}, {@code or}, {@code not}) are translated to SQL with
 * bind parameters, comparing text ignoring case unless the attribute is case-exact; where the
 * database cannot fold case exactly as Java does (text outside ASCII on PostgreSQL) and for
 * attributes only partly in columns ({@code name} when {@code name.givenName} is mapped), SQL
 * narrows the rows and the core's {@code FilterEvaluator} decides. Conditions on attributes kept
 * as JSON are translated as for Scimkit's own users. Sorting by a mapped attribute happens in
 * Java. Comparisons that ignore case fold the column in SQL ({@code LOWER} on H2, {@code
 * scim_fold} on PostgreSQL), which an ordinary index on the column does not serve: such a lookup,
 * and the check of a new user's {@code userName} against the table, read the table's rows of the
 * tenant.
 *
 * <p>Instances are immutable.
 */
public final class UserTable {
  private final String table;
  private final String id;
  private final String tenant;
  private final String tenantColumn;
  private final List<HostTable.Mapping> mappings;

  private UserTable(Builder b) {
    this.table = b.table;
    this.id = b.id;
    this.tenant = b.tenant;
    this.tenantColumn = b.tenantColumn;
    this.mappings = List.copyOf(b.mappings);
  }

  /**
   * Starts the description of the table {@code table}: an unquoted SQL name, optionally after a
   * schema name and a dot ({@code app.users}); letter case is the database's.
   *
   * @throws IllegalArgumentException if it is not such a name
   */
  public static Builder named(String table) {
    requireNonNull(table, "table == null");
    return new Builder(HostTable.requireTableName(table));
  }

  /** Looks the table up in the database and checks its columns (when the store is built). */
  HostTable open(dev.scimkit.store.jdbc.internal.Database db) {
    return HostTable.open(db, table, id, tenant, tenantColumn, mappings);
  }

  @Override
  public String toString() {
    return "UserTable{" + table + '}';
  }

  /** Describes a {@link UserTable}. */
  public static final class Builder {
    private final String table;
    private String id;
    private String tenant;
    private String tenantColumn;
    private final List<HostTable.Mapping> mappings = new ArrayList<>();
    private final Set<String> paths = new HashSet<>();
    private final Set<String> columns = new HashSet<>();

    private Builder(String table) {
      this.table = table;
    }

    /**
     * The column holding the user's SCIM {@code id}, a text column unique within a tenant
     * (usually the primary key). Required.
     */
    public Builder id(String column) {
      requireNonNull(column, "column == null");
      this.id = claim(column);
      return this;
    }

    /**
     * Keeps a User attribute in a column. The path is one of:
     *
     * <ul>
     *   <li>a single-valued text or boolean attribute: {@code userName}, {@code displayName},
     *       {@code active}, {@code externalId}, {@code title}, or an extension attribute by its
     *       full name ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department});
     *   <li>a sub-attribute of a single-valued complex attribute: {@code name.givenName}, {@code
     *       name.familyName};
     *   <li>a sub-attribute of the first element of a type in a multi-valued attribute: {@code
     *       emails[type eq "work"].value}, {@code phoneNumbers[type eq "mobile"].value} (written
     *       back into that element, or as a new element of that type);
     *   <li>{@code meta.created}, {@code meta.lastModified}: timestamp columns, written when a user
     *       is created or changed over SCIM, and read when the store first meets a row the host
     *       inserted.
     * </ul>
     *
     * @param attributePath the SCIM attribute, as in a filter or a PATCH path
     * @param column an unquoted column name
     * @throws IllegalArgumentException if the path names no such attribute, or the path or the
     *     column is already mapped
     */
    public Builder column(String attributePath, String column) {
      requireNonNull(attributePath, "attributePath == null");
      requireNonNull(column, "column == null");
      HostTable.Mapping m = HostTable.mapping(attributePath, column);
      if (!paths.add(m.canonicalPath().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(attributePath + " is mapped twice");
      }
      claim(column);
      mappings.add(m);
      return this;
    }

    /**
     * All rows belong to {@code tenant} (the tenant a request's {@link RequestContext} names):
     * the common case of a table without a tenant column. Other tenants see no users and
     * cannot create any. Exactly one of this and {@link #tenantColumn} is required.
     */
    public Builder tenant(String tenant) {
      requireNonNull(tenant, "tenant == null");
      this.tenant = tenant;
      return this;
    }

    /**
     * Each row's tenant is in {@code column}, a text column: every statement is confined to the
     * request's tenant, and users created over SCIM get it. Exactly one of this and {@link
     * #tenant} is required.
     */
    public Builder tenantColumn(String column) {
      requireNonNull(column, "column == null");
      this.tenantColumn = claim(column);
      return this;
    }

    private String claim(String column) {
      HostTable.requireColumnName(column);
      if (!columns.add(column.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("the column " + column + " is mapped twice");
      }
      return column;
    }

    /**
     * The description; the table itself is checked when the store is built.
     *
     * @throws IllegalStateException without an id column, or without exactly one of {@link
     *     #tenant} and {@link #tenantColumn}
     */
    public UserTable build() {
      if (id == null) {
        throw new IllegalStateException("name the id column: id(column)");
      }
      if ((tenant == null) == (tenantColumn == null)) {
        throw new IllegalStateException(
            "say whose users the table holds: tenant(name) for one tenant, or tenantColumn(column)");
      }
      return new UserTable(this);
    }
  }
}
