package dev.scimkit.jaxrs.http.clients;

import static dev.scimkit.jaxrs.http.ScimAssertions.assertListResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.jaxrs.http.Reply;
import dev.scimkit.jaxrs.http.ScimHttpTest;
import org.junit.jupiter.api.Test;

/**
 * OneLogin: trailing {@code &} and {@code ?} on URLs, the non-standard schema URN {@code
 * urn:scim:schemas:core:2.0}, {@code application/json}, and updates with PUT.
 */
public abstract class OneLoginSuite extends ScimHttpTest {
  static final String JSON = "application/json";


  static String oneLoginUser(String userName, String givenName) {
    return """
        {"schemas":["urn:scim:schemas:core:2.0"],
         "userName":"%s","externalId":"ol-%s",
         "name":{"givenName":"%s","familyName":"Login"},
         "emails":[{"value":"%s","primary":true}],
         "active":true}
        """.formatted(userName, userName, givenName, userName);
  }

  @Test
  void create_withTheNonStandardSchemaUrnInApplicationJson() {
    String userName = unique("onelogin") + "@example.com";

    Reply r = http.post("/Users?", oneLoginUser(userName, "One"), "Content-Type", JSON);

    assertThat(r.status()).as("%s", r).isEqualTo(201);
    assertThat(r.json().path("userName").asText()).isEqualTo(userName);
    assertThat(r.json().path("schemas").toString()).contains("urn:ietf:params:scim:schemas:core:2.0:User");
    assertThat(r.json().path("name").path("givenName").asText()).isEqualTo("One");
  }

  @Test
  void lookups_withATrailingAmpersandOrQuestionMark() {
    String userName = unique("onelogin.trail") + "@example.com";
    String id = http.post("/Users", oneLoginUser(userName, "Trail"), "Content-Type", JSON).id();

    JsonNode byFilter =
        assertListResponse(http.get("/Users?filter=userName%20eq%20%22" + userName + "%22&", "Accept", JSON), 1, 1, 1);
    assertThat(byFilter.path("Resources").get(0).path("id").asText()).isEqualTo(id);
    assertListResponse(http.get("/Users?filter=userName+eq+%22" + userName + "%22&count=10&", "Accept", JSON), 1, 1, 1);
    assertThat(http.get("/Users?", "Accept", JSON).status()).isEqualTo(200);
    assertThat(http.get("/Users/" + id + "?", "Accept", JSON).status()).isEqualTo(200);
    assertThat(http.get("/Groups?&", "Accept", JSON).status()).isEqualTo(200);
  }

  @Test
  void update_withPutOfTheWholeUserInTheSameShape() {
    String userName = unique("onelogin.put") + "@example.com";
    String id = http.post("/Users", oneLoginUser(userName, "Before"), "Content-Type", JSON).id();

    Reply r = http.put("/Users/" + id + "?", oneLoginUser(userName, "After"), "Content-Type", JSON);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("name").path("givenName").asText()).isEqualTo("After");
    assertThat(http.get("/Users/" + id).json().path("name").path("givenName").asText()).isEqualTo("After");
  }

  @Test
  void deactivate_withPut() {
    String userName = unique("onelogin.off") + "@example.com";
    String id = http.post("/Users", oneLoginUser(userName, "Off"), "Content-Type", JSON).id();

    Reply r = http.put("/Users/" + id, oneLoginUser(userName, "Off").replace("\"active\":true", "\"active\":false"), "Content-Type", JSON);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("active").asBoolean(true)).isFalse();
  }

  @Test
  void groups_withTheNonStandardUrnAndPut() {
    String member = http.post("/Users", oneLoginUser(unique("onelogin.m") + "@example.com", "M"), "Content-Type", JSON).id();
    String displayName = unique("OneLogin Group");
    Reply created =
        http.post(
            "/Groups?",
            "{\"schemas\":[\"urn:scim:schemas:core:2.0\"],\"displayName\":\"" + displayName + "\",\"members\":[]}",
            "Content-Type", JSON);
    assertThat(created.status()).as("%s", created).isEqualTo(201);

    Reply replaced =
        http.put(
            "/Groups/" + created.id() + "?",
            "{\"schemas\":[\"urn:scim:schemas:core:2.0\"],\"displayName\":\"" + displayName + "\",\"members\":[{\"value\":\"" + member + "\"}]}",
            "Content-Type", JSON);

    assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
    assertThat(replaced.json().path("members").get(0).path("value").asText()).isEqualTo(member);
  }
}
