package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.Fixtures.GROUP_SCHEMA;
import static dev.scimkit.jaxrs.http.Fixtures.USER_SCHEMA;
import static dev.scimkit.jaxrs.http.Fixtures.createGroup;
import static dev.scimkit.jaxrs.http.Fixtures.createUser;
import static dev.scimkit.jaxrs.http.Fixtures.group;
import static dev.scimkit.jaxrs.http.Fixtures.patch;
import static dev.scimkit.jaxrs.http.Fixtures.user;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertListResponse;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static dev.scimkit.jaxrs.http.ScimHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7644 create, read, replace, patch, delete and search of Users and Groups over HTTP. */
public abstract class CrudSuite extends ScimHttpTest {

  // ---- users -----------------------------------------------------------------------------------

  @Test
  void postUser_answers201WithLocationEtagAndTheResource() {
    String userName = unique("create") + "@example.com";
    Reply r = http.post("/Users", user(userName));

    assertThat(r.status()).as("%s", r).isEqualTo(201);
    JsonNode body = r.json();
    assertThat(body.path("id").asText()).isNotBlank();
    assertThat(body.path("userName").asText()).isEqualTo(userName);
    assertThat(body.path("schemas").toString()).contains(USER_SCHEMA);
    assertThat(body.path("meta").path("resourceType").asText()).isEqualTo("User");
    assertThat(r.header("Location"))
        .isEqualTo(body.path("meta").path("location").asText())
        .isEqualTo(http.base() + "/Users/" + body.path("id").asText());
    assertThat(r.header("ETag")).isEqualTo(body.path("meta").path("version").asText()).startsWith("W/\"");
  }

