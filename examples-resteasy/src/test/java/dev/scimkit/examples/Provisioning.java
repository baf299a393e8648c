package dev.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What an identity provider does first with a new SCIM endpoint, checked step by step: create a
 * user, create a group, add the user to the group with PATCH, read both back, and find the user
 * by a filter (Entra ID's lookup before every create). The same as the one in {@code examples}
 * (modules do not share test code), so that every sample passes the same scenario.
 */
public final class Provisioning {
  private Provisioning() {}

  /** The user and the group created. */
  public record Provisioned(String userId, String groupId) {}

  /**
   * Runs the whole scenario against the SCIM base URL {@code scimUri}.
   *
   * @param scim a client for {@code scimUri}, with a token if the endpoint needs one
   */
  public static Provisioned provisionUserAndGroup(ScimClient scim, URI scimUri) {
    ScimClient.Reply user =
        scim.post(
                "/Users",
                """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName": "bjensen@example.com",
                 "externalId": "00u1bjensen",
                 "name": {"givenName": "Barbara", "familyName": "Jensen"},
                 "active": true}
                """)
            .expect(201);
    String userId = user.id();
    assertThat(user.location()).isEqualTo(scimUri + "/Users/" + userId);
    assertThat(user.contentType()).startsWith("application/scim+json");

    ScimClient.Reply group =
        scim.post(
                "/Groups",
                """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                 "displayName": "Admins"}
                """)
            .expect(201);
    String groupId = group.id();

    ScimClient.Reply added =
        scim.patch(
            "/Groups/" + groupId,
            """
            {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations": [{"op": "add", "path": "members", "value": [{"value": "%s"}]}]}
            """
                .formatted(userId));
    assertThat(added.status()).as("PATCH answer %s", added.body()).isIn(200, 204);

    JsonNode readGroup = scim.get("/Groups/" + groupId).expect(200).json();
    assertThat(readGroup.path("displayName").asText()).isEqualTo("Admins");
    assertThat(readGroup.path("members")).hasSize(1);
    assertThat(readGroup.path("members").get(0).path("value").asText()).isEqualTo(userId);

    JsonNode readUser = scim.get("/Users/" + userId).expect(200).json();
    assertThat(readUser.path("userName").asText()).isEqualTo("bjensen@example.com");
    assertThat(readUser.path("name").path("familyName").asText()).isEqualTo("Jensen");
    assertThat(readUser.path("groups")).hasSize(1);
    assertThat(readUser.path("groups").get(0).path("value").asText()).isEqualTo(groupId);
    assertThat(readUser.path("groups").get(0).path("display").asText()).isEqualTo("Admins");

    JsonNode found =
        scim.get("/Users?filter=" + encode("userName eq \"BJensen@Example.com\"")).expect(200).json();
    assertThat(found.path("totalResults").asInt()).isEqualTo(1);
    assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(userId);

    JsonNode byExternalId =
        scim.get("/Users?filter=" + encode("externalId eq \"00u1bjensen\"")).expect(200).json();
    assertThat(byExternalId.path("totalResults").asInt()).isEqualTo(1);

    JsonNode groupByName =
        scim.get("/Groups?filter=" + encode("displayName eq \"admins\"")).expect(200).json();
    assertThat(groupByName.path("Resources").get(0).path("id").asText()).isEqualTo(groupId);

    return new Provisioned(userId, groupId);
  }

  /** Percent-encodes a query parameter value. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
