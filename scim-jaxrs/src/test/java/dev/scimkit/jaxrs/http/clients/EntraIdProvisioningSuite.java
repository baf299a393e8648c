package dev.scimkit.jaxrs.http.clients;

import static dev.scimkit.jaxrs.http.Fixtures.ENTERPRISE;
import static dev.scimkit.jaxrs.http.Fixtures.PATCH_OP;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertListResponse;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.http.Reply;
import dev.scimkit.jaxrs.http.ScimHttp;
import dev.scimkit.jaxrs.http.Secrets;
import dev.scimkit.jaxrs.http.ScimHttpTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Entra ID's provisioning service, as {@code CLIENTS.md} describes it: Test Connection,
 * the user and group cycles in both PATCH dialects, soft delete, managers, the reference check.
 * Requests carry {@code application/scim+json; charset=utf-8} and form-encoded queries.
 */
public abstract class EntraIdProvisioningSuite extends ScimHttpTest {
  /** The flag some tenant URLs carry; every request of such a tenant has it. */
  static final String FLAG = "aadOptscim062020";

  private final OrganizationTokens tokens = OrganizationTokens.builder(new InMemoryTokenStore()).build();
  /** The "Secret Token" an admin pastes into the Entra provisioning settings. */
  private final String secretToken = Secrets.issue(tokens, "contoso");


  @Override
  protected ScimHttpConfig.Builder config(ScimHttpConfig.Builder builder) {
    return builder.authenticator(tokens.authenticator());
  }

  @Override
  protected ScimHttp client(ScimHttp plain) {
    return plain.withBearer(secretToken);
  }

  // ---- request shapes --------------------------------------------------------------------------

  /** Entra's create body: enterprise extension not in schemas, manager a string, meta, roles []. */
  static String entraUser(String userName, String externalId, String managerId) {
    return """
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
          "externalId": "%s",
          "userName": "%s",
          "active": true,
          "addresses": [{"primary": true, "type": "work", "locality": "Redmond",
                         "country": "US", "postalCode": "98052", "streetAddress": "1 Microsoft Way"}],
          "displayName": "Test User",
          "emails": [{"primary": true, "type": "work", "value": "%s"}],
          "meta": {"resourceType": "User"},
          "name": {"familyName": "User", "givenName": "Test", "formatted": "Test User"},
          "phoneNumbers": [{"type": "mobile", "value": "+1 (425) 555-0100"}],
          "title": "Engineer",
          "roles": [],
          "nickName": null,
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
            "employeeNumber": "E-1001",
            "department": "R&D",
            %s
            "costCenter": null
          }
        }
        """.formatted(
            externalId,
            userName,
            userName,
            managerId == null ? "" : "\"manager\": \"" + managerId + "\",");
  }

  static String entraPatch(String... operations) {
    return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + String.join(",", operations) + "]}";
  }

  static String op(String op, String path, String jsonValue) {
    return "{\"op\":\"" + op + "\",\"path\":\"" + path.replace("\"", "\\\"") + "\",\"value\":" + jsonValue + "}";
  }

  static String str(String value) {
    return "\"" + value + "\"";
  }

  /** {@code filter=<attribute> eq "<value>"} form-encoded as Entra sends it. */
  static String eq(String attribute, String value) {
    return "filter=" + attribute + "+eq+%22" + value + "%22";
  }

  private String lookupUser(String userName, int expected) {
    Reply r = http.get("/Users?" + eq("userName", userName));
    JsonNode body = assertListResponse(r, expected, 1, expected);
    return expected == 0 ? null : body.path("Resources").get(0).path("id").asText();
  }

  private String createEntraUser(String userName, String managerId) {
    assertThat(lookupUser(userName, 0)).isNull();
    Reply created = http.post("/Users", entraUser(userName, UUID.randomUUID().toString(), managerId));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(lookupUser(userName, 1)).isEqualTo(created.id());
    return created.id();
  }

  // ---- Test Connection -------------------------------------------------------------------------

