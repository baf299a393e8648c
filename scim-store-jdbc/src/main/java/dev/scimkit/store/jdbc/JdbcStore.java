package dev.scimkit.store.jdbc;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.auth.TokenStore;
import dev.scimkit.core.event.EventOutbox;
import dev.scimkit.core.event.ProvisioningEvent;
import dev.scimkit.core.event.ProvisioningListener;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.core.store.TransactionMode;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.store.jdbc.internal.Database;
import dev.scimkit.store.jdbc.internal.HostTable;
import dev.scimkit.store.jdbc.internal.JdbcGroupStore;
import dev.scimkit.store.jdbc.internal.JdbcOutbox;
import dev.scimkit.store.jdbc.internal.JdbcResourceStore;
import dev.scimkit.store.jdbc.internal.MappedUserStore;
import dev.scimkit.store.jdbc.internal.Migrator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A production store on PostgreSQL 14+ or H2 2.x, for every resource type the engine serves, with
 * organisation tokens in the same database.
 *
 * <pre>{@code
 * HikariDataSource dataSource = new HikariDataSource(config); // the host's pool and driver
 * JdbcStore store = JdbcStore.builder(dataSource).build();     // creates or upgrades the schema
 * ScimEngine engine = ScimEngine.builder().storeProvider(store).build();
 * TokenStore tokens = store.tokenStore();
 * }</pre>
 *
 * <h2>What it guarantees</h2>
 *
 * <ul>
 *   <li><b>Schema.</b> {@link Builder#build()} creates the tables on an empty database and upgrades
 *       one made by an older Scimkit in place, applying versioned scripts recorded in {@code
 *       scim_schema_version}; instances starting together on PostgreSQL migrate once. Tables are
 *       created in the connection's default schema (set it with the JDBC URL, e.g. {@code
 *       currentSchema=scim} on PostgreSQL).
 *   <li><b>Uniqueness and versions</b> are the database's: {@code userName} and group {@code
 *       displayName} (and any other attribute with {@code uniqueness: server}) are unique per
 *       tenant ignoring case, by unique indexes, giving {@code 409 uniqueness}; a change naming a
 *       stale version is {@code 412} ({@code UPDATE … WHERE version = ?}). Each engine request is
 *       one transaction ({@link #transaction}), including its uniqueness and membership rows.
 *   <li><b>Membership</b> is a table indexed by group and by member: adding one member to a
 *       group of 100,000 is one locked row update and one insert, as for a group of ten. Foreign
 *       keys tie each row to its group and to its member, so no member outlives its resource;
 *       deleting a resource locks its row first and removes it from every group in the same
 *       transaction.
 *   <li><b>Search.</b> Filters are translated to parameterised SQL and sorted and paged there, with
 *       an exact {@code totalResults}; the results are exactly those of the core's {@link
 *       dev.scimkit.core.search.FilterEvaluator} and {@link dev.scimkit.core.search.Sorting}.
 *       Where SQL cannot decide exactly what Java would (text that Java folds differently from
 *       the database's locale, numbers beyond what both read alike, sorting by an attribute held
 *       only in the document, and on H2 anything inside the document), SQL narrows the candidates
 *       safely and Java decides.
 *   <li><b>Provisioning events</b> ({@link dev.scimkit.core.event}) are written to an outbox
 *       table in the request's own transaction and delivered after the commit by the engine's
 *       delivery thread: at least once, in order per resource, after a crash or from another
 *       instance. See {@link #startDelivery}.
 *   <li><b>Cursor paging</b> (RFC 9865) is keyset paging in SQL ({@link
 *       dev.scimkit.core.store.ResourceStore#keysetPaging()}): a page is {@code seq > ? ORDER BY
 *       seq LIMIT ?}, a seek on the index of the creation sequence, so the last page of a walk
 *       through a million users costs what the first does, and resources created or deleted
 *       during the walk do not shift it.
 *   <li><b>Failure.</b> While the database is unreachable every call fails with a {@link
 *       ScimException} of status {@code 503}; nothing is cached, so service resumes by itself when
 *       it returns. Database messages never reach clients.
 * </ul>
 *
 * <h2>Users in the host's own table</h2>
 *
 * <p>A host whose users already live in a table of its own keeps them there: {@link
 * Builder#userTable} maps SCIM attributes to that table's columns (see {@link UserTable}), and
 * the store keeps beside each row what SCIM needs and the table lacks. Groups, memberships,
 * tokens and events stay in Scimkit's tables of the same database, and every request is still
 * one transaction, so everything above holds for such users too.
 *
 * <pre>{@code
 * JdbcStore store = JdbcStore.builder(dataSource)
 *     .userTable(UserTable.named("users").id("id").column("userName", "email").tenant("acme").build())
 *     .build();
 * }</pre>
 *
 * <h2>The database</h2>
 *
 * <p>The host supplies the {@link DataSource} (a pool such as HikariCP) and its driver: this
 * artifact depends on no driver. On PostgreSQL, documents are {@code jsonb} (key order is restored
 * on reading; numbers written with an exponent come back in plain notation). On H2, run the
 * database embedded (the standalone server's default) with its default collation, not {@code
 * IGNORECASE}. Each engine request takes one connection for its unit of work and returns it, so
 * the pool should hold at least as many connections as requests run concurrently.
 *
 * <p>Instances are immutable and thread-safe. Any number of instances, in one process or many, may
 * share one database.
 */
public final class JdbcStore implements StoreProvider, EventOutbox {
  private final Database db;
  private final Clock clock;
  private final Map<String, ResourceStore> stores = new ConcurrentHashMap<>();
  private final JdbcTokenStore tokens;
  private final JdbcOutbox outbox;
  private final Set<JdbcOutbox.Delivery> deliveries = ConcurrentHashMap.newKeySet();
  private final HostTable users;
  private JdbcGroupStore firstGroups;

  private JdbcStore(Builder b, Database db, HostTable users) {
    this.db = db;
    this.users = users;
    this.clock = b.clock;
    this.tokens = new JdbcTokenStore(db);
    this.outbox = new JdbcOutbox(db, b.clock, b.eventRetention);
  }

  /** Starts a store on {@code dataSource}. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(requireNonNull(dataSource, "dataSource == null"));
  }

  /**
   * The store of {@code type}: a {@link dev.scimkit.core.store.GroupStore} when the type has
   * members. Called by the engine once per type.
   */
  @Override
  public ResourceStore storeFor(ResourceType type) {
    requireNonNull(type, "type == null");
    ResourceStore store = stores.computeIfAbsent(type.name(), name -> {
      if (type.hasMembers()) {
        return new JdbcGroupStore(db, type, clock, users);
      }
      if (users != null && HostTable.holds(type)) {
        return new MappedUserStore(db, type, clock, users);
      }
      return new JdbcResourceStore(db, type, clock);
    });
    linkGroups(store);
    return store;
  }

  /**
   * Has users read their groups with them, from the store of the first type with members (the
   * one the engine lists groups from); a type made later than its users is linked then.
   */
  private synchronized void linkGroups(ResourceStore made) {
    if (firstGroups == null && made instanceof JdbcGroupStore groups) {
      firstGroups = groups;
      stores.values().forEach(this::linkGroups);
    } else if (firstGroups != null && made instanceof JdbcResourceStore r && !(made instanceof JdbcGroupStore)) {
      r.readGroupsAheadFrom(firstGroups);
    }
  }

  /**
   * Removes what the store keeps of users that the host deleted from its {@link UserTable}
   * without SCIM: their rows in {@code scim_resource} and their group memberships, giving each of
   * their groups a new version, all in one transaction. Such users are never served or listed
   * as members anyway (every read joins the host's table), and their rows go one by one as reads
   * meet them; call this after deleting users in bulk, or now and then, to free their {@code
   * userName}s and have their groups' versions follow. Safe to call at any time and from any
   * instance.
   *
   * @return how many users it removed; 0 without a user table
   */
  public int purgeDeletedUsers() {
    if (users == null) {
      return 0;
    }
    return ((MappedUserStore) storeFor(Schemas.userType())).purgeDeleted();
  }

  /**
   * Runs {@code work} as one database transaction on one connection taken from the pool: every
   * call of this store's resource stores on this thread joins it, and it commits when {@code
   * work} returns (a {@link TransactionMode#READ_ONLY} unit reads in auto-commit instead). In a
   * writing unit, {@code get} locks the row it reads until the commit, so concurrent changes of
   * one resource queue rather than conflict. After a deadlock or a serialization failure the
   * whole unit is rolled back and run again, up to four times.
   */
  @Override
  public <T> T transaction(RequestContext ctx, TransactionMode mode, Supplier<T> work) {
    requireNonNull(ctx, "ctx == null");
    requireNonNull(mode, "mode == null");
    requireNonNull(work, "work == null");
    return db.unit(mode == TransactionMode.READ_WRITE, work);
  }

  /**
   * Writes provisioning events to the outbox table {@code scim_event}, in the unit of work open on
   * this thread (the engine calls it in the request's own transaction).
   */
  @Override
  public void append(List<ProvisioningEvent> events, RequestContext ctx) {
    requireNonNull(events, "events == null");
    requireNonNull(ctx, "ctx == null");
    outbox.append(events, ctx);
  }

  /**
   * Starts a thread that delivers the outbox's events to {@code consumers} (the engine calls it
   * when it is built with event listeners, and closes the handle in {@link
   * dev.scimkit.core.ScimEngine#close()}). Progress is kept per consumer name in {@code
   * scim_event_consumer}; an instance delivers to a consumer only while it holds that consumer's
   * lease, so instances do not deliver one event twice at the same time. A lease lasts 15 seconds
   * and is renewed with every event: after an instance dies, delivery to its consumers resumes
   * within that time, on another instance or on its restart; a listener call longer than that may
   * see another instance deliver the same event.
   */
  @Override
  public AutoCloseable startDelivery(Map<String, ProvisioningListener> consumers, Duration pollInterval) {
    requireNonNull(consumers, "consumers == null");
    requireNonNull(pollInterval, "pollInterval == null");
    JdbcOutbox.Delivery delivery = outbox.start(consumers, pollInterval);
    deliveries.add(delivery);
    return () -> {
      deliveries.remove(delivery);
      delivery.close();
    };
  }

  @Override
  public void wakeUp() {
    for (JdbcOutbox.Delivery d : deliveries) {
      d.wakeUp();
    }
  }

  /** The organisation tokens kept in the same database. */
  public TokenStore tokenStore() {
    return tokens;
  }

  /** The schema version this store's code creates and expects. */
  public static int schemaVersion() {
    return Migrator.CURRENT;
  }

  @Override
  public String toString() {
    return "JdbcStore{" + db.dialect() + '}';
  }

  /** Configures a {@link JdbcStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private Clock clock = Clock.systemUTC();
    private boolean migrate = true;
    private Duration eventRetention = Duration.ofDays(7);
    private UserTable userTable;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * The clock that stamps membership changes ({@code meta.lastModified} of a group); the engine
     * stamps every other change itself. Tests fix it. Defaults to the system clock in UTC.
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * How long delivered provisioning events stay in the outbox table before they are deleted
     * (events some listener has not had yet always stay). Default seven days.
     */
    public Builder eventRetention(Duration retention) {
      requireNonNull(retention, "retention == null");
      if (retention.isNegative()) {
        throw new IllegalArgumentException("retention < 0: " + retention);
      }
      this.eventRetention = retention;
      return this;
    }

    /**
     * Keeps users in a table the host already has, instead of Scimkit's own: see {@link
     * UserTable}. The table is looked up and its columns checked when the store is built.
     */
    public Builder userTable(UserTable table) {
      this.userTable = requireNonNull(table, "table == null");
      return this;
    }

    /**
     * Whether {@link #build()} creates or upgrades the schema (the default). Turn it off when a
     * deployment step migrates with a more privileged account; the store then expects the
     * schema to be current.
     */
    public Builder migrate(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * Connects to the database, checks it is PostgreSQL 14+ or H2 2.x, and (unless turned off)
     * brings its schema up to date.
     *
     * @throws ScimException 503 if the database cannot be reached
     * @throws IllegalStateException for an unsupported database, or one whose Scimkit schema is
     *     newer than this code, or a {@link #userTable} that is missing or lacks a column, or
     *     whose column has a type that cannot hold its attribute
     */
    public JdbcStore build() {
      Database db = Database.open(dataSource);
      Migrator migrator = new Migrator(db, clock);
      if (migrate) {
        migrator.migrate();
      } else if (migrator.currentVersion() != Migrator.CURRENT) {
        throw new IllegalStateException(
            "The database's Scimkit schema is version " + migrator.currentVersion() + ", not "
                + Migrator.CURRENT + "; migrate it first");
      }
      return new JdbcStore(this, db, userTable == null ? null : userTable.open(db));
    }
  }
}
