package dev.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.auth.StoredToken;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.GroupStore;
import dev.scimkit.core.store.Member;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.Filters;
import dev.scimkit.store.jdbc.internal.Database;
import dev.scimkit.store.jdbc.internal.Migrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A database made by an older Scimkit (schema version 1, before tokens and membership foreign
 * keys) upgrades in place when a current store opens it, and its data survives; membership rows
 * that name no resource, which version 1 could leave behind, are removed.
 */
abstract class MigrationContract {
  /** A fresh, empty database for each test. */
  abstract DataSource freshDatabase();

  abstract String documentParameter();

  /**
   * Extra columns version 1 wrote beside the document (PostgreSQL's search terms), as {@code ",
   * column"} and {@code ", value"}; none by default.
   */
  String[] extraColumns(String json) {
    return new String[] {"", ""};
  }

  @Test
  void schemaVersion1_withData_isUpgradedInPlace() throws Exception {
    DataSource ds = freshDatabase();
    new Migrator(Database.open(ds), Clock.systemUTC()).migrate(1);
    assertThat(version(ds)).isEqualTo(1);
    try (Connection c = ds.getConnection()) {
      // What version 1 wrote: a user and a group with that user as a member.
      insertResource(c, "User", "u1", "bjensen", null,
          "{\"schemas\":[\"" + Schemas.USER + "\"],\"userName\":\"BJensen\",\"emails\":[{\"type\":\"work\",\"value\":\"bjensen@example.com\"}]}");
      insertResource(c, "Group", "g1", null, "admins",
          "{\"schemas\":[\"" + Schemas.GROUP + "\"],\"displayName\":\"Admins\"}");
      insertResource(c, "Group", "g2", null, "sales",
          "{\"schemas\":[\"" + Schemas.GROUP + "\"],\"displayName\":\"Sales\"}");
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO scim_member (tenant, group_type, group_id, member_id, member_key, member_type)"
            + " VALUES ('acme', 'Group', 'g1', 'u1', 'u1', 'User')");
        // a member version 1 stored without a type
        s.executeUpdate("INSERT INTO scim_member (tenant, group_type, group_id, member_id, member_key, member_type)"
            + " VALUES ('acme', 'Group', 'g1', 'g2', 'g2', NULL)");
        // left behind by a delete that crashed or raced: a deleted member, a deleted group
        s.executeUpdate("INSERT INTO scim_member (tenant, group_type, group_id, member_id, member_key, member_type)"
            + " VALUES ('acme', 'Group', 'g1', 'gone', 'gone', 'User')");
        s.executeUpdate("INSERT INTO scim_member (tenant, group_type, group_id, member_id, member_key, member_type)"
            + " VALUES ('acme', 'Group', 'g-gone', 'u1', 'u1', 'User')");
      }
    }

    JdbcStore store = JdbcStore.builder(ds).build();

    assertThat(version(ds)).isEqualTo(JdbcStore.schemaVersion()).isEqualTo(6);
    RequestContext acme = RequestContext.of("acme");
    StoredResource user = store.storeFor(Schemas.userType()).get("u1", acme).orElseThrow();
    assertThat(user.document().get("userName").asText()).isEqualTo("BJensen");
    assertThat(user.version()).isEqualTo(3);
    assertThat(store.storeFor(Schemas.userType())
            .search(SearchRequest.of(Filters.parse("emails[type eq \"work\"].value eq \"BJENSEN@example.com\""), 10), acme)
            .resources())
        .extracting(StoredResource::id).containsExactly("u1");
    GroupStore groups = (GroupStore) store.storeFor(Schemas.groupType());
    assertThat(groups.members("g1", acme)).containsExactly(new Member("u1", "User", "BJensen"), new Member("g2", "Group", "Sales"));
    assertThat(memberRows(ds)).isEqualTo(2);
    assertThat(groups.groupsOf("u1", acme)).extracting(g -> g.display()).containsExactly("Admins");
    // What version 2 added works on the upgraded database.
    store.tokenStore().save(new StoredToken("t1", "acme", "h1", "", Instant.EPOCH, null, null));
    assertThat(store.tokenStore().list("acme")).hasSize(1);
    // And opening it again changes nothing.
    JdbcStore.builder(ds).build();
    assertThat(version(ds)).isEqualTo(6);
  }

  @Test
  void schemaVersion3_commandLineTokensOfTheStandaloneServer_areRetired() throws SQLException {
    DataSource ds = freshDatabase();
    new Migrator(Database.open(ds), Clock.systemUTC()).migrate(3);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      // as the standalone server before version 4 registered --token and --tenant secrets
      s.executeUpdate("INSERT INTO scim_token (id, tenant, hash, description, created_ns)"
          + " VALUES ('t1', 'default', 'h1', '--token', 0), ('t2', 'acme', 'h2', '--tenant acme', 0),"
          + " ('t3', 'acme', 'h3', 'Entra ID production', 0)");
    }
    JdbcStore store = JdbcStore.builder(ds).build();
    Instant now = Instant.now();
    assertThat(store.tokenStore().findByHash("h1").orElseThrow().isActive(now)).isFalse();
    assertThat(store.tokenStore().findByHash("h2").orElseThrow().isActive(now)).isFalse();
    assertThat(store.tokenStore().findByHash("h2").orElseThrow().revokedAt())
        .isBetween(now.minusSeconds(60), now.plusSeconds(1));
    assertThat(store.tokenStore().findByHash("h3").orElseThrow().isActive(now)).as("made by token create").isTrue();
  }

  @Test
  void aDatabaseFromANewerScimkit_isRefused() throws SQLException {
    DataSource ds = freshDatabase();
    JdbcStore.builder(ds).build();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO scim_schema_version (version, description, applied_ns) VALUES (99, 'future', 0)");
    }
    assertThatThrownBy(() -> JdbcStore.builder(ds).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("99");
  }

  @Test
  void migrateOff_onAnOldSchema_isRefused() {
    DataSource ds = freshDatabase();
    new Migrator(Database.open(ds), Clock.systemUTC()).migrate(1);
    assertThatThrownBy(() -> JdbcStore.builder(ds).migrate(false).build())
        .isInstanceOf(IllegalStateException.class);
  }

  private void insertResource(Connection c, String type, String id, String userNameKey, String displayNameKey,
      String json) throws SQLException, com.fasterxml.jackson.core.JsonProcessingException {
    String[] extra = extraColumns(json);
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO scim_resource (tenant, resource_type, id, version, created_ns, modified_ns, user_name_key,"
            + " display_name, display_name_key, external_id_key, document" + extra[0] + ")"
            + " VALUES ('acme', ?, ?, 3, 0, 0, ?, ?, ?, NULL, " + documentParameter() + extra[1] + ")")) {
      ps.setString(1, type);
      ps.setString(2, id);
      ps.setString(3, userNameKey);
      // version 1 kept a group's displayName beside the document, and nothing for a user
      ps.setString(4, displayNameKey == null ? null : new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(json).path("displayName").asText());
      ps.setString(5, displayNameKey);
      ps.setString(6, json);
      ps.executeUpdate();
    }
  }

  private static int memberRows(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM scim_member")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static int version(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(version) FROM scim_schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