  @Test
  void testConnection_bothLookupsAnswer200AndAnEmptyListResponse() {
    String guid = UUID.randomUUID().toString();

    Reply users = http.get("/Users?" + eq("userName", guid));
    Reply groups = http.get("/Groups?excludedAttributes=members&" + eq("displayName", guid));

    assertListResponse(users, 0, 1, 0);
    assertListResponse(groups, 0, 1, 0);
    assertScimJson(users);
    assertScimJson(groups);
  }

  // ---- user cycle ------------------------------------------------------------------------------

  @Test
  void create_entraBodyShape_answers201AndNormalisesIt() {
    String managerId = createEntraUser(unique("manager") + "@contoso.com", null);
    String userName = unique("entra.create") + "@contoso.com";

    String id = createEntraUser(userName, managerId);
    Reply r = http.get("/Users/" + id);

    JsonNode body = r.json();
    assertThat(body.path("schemas").toString()).contains(ENTERPRISE);
    JsonNode enterprise = body.path(ENTERPRISE);
    assertThat(enterprise.path("employeeNumber").asText()).isEqualTo("E-1001");
    assertThat(enterprise.path("department").asText()).isEqualTo("R&D");
    assertThat(enterprise.path("manager").isObject()).as("manager returned as an object: %s", r).isTrue();
    assertThat(enterprise.path("manager").path("value").asText()).isEqualTo(managerId);
    assertThat(enterprise.has("costCenter")).as("explicit null is absent").isFalse();
    assertThat(body.has("nickName")).as("explicit null is absent").isFalse();
    assertThat(body.path("phoneNumbers").get(0).path("value").asText()).isEqualTo("+1 (425) 555-0100");
    assertThat(body.path("active").isBoolean()).isTrue();
    assertThat(body.path("meta").path("created").asText()).isNotBlank();
    assertThat(body.path("meta").path("location").asText()).isEqualTo(http.base() + "/Users/" + id);
  }

  @Test
  void create_withTrueStringsAndAPrimaryTrueRole_storesBooleans() {
    String userName = unique("entra.strings") + "@contoso.com";
    String body =
        """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":"True",
         "emails":[{"type":"work","value":"%s","primary":"True"}],
         "roles":[{"primary":"True","type":"WindowsAzureActiveDirectoryRole","value":"Admin"}]}
        """.formatted(userName, userName);

    Reply r = http.post("/Users", body);

    assertThat(r.status()).as("%s", r).isEqualTo(201);
    assertThat(r.json().path("active").isBoolean()).isTrue();
    assertThat(r.json().path("active").asBoolean()).isTrue();
    assertThat(r.json().path("emails").get(0).path("primary").asBoolean()).isTrue();
    assertThat(r.json().path("roles").get(0).path("primary").isBoolean()).isTrue();
    assertThat(r.json().path("roles").get(0).path("value").asText()).isEqualTo("Admin");
  }

  @Test
  void patch_defaultDialect_replacePerAttributeWithStringBooleans() {
    String id = createEntraUser(unique("entra.default") + "@contoso.com", null);

    Reply r =
        http.patch(
            "/Users/" + id,
            entraPatch(
                op("Replace", "displayName", str("Renamed User")),
                op("Replace", "name.givenName", str("Renamed")),
                op("Replace", "title", str("Principal Engineer")),
                op("Replace", ENTERPRISE + ":employeeNumber", str("E-2002")),
                op("Replace", ENTERPRISE + ":department", str("Sales")),
                op("Replace", "emails[type eq \"work\"].value", str("renamed@contoso.com")),
                op("Replace", "addresses[type eq \"work\"].locality", str("Seattle")),
                op("Replace", "active", str("False"))));

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonNode user = http.get("/Users/" + id).json();
    assertThat(user.path("displayName").asText()).isEqualTo("Renamed User");
    assertThat(user.path("name").path("givenName").asText()).isEqualTo("Renamed");
    assertThat(user.path("name").path("familyName").asText()).isEqualTo("User");
    assertThat(user.path("title").asText()).isEqualTo("Principal Engineer");
    assertThat(user.path(ENTERPRISE).path("employeeNumber").asText()).isEqualTo("E-2002");
    assertThat(user.path(ENTERPRISE).path("department").asText()).isEqualTo("Sales");
    assertThat(user.path("emails").size()).isEqualTo(1);
    assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("renamed@contoso.com");
    assertThat(user.path("addresses").size()).isEqualTo(1);
    assertThat(user.path("addresses").get(0).path("locality").asText()).isEqualTo("Seattle");
    assertThat(user.path("addresses").get(0).path("postalCode").asText()).isEqualTo("98052");
    assertThat(user.path("active").isBoolean()).isTrue();
    assertThat(user.path("active").asBoolean()).isFalse();
  }

