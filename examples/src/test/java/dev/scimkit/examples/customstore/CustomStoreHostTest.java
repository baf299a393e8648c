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
    scim = ScimClient.at(host.scimUri()).withBearer(host.tokens().create("acme", "test").secret());
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
            c.prepareStatement(
                "SELECT org_id, email, first_name, last_name, active, external_id FROM app_user WHERE id = ?")) {
      ps.setString(1, done.userId());
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("org_id")).isEqualTo("acme");
        assertThat(rs.getString("email")).isEqualTo("bjensen@example.com");
        assertThat(rs.getString("first_name")).isEqualTo("Barbara");
        assertThat(rs.getString("last_name")).isEqualTo("Jensen");
        assertThat(rs.getBoolean("active")).isTrue();
        assertThat(rs.getString("external_id")).isEqualTo("00u1bjensen");
      }
    }
  }

  @Test
  void aUserTheHostCreatedItself_isVisibleOverScim_andCanBeDeactivated() throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO app_user (org_id, email, first_name, last_name, active) VALUES ('acme', ?, 'Ada', 'Lovelace', TRUE)")) {
      ps.setString(1, "ada@example.com");
      ps.executeUpdate();
    }

    JsonNode found = scim.get("/Users?filter=" + Provisioning.encode("userName eq \"ADA@example.com\"")).expect(200).json();
    assertThat(found.path("totalResults").asInt()).isEqualTo(1);
    JsonNode ada = found.path("Resources").get(0);
    assertThat(ada.path("name").path("familyName").asText()).isEqualTo("Lovelace");
    String id = ada.path("id").asText();

    scim.patch(
            "/Users/" + id,
            """
            {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations": [{"op": "replace", "path": "active", "value": false}]}
            """)
        .expect(200);
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT active, version FROM app_user WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean("active")).isFalse();
        assertThat(rs.getLong("version")).isEqualTo(2);
      }
    }
  }

  @Test
  void aTakenEmail_is409_whateverItsCase() {
    String user =
        """
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s"}
        """;
    scim.post("/Users", user.formatted("grace@example.com")).expect(201);

    JsonNode error = scim.post("/Users", user.formatted("Grace@Example.COM")).expect(409).json();
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
}
