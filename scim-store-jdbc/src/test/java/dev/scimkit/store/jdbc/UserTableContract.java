package dev.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.GroupStore;
import dev.scimkit.core.store.Member;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.SortOrder;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.Filters;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What a store over a host's users table does beyond the store contract: rows the host inserts,
 * deletes and changes itself, attributes without a column, columns for elements and instants, and
 * the checks made when the store is built. Each test has a table and a tenant of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UserTableContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private HikariDataSource dataSource;

  /** A pool on a new, empty database, for the whole class. */
  abstract HikariDataSource openDatabase();

  @BeforeAll
  void startDatabase() {
    dataSource = openDatabase();
  }

  @AfterAll
  void stopDatabase() {
    dataSource.close();
  }

  private DataSource dataSource() {
    return dataSource;
  }

  private String table;
  private RequestContext acme;
  private JdbcStore store;
  private ResourceStore users;
  private GroupStore groups;

  @BeforeEach
  void createTable() {
    int n = TABLES.incrementAndGet();
    table = "people_" + n;
    acme = RequestContext.of("acme-" + n);
    HostUserTables.createUsers(dataSource(), table);
    use(JdbcStore.builder(dataSource()).userTable(HostUserTables.users(table, acme.tenant())).build());
  }

  private void use(JdbcStore s) {
    store = s;
    users = store.storeFor(Schemas.userType());
    groups = (GroupStore) store.storeFor(Schemas.groupType());
  }

  /** Creates the table {@code name (columns)} and serves it as {@code table} describes it. */
  private void useTable(String name, String columns, UserTable.Builder table) {
    HostUserTables.execute(dataSource(), "CREATE TABLE " + name + " (" + columns + ")");
    use(JdbcStore.builder(dataSource()).userTable(table.tenant(acme.tenant()).build()).build());
  }

  // ---- rows the host inserted ------------------------------------------------------------------

  @Test
  void hostInsertedRow_isServedAsVersion1_withACreatedThatStays() throws Exception {
    Instant before = Instant.now();
    insert("h1", "ada@example.com", "Ada", "Lovelace", true);
    StoredResource first = users.get("h1", acme).orElseThrow();
    Instant after = Instant.now();

    assertThat(first.version()).isEqualTo(1);
    assertThat(first.created()).isBetween(before, after).isEqualTo(first.lastModified());
    ObjectNode expected = userDoc("ada@example.com");
    expected.putObject("name").put("givenName", "Ada").put("familyName", "Lovelace");
    assertThat(first.document()).isEqualTo(expected);
    Thread.sleep(5);
    assertThat(users.get("h1", acme)).contains(first);
    SearchResult found = users.search(SearchRequest.of(Filters.parse("userName eq \"ADA@example.com\""), 10), acme);
    assertThat(found.resources()).containsExactly(first);
  }

  @Test
  void hostInsertedRow_takesItsCreatedFromTheMappedColumn() {
    String stamped = table + "_stamped";
    useTable(stamped, "id VARCHAR(64) PRIMARY KEY, email VARCHAR(320) NOT NULL,"
            + " created_at TIMESTAMP WITH TIME ZONE, updated_at TIMESTAMP WITH TIME ZONE",
        UserTable.named(stamped).id("id").column("userName", "email")
            .column("meta.created", "created_at").column("meta.lastModified", "updated_at"));
    OffsetDateTime created = OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
    HostUserTables.execute(dataSource(), "INSERT INTO " + stamped + " (id, email, created_at, updated_at)"
        + " VALUES ('h1', 'ada@example.com', ?, ?)", created, created.plusDays(1));

    StoredResource ada = users.get("h1", acme).orElseThrow();
    assertThat(ada.created()).isEqualTo(created.toInstant());
    assertThat(ada.lastModified()).isEqualTo(created.plusDays(1).toInstant());

    // a change over SCIM writes the instants back into the host's columns
    StoredResource bob = users.create(
        new StoredResource("s1", 1, created.toInstant(), created.plusDays(2).toInstant(), userDoc("bob@example.com")), acme);
    assertThat(users.get(bob.id(), acme).orElseThrow().created()).isEqualTo(created.toInstant());
    assertThat(queryOne("SELECT updated_at FROM " + stamped + " WHERE id = 's1'", OffsetDateTime.class).toInstant())
        .isEqualTo(created.plusDays(2).toInstant());
  }

  @Test
  void hostInsertedRows_areFoundByFilters_andPagedInAStableOrder() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      expected.add(users.create(fresh("scim-" + i, userDoc("scim" + i + "@example.com")), acme).id());
    }
    for (int i = 0; i < 7; i++) {
      insert("host-" + i, "host" + i + "@example.com", "Host", "Number" + i, i % 2 == 0);
      expected.add("host-" + i);
    }

    assertThat(ids(users.search(SearchRequest.of(Filters.parse("userName sw \"HOST\""), 100), acme)))
        .containsExactly("host-0", "host-1", "host-2", "host-3", "host-4", "host-5", "host-6");
    assertThat(ids(users.search(SearchRequest.of(Filters.parse("name.familyName eq \"number3\""), 100), acme)))
        .containsExactly("host-3");
    assertThat(users.search(SearchRequest.of(Filters.parse("active eq false"), 100), acme).totalResults()).isEqualTo(3);
    for (int pass = 0; pass < 2; pass++) {
      List<String> seen = new ArrayList<>();
      for (int start = 1; start <= 10; start += 4) {
        SearchResult page = users.search(new SearchRequest(null, null, SortOrder.ASCENDING, start, 4), acme);
        assertThat(page.totalResults()).isEqualTo(10);
        seen.addAll(ids(page));
      }
      assertThat(seen).as("pass " + pass).containsExactlyElementsOf(expected);
    }
  }

  /** Sixteen first reads of a row the host inserted, at once: one created, one row beside it. */
  @Test
  @Timeout(120)
  void hostInsertedRow_readBySixteenThreadsAtOnce_isAdoptedOnce() throws Exception {
    for (int round = 0; round < 20; round++) {
      String id = "race-" + round;
      insert(id, id + "@example.com", null, null, true);
      List<StoredResource> seen = Collections.synchronizedList(new ArrayList<>());
      Race.race(16, thread -> seen.add(thread % 2 == 0
          ? users.get(id, acme).orElseThrow()
          : users.search(SearchRequest.of(Filters.parse("userName eq \"" + id + "@example.com\""), 1), acme)
              .resources().get(0)));
      assertThat(new HashSet<>(seen)).as("round " + round).hasSize(1);
      assertThat(queryOne("SELECT COUNT(*) FROM scim_resource WHERE tenant = '" + acme.tenant()
          + "' AND resource_type = 'User' AND id = '" + id + "'", Long.class)).isEqualTo(1L);
    }
  }

  @Test
  void hostInsertedRow_joinsAGroupOverScim_andIsDeletedOverScim() {
    ScimEngine engine = ScimEngine.builder().storeProvider(store).auditListener(e -> { }).build();
    insert("h1", "ada@example.com", "Ada", "Lovelace", true);
    ObjectNode group = JSON.createObjectNode();
    group.putArray("schemas").add(Schemas.GROUP);
    group.put("displayName", "Engineers");
    group.putArray("members").addObject().put("value", "h1");
    String groupId = engine.create("Group", group, acme, ResponseOptions.defaults()).id();
    assertThat(groups.members(groupId, acme)).containsExactly(new Member("h1", "User", "ada@example.com"));

    engine.delete("User", "h1", ResourceStore.ANY_VERSION, acme);
    assertThat(queryOne("SELECT COUNT(*) FROM " + table + " WHERE id = 'h1'", Long.class)).isZero();
    assertThat(groups.members(groupId, acme)).isEmpty();
  }

  // ---- rows the host deleted -------------------------------------------------------------------

  @Test
  void hostDeletedRow_isNeitherServedNorAMember_untilPurgedWithItsMemberships() {
    StoredResource gone = users.create(fresh("u1", userDoc("gone@example.com")), acme);
    StoredResource kept = users.create(fresh("u2", userDoc("kept@example.com")), acme);
    StoredResource group = groups.create(fresh("g1", groupDoc("Leavers")), acme);
    groups.addMembers(group.id(), List.of(new Member(gone.id(), "User"), new Member(kept.id(), "User")), acme);
    long version = groups.get(group.id(), acme).orElseThrow().version();

    HostUserTables.execute(dataSource(), "DELETE FROM " + table + " WHERE id = 'u1'");

    assertThat(ids(users.search(SearchRequest.of(null, 10), acme))).containsExactly(kept.id());
    assertThat(users.search(SearchRequest.of(Filters.parse("userName eq \"gone@example.com\""), 10), acme).totalResults()).isZero();
    assertThat(groups.members(group.id(), acme)).extracting(Member::value).containsExactly(kept.id());
    assertThat(groups.search(SearchRequest.of(Filters.parse("members[value eq \"u1\"]"), 10), acme).totalResults()).isZero();
    assertThat(groups.search(SearchRequest.of(Filters.parse("members[value eq \"u2\"]"), 10), acme).totalResults()).isEqualTo(1);

    assertThat(store.purgeDeletedUsers()).isEqualTo(1);
    assertThat(groups.get(group.id(), acme).orElseThrow().version()).isGreaterThan(version);
    assertThat(queryOne("SELECT COUNT(*) FROM scim_resource WHERE tenant = '" + acme.tenant()
        + "' AND resource_type = 'User' AND id = 'u1'", Long.class)).isZero();
    assertThat(store.purgeDeletedUsers()).isZero();
  }

  @Test
  void hostDeletedRow_goesWhenReadByItsId_andFreesItsUserName() {
    users.create(fresh("u1", userDoc("reuse@example.com")), acme);
    StoredResource other = users.create(fresh("u2", userDoc("other@example.com")), acme);
    HostUserTables.execute(dataSource(), "DELETE FROM " + table + " WHERE id IN ('u1', 'u2')");

    // the name of u1 is free for a new user at once; u2's row goes on its first read
    StoredResource again = users.create(fresh("u3", userDoc("REUSE@example.com")), acme);
    assertThat(users.get(again.id(), acme).orElseThrow().document().get("userName").asText()).isEqualTo("REUSE@example.com");
    assertThat(users.get(other.id(), acme)).isEmpty();
    assertThat(queryOne("SELECT COUNT(*) FROM scim_resource WHERE tenant = '" + acme.tenant()
        + "' AND resource_type = 'User'", Long.class)).isEqualTo(1L);
    assertThatThrownBy(() -> users.delete(other.id(), ResourceStore.ANY_VERSION, acme))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void aRowOtherTablesOfTheHostReferTo_is409OnDelete_andKeepsItsMemberships() {
    users.create(fresh("u1", userDoc("owner@example.com")), acme);
    StoredResource group = groups.create(fresh("g1", groupDoc("Owners")), acme);
    groups.addMembers(group.id(), List.of(new Member("u1", "User")), acme);
    HostUserTables.execute(dataSource(), "CREATE TABLE " + table + "_orders (id INT PRIMARY KEY,"
        + " owner VARCHAR(64) REFERENCES " + table + " (id))");
    HostUserTables.execute(dataSource(), "INSERT INTO " + table + "_orders (id, owner) VALUES (1, 'u1')");

    assertThatThrownBy(() -> users.delete("u1", ResourceStore.ANY_VERSION, acme))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThat(users.get("u1", acme)).isPresent();
    assertThat(groups.members(group.id(), acme)).extracting(Member::value).containsExactly("u1");
  }

  // ---- rows the host changed -------------------------------------------------------------------

  @Test
  void hostChangedRow_isServedAtOnce_andFoundByItsNewValues() {
    users.create(fresh("u1", userDoc("old@example.com")), acme);
    HostUserTables.execute(dataSource(), "UPDATE " + table + " SET email = 'new@example.com', active = FALSE WHERE id = 'u1'");

    StoredResource u1 = users.get("u1", acme).orElseThrow();
    assertThat(u1.document().get("userName").asText()).isEqualTo("new@example.com");
    assertThat(u1.document().get("active").asBoolean()).isFalse();
    assertThat(ids(users.search(SearchRequest.of(Filters.parse("userName eq \"NEW@example.com\" and active eq false"), 10), acme)))
        .containsExactly("u1");
    assertThat(users.search(SearchRequest.of(Filters.parse("userName eq \"old@example.com\""), 10), acme).totalResults()).isZero();
  }

  /**
   * A name is reserved by whichever row the host's table gives it now: the host renaming a user
   * frees the old name for others and keeps the new one from them, and a row the host inserted
   * holds its name before anyone has read it.
   */
  @Test
  void userNamesTheHostGaveOrTookAway_areReservedAsTheTableSaysNow() {
    users.create(fresh("u1", userDoc("old@example.com")), acme);
    HostUserTables.execute(dataSource(), "UPDATE " + table + " SET email = 'new@example.com' WHERE id = 'u1'");
    insert("h1", "host@example.com", null, null, true);

    StoredResource u2 = users.create(fresh("u2", userDoc("OLD@example.com")), acme);
    for (String taken : List.of("New@Example.com", "HOST@example.com")) {
      assertThatThrownBy(() -> users.create(fresh("u3", userDoc(taken)), acme))
          .as(taken).isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(409));
      assertThatThrownBy(() -> users.replace(u2.withChange(1, u2.lastModified(), userDoc(taken)), u2.version(), acme))
          .as(taken).isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(409));
    }
    assertThat(ids(users.search(SearchRequest.of(null, 10), acme))).containsExactlyInAnyOrder("u1", "u2", "h1");
  }

  // ---- columns and the rest --------------------------------------------------------------------

  @Test
  void attributesWithoutAColumn_areKeptBesideTheRow_whichHoldsTheMappedOnes() {
    ObjectNode doc = userDoc("bjensen@example.com");
    doc.putObject("name").put("givenName", "Barbara").put("familyName", "Jensen").put("formatted", "Ms. Barbara Jensen");
    doc.putArray("phoneNumbers").addObject().put("value", "+1 (555) 555-5555").put("type", "work");
    doc.withArray("schemas").add(ENTERPRISE);
    doc.putObject(ENTERPRISE).put("department", "Tour Operations");
    users.create(fresh("u1", doc), acme);

    assertThat(users.get("u1", acme).orElseThrow().document()).isEqualTo(doc);
    assertThat(queryOne("SELECT email || '|' || first_name || '|' || last_name || '|' || CAST(active AS VARCHAR(5)) FROM "
        + table + " WHERE id = 'u1'", String.class).toLowerCase()).isEqualTo("bjensen@example.com|barbara|jensen|true");
    String beside = queryOne("SELECT CAST(document AS VARCHAR(10000)) FROM scim_resource WHERE tenant = '"
        + acme.tenant() + "' AND id = 'u1'", String.class);
    assertThat(beside).contains("+1 (555) 555-5555", "Tour Operations", "Ms. Barbara Jensen")
        .doesNotContain("bjensen@example.com", "\"Barbara\"", "\"Jensen\"");
  }

  @Test
  void elementColumn_holdsTheWorkEmail_andARowTheHostInsertedGetsOneElement() {
    String wide = table + "_wide";
    useTable(wide, "id VARCHAR(64) PRIMARY KEY, login VARCHAR(320) NOT NULL, work_email VARCHAR(320)",
        UserTable.named(wide).id("id").column("userName", "login").column("emails[type eq \"work\"].value", "work_email"));
    ObjectNode doc = userDoc("bjensen");
    doc.putArray("emails").add(JSON.createObjectNode().put("value", "babs@home.example").put("type", "home"))
        .add(JSON.createObjectNode().put("value", "bjensen@example.com").put("type", "Work").put("primary", true));
    users.create(fresh("u1", doc), acme);
    assertThat(queryOne("SELECT work_email FROM " + wide + " WHERE id = 'u1'", String.class)).isEqualTo("bjensen@example.com");
    assertThat(users.get("u1", acme).orElseThrow().document()).isEqualTo(doc);

    HostUserTables.execute(dataSource(), "INSERT INTO " + wide + " (id, login, work_email) VALUES ('h1', 'ada', 'ada@example.com')");
    ObjectNode ada = userDoc("ada");
    ada.remove("active");
    ada.putArray("emails").addObject().put("value", "ada@example.com").put("type", "work");
    assertThat(users.get("h1", acme).orElseThrow().document()).isEqualTo(ada);
    assertThat(ids(users.search(SearchRequest.of(Filters.parse("emails[type eq \"work\" and value eq \"ADA@example.com\"]"), 10), acme)))
        .containsExactly("h1");
  }

  @Test
  void aValueThatDoesNotFitItsColumn_isKeptBesideTheRow_andStillFound() {
    ObjectNode doc = userDoc("odd@example.com");
    doc.put("active", "sometimes");
    users.create(fresh("u1", doc), acme);
    assertThat(users.get("u1", acme).orElseThrow().document()).isEqualTo(doc);
    assertThat(queryOne("SELECT COUNT(*) FROM " + table + " WHERE id = 'u1' AND active IS NULL", Long.class)).isEqualTo(1L);
    assertThat(ids(users.search(SearchRequest.of(Filters.parse("active pr"), 10), acme))).containsExactly("u1");
  }

  @Test
  void aTakenUserName_is409_whateverItsCase_andChangesNeitherTable() {
    users.create(fresh("u1", userDoc("grace@example.com")), acme);
    assertThatThrownBy(() -> users.create(fresh("u2", userDoc("Grace@Example.COM")), acme))
        .isInstanceOfSatisfying(ScimException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.scimType()).isEqualTo(ScimType.UNIQUENESS);
        });
    assertThat(queryOne("SELECT COUNT(*) FROM " + table, Long.class)).isEqualTo(1L);
  }

  @Test
  void theHostsOwnUniqueConstraint_is409TooAndChangesNothing() {
    HostUserTables.execute(dataSource(), "INSERT INTO " + table + " (id, email) VALUES ('taken', 'x@example.com')");
    assertThatThrownBy(() -> users.create(fresh("taken", userDoc("y@example.com")), acme))
        .isInstanceOfSatisfying(ScimException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.detail()).contains("id taken already exists");
        });
    assertThat(users.search(SearchRequest.of(Filters.parse("userName eq \"y@example.com\""), 10), acme).totalResults()).isZero();
  }

  @Test
  void aRequiredColumnTheDocumentLeavesEmpty_is400() {
    ObjectNode doc = userDoc("someone@example.com");
    StoredResource u = users.create(fresh("u1", doc), acme);
    ObjectNode nameless = doc.deepCopy();
    nameless.put("userName", 42); // kept beside the row: the email column would be null
    assertThatThrownBy(() -> users.replace(u.withChange(1, u.lastModified(), nameless), u.version(), acme))
        .isInstanceOfSatisfying(ScimException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
        });
    assertThat(users.get("u1", acme)).contains(u);
  }

  // ---- building --------------------------------------------------------------------------------

  @Test
  void building_namesAMissingTable_aMissingColumn_andAColumnOfTheWrongType() {
    assertThatThrownBy(() -> JdbcStore.builder(dataSource())
            .userTable(UserTable.named("no_such_table").id("id").tenant("t").build()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no_such_table does not exist");
    assertThatThrownBy(() -> JdbcStore.builder(dataSource())
            .userTable(UserTable.named(table).id("id").column("title", "job_title").tenant("t").build()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no column job_title (for title)");
    assertThatThrownBy(() -> JdbcStore.builder(dataSource())
            .userTable(UserTable.named(table).id("id").column("active", "email").tenant("t").build()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("column email").hasMessageContaining("boolean");
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private void insert(String id, String email, String first, String last, Boolean active) {
    HostUserTables.execute(dataSource(), "INSERT INTO " + table + " (id, email, first_name, last_name, active)"
        + " VALUES (?, ?, ?, ?, ?)", id, email, first, last, active);
  }

  private <T> T queryOne(String sql, Class<T> type) {
    try (Connection c = dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getObject(1, type);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static ObjectNode userDoc(String userName) {
    ObjectNode doc = JSON.createObjectNode();
    doc.putArray("schemas").add(Schemas.USER);
    doc.put("userName", userName);
    doc.put("active", true);
    return doc;
  }

  private static ObjectNode groupDoc(String displayName) {
    ObjectNode doc = JSON.createObjectNode();
    doc.putArray("schemas").add(Schemas.GROUP);
    doc.put("displayName", displayName);
    return doc;
  }

  private static StoredResource fresh(String id, ObjectNode doc) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new StoredResource(id, 1, t, t, doc);
  }

  private static List<String> ids(SearchResult result) {
    return result.resources().stream().map(StoredResource::id).toList();
  }
}
