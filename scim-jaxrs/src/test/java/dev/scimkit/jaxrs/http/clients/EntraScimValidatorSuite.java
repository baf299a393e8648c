package dev.scimkit.jaxrs.http.clients;

import static dev.scimkit.jaxrs.http.Fixtures.PATCH_OP;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertListResponse;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.jaxrs.http.Reply;
import dev.scimkit.jaxrs.http.ScimHttpTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Microsoft Entra SCIM Validator's user and group tests: create, duplicate, filter in
 * another case, filter by externalId, paging, PATCH, replace members, get by id, delete.
 */
public abstract class EntraScimValidatorSuite extends ScimHttpTest {


  static String validatorUser(String userName, String externalId) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "userName":"%s","externalId":"%s","active":true,"displayName":"Validator User",
         "title":"Tester","preferredLanguage":"en-US",
         "name":{"givenName":"Val","familyName":"Idator","formatted":"Val Idator"},
         "emails":[{"type":"work","value":"%s","primary":true}],
         "phoneNumbers":[{"type":"work","value":"425-555-0100"},{"type":"mobile","value":"425-555-0101"}],
         "addresses":[{"type":"work","streetAddress":"1 Main St","locality":"Redmond","region":"WA",
                       "postalCode":"98052","country":"US","primary":true}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{
           "employeeNumber":"V-1","department":"QA","costCenter":"CC1","organization":"Contoso",
           "division":"Cloud"}}
        """.formatted(userName, externalId, userName);
  }

  static String validatorGroup(String displayName, String externalId) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
         "displayName":"%s","externalId":"%s"}
        """.formatted(displayName, externalId);
  }

  static String patch(String... operations) {
    return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + String.join(",", operations) + "]}";
  }

  // ---- users -----------------------------------------------------------------------------------

  @Test
  void user_createThenDuplicate() {
    String userName = unique("validator") + "@contoso.com";

    Reply created = http.post("/Users", validatorUser(userName, UUID.randomUUID().toString()));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.header("Location")).isNotBlank();
    assertThat(created.id()).isNotBlank();

    Reply duplicate = http.post("/Users", validatorUser(userName, UUID.randomUUID().toString()));
    assertScimError(duplicate, 409, "uniqueness");
  }

  @Test
  void user_filterByUserNameInADifferentCase() {
    String userName = unique("Validator.Case") + "@Contoso.com";
    String id = http.post("/Users", validatorUser(userName, UUID.randomUUID().toString())).id();

    for (String variant : List.of(userName.toUpperCase(Locale.ROOT), userName.toLowerCase(Locale.ROOT))) {
      Reply r = http.get("/Users?filter=userName+eq+%22" + variant + "%22");
      JsonNode page = assertListResponse(r, 1, 1, 1);
      assertThat(page.path("Resources").get(0).path("id").asText()).isEqualTo(id);
      assertThat(page.path("Resources").get(0).path("userName").asText()).as("stored as sent").isEqualTo(userName);
    }
  }

  @Test
  void user_filterByExternalId() {
    String externalId = UUID.randomUUID().toString();
    String id = http.post("/Users", validatorUser(unique("validator.ext") + "@contoso.com", externalId)).id();

    JsonNode page = assertListResponse(http.get("/Users?filter=externalId+eq+%22" + externalId + "%22"), 1, 1, 1);

    assertThat(page.path("Resources").get(0).path("id").asText()).isEqualTo(id);
  }

  @Test
  void user_pagingWithStartIndexAndCount5() {
    String prefix = unique("validator.page");
    for (int i = 0; i < 12; i++) {
      http.post("/Users", validatorUser(prefix + "." + i + "@contoso.com", UUID.randomUUID().toString()));
    }
    String filter = "filter=userName+sw+%22" + prefix + ".%22";
    Set<String> seen = new HashSet<>();

    JsonNode first = assertListResponse(http.get("/Users?" + filter + "&startIndex=1&count=5"), 12, 1, 5);
    JsonNode second = assertListResponse(http.get("/Users?" + filter + "&startIndex=6&count=5"), 12, 6, 5);
    JsonNode third = assertListResponse(http.get("/Users?" + filter + "&startIndex=11&count=5"), 12, 11, 2);
    for (JsonNode page : List.of(first, second, third)) {
      page.path("Resources").forEach(u -> assertThat(seen.add(u.path("id").asText())).as("no repeats").isTrue());
    }
    assertThat(seen).hasSize(12);

    // the Validator's unfiltered paging
    Reply unfiltered = http.get("/Users?startIndex=3&count=5");
    assertThat(unfiltered.json().path("startIndex").asInt()).isEqualTo(3);
    assertThat(unfiltered.json().path("itemsPerPage").asInt()).isEqualTo(5);
    assertThat(unfiltered.json().path("totalResults").asInt()).isGreaterThanOrEqualTo(12);
  }

  @Test
  void user_patchReplaceAttributes() {
    String userName = unique("validator.patch") + "@contoso.com";
    String id = http.post("/Users", validatorUser(userName, UUID.randomUUID().toString())).id();

    Reply r =
        http.patch(
            "/Users/" + id,
            patch(
                "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Patched Validator\"}",
                "{\"op\":\"replace\",\"path\":\"name.familyName\",\"value\":\"Patched\"}",
                "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"patched@contoso.com\"}",
                "{\"op\":\"replace\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].value\",\"value\":\"425-555-0199\"}",
                "{\"op\":\"replace\",\"path\":\"addresses[type eq \\\"work\\\"].locality\",\"value\":\"Bellevue\"}",
                "{\"op\":\"replace\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department\",\"value\":\"Dev\"}",
                "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"));

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonNode user = http.get("/Users/" + id).json();
    assertThat(user.path("displayName").asText()).isEqualTo("Patched Validator");
    assertThat(user.path("name").path("familyName").asText()).isEqualTo("Patched");
    assertThat(user.path("name").path("givenName").asText()).isEqualTo("Val");
    assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("patched@contoso.com");
    List<String> phones = new ArrayList<>();
    user.path("phoneNumbers").forEach(p -> phones.add(p.path("type").asText() + "=" + p.path("value").asText()));
    assertThat(phones).containsExactlyInAnyOrder("work=425-555-0100", "mobile=425-555-0199");
    assertThat(user.path("addresses").get(0).path("locality").asText()).isEqualTo("Bellevue");
    assertThat(user.path("addresses").get(0).path("region").asText()).isEqualTo("WA");
    assertThat(user.path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").path("department").asText())
        .isEqualTo("Dev");
    assertThat(user.path("active").asBoolean(true)).isFalse();
  }

  @Test
  void user_getByIdThenDelete() {
    String userName = unique("validator.get") + "@contoso.com";
    String id = http.post("/Users", validatorUser(userName, UUID.randomUUID().toString())).id();

    Reply read = http.get("/Users/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("userName").asText()).isEqualTo(userName);
    assertThat(read.json().path("phoneNumbers").get(0).path("value").asText()).isEqualTo("425-555-0100");

    assertThat(http.delete("/Users/" + id).status()).isEqualTo(204);
    assertScimError(http.get("/Users/" + id), 404, null);
    assertListResponse(http.get("/Users?filter=userName+eq+%22" + userName + "%22"), 0, 1, 0);
  }

  // ---- groups ----------------------------------------------------------------------------------

  @Test
  void group_createThenDuplicate() {
    String displayName = unique("ValidatorGroup");

    Reply created = http.post("/Groups", validatorGroup(displayName, UUID.randomUUID().toString()));
    assertThat(created.status()).as("%s", created).isEqualTo(201);

    assertScimError(http.post("/Groups", validatorGroup(displayName, UUID.randomUUID().toString())), 409, "uniqueness");
    assertScimError(
        http.post("/Groups", validatorGroup(displayName.toUpperCase(Locale.ROOT), UUID.randomUUID().toString())),
        409,
        "uniqueness");
  }

  @Test
  void group_filterByDisplayNameInADifferentCaseAndByExternalId() {
    String displayName = unique("ValidatorCase");
    String externalId = UUID.randomUUID().toString();
    String id = http.post("/Groups", validatorGroup(displayName, externalId)).id();

    JsonNode byName =
        assertListResponse(
            http.get("/Groups?excludedAttributes=members&filter=displayName+eq+%22" + displayName.toLowerCase(Locale.ROOT) + "%22"),
            1, 1, 1);
    assertThat(byName.path("Resources").get(0).path("id").asText()).isEqualTo(id);
    JsonNode byExternal =
        assertListResponse(http.get("/Groups?filter=externalId+eq+%22" + externalId + "%22"), 1, 1, 1);
    assertThat(byExternal.path("Resources").get(0).path("id").asText()).isEqualTo(id);
  }

  @Test
  void group_replaceMembersThenReplaceWithEmpty() {
    String a = http.post("/Users", validatorUser(unique("vg.a") + "@contoso.com", UUID.randomUUID().toString())).id();
    String b = http.post("/Users", validatorUser(unique("vg.b") + "@contoso.com", UUID.randomUUID().toString())).id();
    String c = http.post("/Users", validatorUser(unique("vg.c") + "@contoso.com", UUID.randomUUID().toString())).id();
    String groupId = http.post("/Groups", validatorGroup(unique("ValidatorMembers"), UUID.randomUUID().toString())).id();
    http.patch("/Groups/" + groupId, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + a + "\"}]}"));

    Reply replaced =
        http.patch(
            "/Groups/" + groupId,
            patch("{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"" + b + "\"},{\"value\":\"" + c + "\"}]}"));
    assertThat(replaced.status()).as("%s", replaced).isEqualTo(204);
    assertThat(members(groupId)).containsExactlyInAnyOrder(b, c);

    Reply emptied = http.patch("/Groups/" + groupId, patch("{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}"));
    assertThat(emptied.status()).as("%s", emptied).isEqualTo(204);
    assertThat(members(groupId)).isEmpty();
  }

  @Test
  void group_patchDisplayNameGetByIdThenDelete() {
    String groupId = http.post("/Groups", validatorGroup(unique("ValidatorGet"), UUID.randomUUID().toString())).id();
    String renamed = unique("ValidatorRenamed");

    Reply patched = http.patch("/Groups/" + groupId, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + renamed + "\"}"));
    assertThat(patched.status()).isEqualTo(204);

    Reply read = http.get("/Groups/" + groupId + "?excludedAttributes=members");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("displayName").asText()).isEqualTo(renamed);

    assertThat(http.delete("/Groups/" + groupId).status()).isEqualTo(204);
    assertScimError(http.get("/Groups/" + groupId), 404, null);
  }

  private List<String> members(String groupId) {
    List<String> ids = new ArrayList<>();
    http.get("/Groups/" + groupId).json().path("members").forEach(m -> ids.add(m.path("value").asText()));
    return ids;
  }
}
