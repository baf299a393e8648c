package dev.scimkit.examples.customstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.examples.Provisioning;
import dev.scimkit.examples.ScimClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomStoreHostTest {
  private JdbcConnectionPool db;
  private CustomStoreHost host;
  private ScimClient scim;

  @BeforeAll
  void start() {
    db = HostDatabase.open("jdbc:h2:mem:custom-store-host;DB_CLOSE_DELAY=-1");
    host = CustomStoreHost.start(db, "127.0.0.1", 0);
    scim = ScimClient.at(host.scimUri())
        .withBearer(host.tokens().create(UserTableStore.ORGANISATION, "test").secret());
  }

  @AfterAll
  void stop() {
    host.close();
    db.dispose();
  }

  @Test
  void provisionsAUserAndAGroup_theUserIsARowOfTheHostsTable() throws SQLException {
    Provisioning.Provisioned done = Provisioning.provisionUserAndGroup(scim, host.scimUri());

    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT email, first_name, last_name, active FROM users WHERE id = ?")) {
      ps.setString(1, done.userId());
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("email")).isEqualTo("bjensen@example.com");
        assertThat(rs.getString("first_name")).isEqualTo("Barbara");
        assertThat(rs.getString("last_name")).isEqualTo("Jensen");
        assertThat(rs.getBoolean("active")).isTrue();
      }
    }
  }

  @Test
  void aUserTheHostCreatedItself_isVisibleOverScim_andCanBeDeactivated() throws SQLException {
    execute("INSERT INTO users (id, email, first_name, last_name) VALUES ('ada', 'ada@example.com', 'Ada', 'Lovelace')");

    JsonNode found = scim.get("/Users?filter=" + Provisioning.encode("userName eq \"ADA@example.com\"")).expect(200).json();
    assertThat(found.path("totalResults").asInt()).isEqualTo(1);
    JsonNode ada = found.path("Resources").get(0);
    assertThat(ada.path("id").asText()).isEqualTo("ada");
    assertThat(ada.path("name").path("familyName").asText()).isEqualTo("Lovelace");
    assertThat(ada.path("meta").path("version").asText()).isEqualTo("W/\"1\"");
    String created = ada.path("meta").path("created").asText();

    scim.patch(
            "/Users/ada",
            """
            {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations": [{"op": "replace", "path": "active", "value": false}]}
            """)
        .expect(200);
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT active FROM users WHERE id = 'ada'");
        ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean("active")).isFalse();
    }
    JsonNode again = scim.get("/Users/ada").expect(200).json();
    assertThat(again.path("meta").path("created").asText()).isEqualTo(created);
    assertThat(again.path("meta").path("version").asText()).isEqualTo("W/\"2\"");
  }

  @Test
  void aUserTheHostDeletedItself_isGoneOverScim_andFromItsGroups() throws SQLException {
    String id = scim.post("/Users", user("leaver@example.com")).expect(201).id();
    String group = scim.post("/Groups", """
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Leavers",
         "members": [{"value": "%s"}]}
        """.formatted(id)).expect(201).id();

    execute("DELETE FROM users WHERE id = '" + id + "'");

    scim.get("/Users/" + id).expect(404);
    assertThat(scim.get("/Groups/" + group).expect(200).json().path("members").size()).isZero();
    scim.post("/Users", user("Leaver@Example.com")).expect(201);
  }

  @Test
  void aTakenEmail_is409_whateverItsCase() {
    scim.post("/Users", user("grace@example.com")).expect(201);

    JsonNode error = scim.post("/Users", user("Grace@Example.COM")).expect(409).json();
    assertThat(error.path("scimType").asText()).isEqualTo("uniqueness");
  }

  @Test
  void attributesBeyondTheColumns_areKept() {
    String id =
        scim.post(
                "/Users",
                """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName": "alan@example.com",
                 "phoneNumbers": [{"value": "+44 20 7946 0000", "type": "work"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Huts"}}
                """)
            .expect(201)
            .id();

    JsonNode alan = scim.get("/Users/" + id).expect(200).json();
    assertThat(alan.path("phoneNumbers").get(0).path("value").asText()).isEqualTo("+44 20 7946 0000");
    assertThat(alan.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").path("department").asText())
        .isEqualTo("Huts");
  }

  private static String user(String userName) {
    return """
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s"}
        """.formatted(userName);
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    }
  }
}