  @Test
  void patch_defaultDialect_addToAMissingTypedElement_createsOneMergedElement() {
    String userName = unique("entra.bare") + "@contoso.com";
    Reply created =
        http.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\"}");
    String id = created.id();

    Reply r =
        http.patch(
            "/Users/" + id,
            entraPatch(
                op("Add", "emails[type eq \"work\"].value", str(userName)),
                op("Add", "addresses[type eq \"work\"].locality", str("Oslo")),
                op("Add", "addresses[type eq \"work\"].postalCode", str("0150")),
                op("Add", "addresses[type eq \"work\"].country", str("NO")),
                op("Add", "phoneNumbers[type eq \"mobile\"].value", str("+47 22 00 00 00")),
                op("Add", "phoneNumbers[type eq \"work\"].value", str("(0) 22-11-11-11"))));

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonNode user = http.get("/Users/" + id).json();
    assertThat(user.path("emails").size()).isEqualTo(1);
    assertThat(user.path("emails").get(0).path("type").asText()).isEqualTo("work");
    assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo(userName);
    assertThat(user.path("addresses").size()).as("one work address: %s", user).isEqualTo(1);
    JsonNode address = user.path("addresses").get(0);
    assertThat(address.path("type").asText()).isEqualTo("work");
    assertThat(address.path("locality").asText()).isEqualTo("Oslo");
    assertThat(address.path("postalCode").asText()).isEqualTo("0150");
    assertThat(address.path("country").asText()).isEqualTo("NO");
    assertThat(user.path("phoneNumbers").size()).isEqualTo(2);
    List<String> phones = new ArrayList<>();
    user.path("phoneNumbers").forEach(p -> phones.add(p.path("type").asText() + "=" + p.path("value").asText()));
    assertThat(phones).containsExactlyInAnyOrder("mobile=+47 22 00 00 00", "work=(0) 22-11-11-11");
  }

  @Test
  void patch_aadOptscim062020Dialect_onePathlessReplaceWithDottedAndUrnKeys() {
    String id = createEntraUser(unique("entra.flag") + "@contoso.com", null);

    Reply r =
        http.patch(
            "/Users/" + id + "?" + FLAG,
            entraPatch(
                """
                {"op":"replace","value":{
                  "displayName":"Flagged User",
                  "name.givenName":"Flagged",
                  "name.familyName":"Person",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"E-3003",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Ops",
                  "emails[type eq \\"work\\"].value":"flagged@contoso.com",
                  "active":false}}
                """));

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonNode user = http.get("/Users/" + id + "?" + FLAG).json();
    assertThat(user.path("displayName").asText()).isEqualTo("Flagged User");
    assertThat(user.path("name").path("givenName").asText()).isEqualTo("Flagged");
    assertThat(user.path("name").path("familyName").asText()).isEqualTo("Person");
    assertThat(user.path(ENTERPRISE).path("employeeNumber").asText()).isEqualTo("E-3003");
    assertThat(user.path(ENTERPRISE).path("department").asText()).isEqualTo("Ops");
    assertThat(user.path("active").asBoolean(true)).isFalse();
    assertThat(user.path("emails").size()).isEqualTo(1);
    assertThat(user.path("emails").get(0).path("value").asText()).isEqualTo("flagged@contoso.com");
    assertThat(user.has("name.givenName")).as("no dotted key stored: %s", user).isFalse();
  }

  @Test
  void disable_keepsTheUserFindableByGetAndFilter_thenReEnable() {
    String userName = unique("entra.soft") + "@contoso.com";
    String id = createEntraUser(userName, null);

    Reply disabled = http.patch("/Users/" + id, entraPatch(op("Replace", "active", str("False"))));
    assertThat(disabled.status()).as("%s", disabled).isEqualTo(200);

    Reply read = http.get("/Users/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("active").asBoolean(true)).isFalse();
    assertThat(lookupUser(userName, 1)).isEqualTo(id);
    assertListResponse(http.get("/Users?filter=active+eq+false+and+userName+eq+%22" + userName + "%22"), 1, 1, 1);

    Reply flagged = http.patch("/Users/" + id + "?" + FLAG, entraPatch(op("replace", "active", "true")));
    assertThat(flagged.status()).isEqualTo(200);
    assertThat(http.get("/Users/" + id).json().path("active").asBoolean()).isTrue();

    http.patch("/Users/" + id + "?" + FLAG, entraPatch(op("replace", "active", "false")));
    Reply enabled = http.patch("/Users/" + id, entraPatch(op("Replace", "active", str("True"))));
    assertThat(enabled.status()).isEqualTo(200);
    assertThat(http.get("/Users/" + id).json().path("active").asBoolean()).isTrue();
  }

  @Test
  void manager_addedAsAStringAndRemovedInBothForms() {
    String managerId = createEntraUser(unique("entra.boss") + "@contoso.com", null);
    String otherManagerId = createEntraUser(unique("entra.boss2") + "@contoso.com", null);
    String id = createEntraUser(unique("entra.report") + "@contoso.com", null);
    String manager = ENTERPRISE + ":manager";

    Reply added = http.patch("/Users/" + id, entraPatch(op("Add", manager, str(managerId))));
    assertThat(added.status()).as("%s", added).isEqualTo(200);
    JsonNode returned = http.get("/Users/" + id).json().path(ENTERPRISE).path("manager");
    assertThat(returned.isObject()).as("manager as an object: %s", returned).isTrue();
    assertThat(returned.path("value").asText()).isEqualTo(managerId);

    // the reference check Entra runs after setting a manager
    Reply check =
        http.get("/Users?filter=id+eq+%22" + id + "%22+and+manager+eq+%22" + managerId + "%22&attributes=id");
    JsonNode page = assertListResponse(check, 1, 1, 1);
    assertThat(page.path("Resources").get(0).path("id").asText()).isEqualTo(id);
    assertThat(page.path("Resources").get(0).has("userName")).isFalse();

    // removal, default dialect: replace with an empty value
    http.patch("/Users/" + id, entraPatch(op("Replace", manager, "{\"value\":\"\"}")));
    assertThat(http.get("/Users/" + id).json().path(ENTERPRISE).has("manager")).isFalse();
    assertListResponse(
        http.get("/Users?filter=id+eq+%22" + id + "%22+and+manager+eq+%22" + managerId + "%22&attributes=id"), 0, 1, 0);

    // replace with a string, then removal in the aadOptscim062020 dialect
    http.patch("/Users/" + id, entraPatch(op("Replace", manager, str(otherManagerId))));
    assertThat(http.get("/Users/" + id).json().path(ENTERPRISE).path("manager").path("value").asText())
        .isEqualTo(otherManagerId);
    Reply removed =
        http.patch(
            "/Users/" + id + "?" + FLAG,
            "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"" + manager
                + "[value eq \\\"" + otherManagerId + "\\\"]\"}]}");
    assertThat(removed.status()).as("%s", removed).isEqualTo(200);
    assertThat(http.get("/Users/" + id).json().path(ENTERPRISE).has("manager")).isFalse();
  }

  @Test
  void appRoleAssignment_jsonInsideAStringIsStoredAsSent() {
    String id = createEntraUser(unique("entra.roles") + "@contoso.com", null);
    String role = "{\\\"id\\\":\\\"7c3a4e1b\\\",\\\"value\\\":\\\"25\\\",\\\"displayName\\\":\\\"Role1\\\"}";

    Reply r = http.patch("/Users/" + id, entraPatch(op("Add", "roles", "[{\"value\":\"" + role + "\"}]")));

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonNode roles = http.get("/Users/" + id).json().path("roles");
    assertThat(roles.size()).isEqualTo(1);
    assertThat(roles.get(0).path("value").asText())
        .isEqualTo("{\"id\":\"7c3a4e1b\",\"value\":\"25\",\"displayName\":\"Role1\"}");
  }

  @Test
  void lookupByOtherMatchingAttributes() {
    String userName = unique("entra.match") + "@contoso.com";
    String externalId = UUID.randomUUID().toString();
    Reply created = http.post("/Users", entraUser(userName, externalId, null));

    assertListResponse(http.get("/Users?" + eq("externalId", externalId)), 1, 1, 1);
    assertListResponse(http.get("/Users?" + eq("emails%5Btype+eq+%22work%22%5D.value", userName)), 1, 1, 1);
    assertListResponse(http.get("/Users?" + eq("userName", userName.toUpperCase(java.util.Locale.ROOT))), 1, 1, 1);
    assertListResponse(
        http.get("/Users?" + eq("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "E-1001")
            + "+and+" + eq("userName", userName).substring("filter=".length())),
        1, 1, 1);
    assertThat(created.status()).isEqualTo(201);
  }

  @Test
  void lookupByExternalId_inAnotherCase() {
    String externalId = UUID.randomUUID().toString();
    http.post("/Users", entraUser(unique("entra.extcase") + "@contoso.com", externalId, null));

    assertListResponse(http.get("/Users?" + eq("externalId", externalId.toUpperCase(java.util.Locale.ROOT))), 1, 1, 1);
  }

  @Test
  void hardDelete_answers204_andTheSecondDeleteIs404() {
    String id = createEntraUser(unique("entra.delete") + "@contoso.com", null);

    assertThat(http.delete("/Users/" + id).status()).isEqualTo(204);
    assertScimError(http.get("/Users/" + id), 404, null);
    assertScimError(http.delete("/Users/" + id), 404, null);
  }

  // ---- group cycle -----------------------------------------------------------------------------

  @Test
  void groupCycle_createAddSeveralRemoveListedRemoveFilteredThenRead() {
    String u1 = createEntraUser(unique("entra.m1") + "@contoso.com", null);
    String u2 = createEntraUser(unique("entra.m2") + "@contoso.com", null);
    String u3 = createEntraUser(unique("entra.m3") + "@contoso.com", null);
    String u4 = createEntraUser(unique("entra.m4") + "@contoso.com", null);
    String displayName = unique("Entra Group");

    assertListResponse(http.get("/Groups?excludedAttributes=members&" + eq("displayName", displayName.replace(" ", "+"))), 0, 1, 0);
    Reply created =
        http.post(
            "/Groups",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group",
                        "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
             "externalId":"%s","displayName":"%s","meta":{"resourceType":"Group"}}
            """.formatted(UUID.randomUUID(), displayName));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String groupId = created.id();
    assertThat(created.header("Location")).isEqualTo(http.base() + "/Groups/" + groupId);
    JsonNode found =
        assertListResponse(http.get("/Groups?excludedAttributes=members&" + eq("displayName", displayName.replace(" ", "+"))), 1, 1, 1);
    assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(groupId);

    Reply added =
        http.patch(
            "/Groups/" + groupId,
            entraPatch(op("Add", "members",
                "[{\"$ref\":null,\"value\":\"" + u1 + "\"},{\"$ref\":null,\"value\":\"" + u2 + "\"},"
                    + "{\"$ref\":null,\"value\":\"" + u3 + "\"},{\"$ref\":null,\"value\":\"" + u4 + "\"}]")));
    assertThat(added.status()).as("group PATCH prefers 204: %s", added).isEqualTo(204);
    assertThat(members(groupId)).containsExactlyInAnyOrder(u1, u2, u3, u4);

    Reply removedListed =
        http.patch(
            "/Groups/" + groupId,
            entraPatch(op("Remove", "members", "[{\"$ref\":null,\"value\":\"" + u1 + "\"}]")));
    assertThat(removedListed.status()).as("%s", removedListed).isEqualTo(204);
    assertThat(members(groupId)).as("only the listed member leaves").containsExactlyInAnyOrder(u2, u3, u4);

    Reply removedFiltered =
        http.patch(
            "/Groups/" + groupId + "?" + FLAG,
            "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\""
                + u2 + "\\\"]\"}]}");
    assertThat(removedFiltered.status()).as("%s", removedFiltered).isEqualTo(204);
    assertThat(members(groupId)).containsExactlyInAnyOrder(u3, u4);

    Reply addAndRemove =
        http.patch(
            "/Groups/" + groupId,
            entraPatch(
                op("Add", "members", "[{\"value\":\"" + u1 + "\"}]"),
                op("Remove", "members", "[{\"value\":\"" + u1 + "\"}]"),
                op("Remove", "members", "[{\"value\":\"" + u3 + "\"}]")));
    assertThat(addAndRemove.status()).isEqualTo(204);
    assertThat(members(groupId)).containsExactly(u4);

    Reply renamed = http.patch("/Groups/" + groupId, entraPatch(op("Replace", "displayName", str(displayName + " Renamed"))));
    assertThat(renamed.status()).isEqualTo(204);

    Reply read = http.get("/Groups/" + groupId + "?excludedAttributes=members");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().has("members")).isFalse();
    assertThat(read.json().path("displayName").asText()).isEqualTo(displayName + " Renamed");
    assertThat(read.json().path("id").asText()).isEqualTo(groupId);

    assertThat(http.delete("/Groups/" + groupId).status()).isEqualTo(204);
    assertScimError(http.delete("/Groups/" + groupId), 404, null);
  }

  @Test
  void retriedOperations_doNotFail() {
    // Entra retries failed operations in later cycles; a retry of what already happened is no error
    String member = createEntraUser(unique("entra.retry") + "@contoso.com", null);
    String stranger = createEntraUser(unique("entra.stranger") + "@contoso.com", null);
    String groupId =
        http.post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\""
            + unique("Entra Retry") + "\"}").id();
    String add = entraPatch(op("Add", "members", "[{\"$ref\":null,\"value\":\"" + member + "\"}]"));

    assertThat(http.patch("/Groups/" + groupId, add).status()).isEqualTo(204);
    assertThat(http.patch("/Groups/" + groupId, add).status()).as("the same Add again").isEqualTo(204);
    assertThat(members(groupId)).containsExactly(member);

    Reply removeStranger =
        http.patch("/Groups/" + groupId, entraPatch(op("Remove", "members", "[{\"$ref\":null,\"value\":\"" + stranger + "\"}]")));
    assertThat(removeStranger.status()).as("removing a non-member: %s", removeStranger).isEqualTo(204);
    assertThat(members(groupId)).containsExactly(member);

    Reply disable = http.patch("/Users/" + member, entraPatch(op("Replace", "active", str("False"))));
    Reply disableAgain = http.patch("/Users/" + member, entraPatch(op("Replace", "active", str("False"))));
    assertThat(disable.status()).isEqualTo(200);
    assertThat(disableAgain.status()).isEqualTo(200);
  }

  @Test
  void duplicateGroupDisplayName_is409Uniqueness() {
    String displayName = unique("Entra Twin");
    String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + displayName + "\"}";
    assertThat(http.post("/Groups", body).status()).isEqualTo(201);

    assertScimError(http.post("/Groups", body), 409, "uniqueness");
  }

  private List<String> members(String groupId) {
    List<String> ids = new ArrayList<>();
    http.get("/Groups/" + groupId).json().path("members").forEach(m -> ids.add(m.path("value").asText()));
    return ids;
  }
}