  @Test
  void getUser_byId_answersTheResourceWithItsEtag() {
    String userName = unique("get");
    String id = createUser(http, userName);

    Reply r = http.get("/Users/" + id);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.id()).isEqualTo(id);
    assertThat(r.json().path("userName").asText()).isEqualTo(userName);
    assertThat(r.json().path("name").path("givenName").asText()).isEqualTo("Ada");
    assertThat(r.header("ETag")).isEqualTo(r.json().path("meta").path("version").asText());
  }

  @Test
  void putUser_replacesTheWholeResource() {
    String userName = unique("put");
    String id = createUser(http, userName);
    String version = http.get("/Users/" + id).header("ETag");

    Reply r =
        http.put(
            "/Users/" + id,
            """
            {"schemas":["%s"],"userName":"%s","displayName":"Replaced","active":false}
            """.formatted(USER_SCHEMA, userName));

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("displayName").asText()).isEqualTo("Replaced");
    assertThat(r.json().path("active").asBoolean(true)).isFalse();
    assertThat(r.json().has("name")).as("name was left out of the PUT: %s", r).isFalse();
    assertThat(r.json().has("emails")).as("emails were left out of the PUT: %s", r).isFalse();
    assertThat(r.header("ETag")).isNotEqualTo(version).isEqualTo(r.json().path("meta").path("version").asText());
    assertThat(http.get("/Users/" + id).json().path("displayName").asText()).isEqualTo("Replaced");
  }

  @Test
  void patchUser_answers200WithTheChangedResource() {
    String id = createUser(http, unique("patch"));

    Reply r =
        http.patch(
            "/Users/" + id,
            patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Patched\"}"));

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.id()).isEqualTo(id);
    assertThat(r.json().path("displayName").asText()).isEqualTo("Patched");
    assertThat(r.json().path("name").path("givenName").asText()).isEqualTo("Ada");
    assertThat(r.header("ETag")).isEqualTo(r.json().path("meta").path("version").asText());
  }

  @Test
  void deleteUser_answers204_thenGetAndASecondDeleteAre404() {
    String id = createUser(http, unique("delete"));

    Reply deleted = http.delete("/Users/" + id);
    assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();

    assertScimError(http.get("/Users/" + id), 404, null);
    assertScimError(http.delete("/Users/" + id), 404, null);
  }

  @Test
  void getUsers0_isAPlain404ScimError() {
    Reply r = http.get("/Users/0");

    assertScimError(r, 404, null);
  }

  @Test
  void listUsers_filtersSortsPagesAndProjects() {
    String prefix = unique("list");
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      names.add(prefix + "-" + i);
      createUser(http, prefix + "-" + i);
    }
    String filter = form("userName sw \"" + prefix + "-\"");

    Reply r =
        http.get(
            "/Users?filter=" + filter
                + "&sortBy=userName&sortOrder=descending&startIndex=2&count=2&attributes=userName");

    JsonNode body = assertListResponse(r, 5, 2, 2);
    assertThat(body.path("Resources").get(0).path("userName").asText()).isEqualTo(names.get(3));
    assertThat(body.path("Resources").get(1).path("userName").asText()).isEqualTo(names.get(2));
    for (JsonNode resource : body.path("Resources")) {
      assertThat(resource.path("id").asText()).isNotBlank();
      assertThat(resource.has("emails")).as("attributes=userName: %s", resource).isFalse();
      assertThat(resource.has("name")).as("attributes=userName: %s", resource).isFalse();
    }

    Reply excluded = http.get("/Users?filter=" + filter + "&sortBy=userName&excludedAttributes=emails,name");
    JsonNode all = assertListResponse(excluded, 5, 1, 5);
    for (int i = 0; i < 5; i++) {
      JsonNode resource = all.path("Resources").get(i);
      assertThat(resource.path("userName").asText()).isEqualTo(names.get(i));
      assertThat(resource.has("emails")).isFalse();
      assertThat(resource.has("name")).isFalse();
      assertThat(resource.path("displayName").asText()).isEqualTo("Ada Lovelace");
    }
  }

  @Test
  void listUsers_withNoMatch_isAnEmptyListResponse() {
    Reply r = http.get("/Users?filter=" + form("userName eq \"" + unique("nobody") + "\""));

    JsonNode body = assertListResponse(r, 0, 1, 0);
    assertThat(body.path("Resources").size()).isZero();
  }

  @Test
  void searchUsersByPost_acceptsASearchRequest() {
    String prefix = unique("dotsearch");
    createUser(http, prefix + "-a");
    createUser(http, prefix + "-b");
    createUser(http, prefix + "-c");

    Reply r =
        http.post(
            "/Users/.search",
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
             "filter":"userName sw \\"%s\\"","sortBy":"userName","sortOrder":"descending",
             "attributes":["userName"],"startIndex":1,"count":2}
            """.formatted(prefix));

    JsonNode body = assertListResponse(r, 3, 1, 2);
    assertThat(body.path("Resources").get(0).path("userName").asText()).isEqualTo(prefix + "-c");
    assertThat(body.path("Resources").get(1).path("userName").asText()).isEqualTo(prefix + "-b");
    assertThat(body.path("Resources").get(0).has("emails")).isFalse();
  }

  @Test
  void searchAtTheRoot_findsEveryResourceType() {
    String displayName = unique("Root Search");
    String userId = createUser(http, unique("root"));
    http.patch(
        "/Users/" + userId,
        patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + displayName + "\"}"));
    String groupId = createGroup(http, displayName);

    Reply r =
        http.post(
            "/.search",
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
             "filter":"displayName eq \\"%s\\""}
            """.formatted(displayName));

    JsonNode body = assertListResponse(r, 2, 1, 2);
    List<String> ids = new ArrayList<>();
    body.path("Resources").forEach(n -> ids.add(n.path("id").asText()));
    assertThat(ids).containsExactlyInAnyOrder(userId, groupId);
  }

  // ---- groups ----------------------------------------------------------------------------------

  @Test
  void postGroup_withMembers_answers201AndTheMembers() {
    String alice = createUser(http, unique("member"));
    String bob = createUser(http, unique("member"));
    String displayName = unique("Engineering");

    Reply r = http.post("/Groups", group(displayName, alice, bob));

    assertThat(r.status()).as("%s", r).isEqualTo(201);
    assertThat(r.json().path("schemas").toString()).contains(GROUP_SCHEMA);
    assertThat(r.json().path("displayName").asText()).isEqualTo(displayName);
    assertThat(r.header("Location")).isEqualTo(http.base() + "/Groups/" + r.id());
    assertThat(r.header("ETag")).isEqualTo(r.json().path("meta").path("version").asText());
    assertThat(memberIds(r.json())).containsExactlyInAnyOrder(alice, bob);

    Reply read = http.get("/Groups/" + r.id());
    assertThat(read.status()).isEqualTo(200);
    assertThat(memberIds(read.json())).containsExactlyInAnyOrder(alice, bob);
    assertThat(http.get("/Users/" + alice).json().path("groups").get(0).path("value").asText())
        .isEqualTo(r.id());
  }

  @Test
  void getGroup_membersCarryTheirDisplayNames() {
    String ada = createUser(http, unique("display")); // displayName "Ada Lovelace"
    String plainName = unique("plain");
    Reply plain = http.post("/Users", "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"" + plainName + "\"}");
    assertThat(plain.status()).as("%s", plain).isEqualTo(201);
    String childName = unique("Child");
    String child = createGroup(http, childName);
    String parent = createGroup(http, unique("Parent"), ada, plain.id(), child);

    JsonNode members = http.get("/Groups/" + parent).json().path("members");

    assertThat(members).hasSize(3);
    assertThat(members.get(0).path("display").asText()).isEqualTo("Ada Lovelace");
    assertThat(members.get(1).path("display").asText()).as("no displayName: the userName").isEqualTo(plainName);
    assertThat(members.get(2).path("display").asText()).isEqualTo(childName);
    assertThat(members.get(2).path("type").asText()).isEqualTo("Group");
    assertThat(members.get(2).path("$ref").asText()).isEqualTo(http.base() + "/Groups/" + child);
    // the display name is the member's current one
    Reply renamed = http.patch("/Users/" + ada,
        patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Countess of Lovelace\"}"));
    assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
    assertThat(http.get("/Groups/" + parent).json().path("members").get(0).path("display").asText())
        .isEqualTo("Countess of Lovelace");
  }

  /**
   * RFC 7643 section 4.2: a member's {@code type} is a hint, like {@code $ref}; its {@code value}
   * is the reference. A member named with the wrong type is the resource its id names, and only an
   * id that names nothing is refused, with a message that says so.
   */
  @Test
  void postGroup_memberWithAWrongType_isTheResourceItsIdNames_andAnUnknownIdIsRefused() {
    String alice = createUser(http, unique("typed"));
    Reply created = http.post("/Groups", "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\""
        + unique("Typed") + "\",\"members\":[{\"value\":\"" + alice + "\",\"type\":\"Group\"}]}");
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    JsonNode member = http.get("/Groups/" + created.id()).json().path("members").get(0);
    assertThat(member.path("value").asText()).isEqualTo(alice);
    assertThat(member.path("type").asText()).isEqualTo("User");
    assertThat(member.path("$ref").asText()).isEqualTo(http.base() + "/Users/" + alice);

    String name = unique("Unknown");
    Reply refused = http.post("/Groups", "{\"schemas\":[\"" + GROUP_SCHEMA + "\"],\"displayName\":\"" + name
        + "\",\"members\":[{\"value\":\"no-such-id\",\"type\":\"User\"}]}");
    assertScimError(refused, 400, "invalidValue");
    assertThat(refused.json().path("detail").asText()).isEqualTo("member \"no-such-id\" does not exist");
    assertThat(http.get("/Groups?filter=" + form("displayName eq \"" + name + "\"")).json().path("totalResults").asInt())
        .isZero();
  }

  @Test
  void patchGroup_answers204WithoutAttributes() {
    String alice = createUser(http, unique("member"));
    String groupId = createGroup(http, unique("Patch204"));

    Reply r =
        http.patch(
            "/Groups/" + groupId,
            patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + alice + "\"}]}"));

    assertThat(r.status()).as("%s", r).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(memberIds(http.get("/Groups/" + groupId).json())).containsExactly(alice);
  }

  @Test
  void patchGroup_answers200WithTheGroupWhenAttributesAreAsked() {
    String alice = createUser(http, unique("member"));
    String groupId = createGroup(http, unique("Patch200"));

    Reply r =
        http.patch(
            "/Groups/" + groupId + "?attributes=members,displayName",
            patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + alice + "\"}]}"));

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.id()).isEqualTo(groupId);
    assertThat(memberIds(r.json())).containsExactly(alice);
    assertThat(r.header("ETag")).isNotNull();
  }

  @Test
  void putGroup_replacesDisplayNameAndMembers() {
    String alice = createUser(http, unique("member"));
    String bob = createUser(http, unique("member"));
    String groupId = createGroup(http, unique("PutGroup"), alice);
    String renamed = unique("Renamed");

    Reply r = http.put("/Groups/" + groupId, group(renamed, bob));

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("displayName").asText()).isEqualTo(renamed);
    assertThat(memberIds(r.json())).containsExactly(bob);
  }

  @Test
  void deleteGroup_answers204_thenGetAndASecondDeleteAre404() {
    String groupId = createGroup(http, unique("Doomed"));

    assertThat(http.delete("/Groups/" + groupId).status()).isEqualTo(204);
    assertScimError(http.get("/Groups/" + groupId), 404, null);
    assertScimError(http.delete("/Groups/" + groupId), 404, null);
  }

  @Test
  void listGroups_withExcludedMembers_leavesMembersOut() {
    String alice = createUser(http, unique("member"));
    String displayName = unique("Listed");
    String groupId = createGroup(http, displayName, alice);

    Reply r =
        http.get(
            "/Groups?excludedAttributes=members&filter=" + form("displayName eq \"" + displayName + "\""));

    JsonNode body = assertListResponse(r, 1, 1, 1);
    JsonNode found = body.path("Resources").get(0);
    assertThat(found.path("id").asText()).isEqualTo(groupId);
    assertThat(found.path("displayName").asText()).isEqualTo(displayName);
    assertThat(found.has("members")).isFalse();
  }

  @Test
  void deletingAUser_removesItFromItsGroups() {
    String alice = createUser(http, unique("member"));
    String bob = createUser(http, unique("member"));
    String groupId = createGroup(http, unique("Leavers"), alice, bob);

    assertThat(http.delete("/Users/" + alice).status()).isEqualTo(204);

    assertThat(memberIds(http.get("/Groups/" + groupId).json())).containsExactly(bob);
  }

  /** The member ids of a group body. */
  protected static List<String> memberIds(JsonNode group) {
    List<String> ids = new ArrayList<>();
    group.path("members").forEach(m -> ids.add(m.path("value").asText()));
    return ids;
  }
}
