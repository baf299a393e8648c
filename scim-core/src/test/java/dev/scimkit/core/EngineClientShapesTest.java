package dev.scimkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.ResourceStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every shape of CLIENTS.md that the engine (not the HTTP layer) is responsible for. */
class EngineClientShapesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENTERPRISE = Schemas.ENTERPRISE_USER;
  private static final RequestContext CTX = RequestContext.of("acme");
  private static final ResponseOptions BASE = ResponseOptions.at("https://example.com/scim/v2");

  private ScimEngine engine;

  @BeforeEach
  void setUp() {
    AtomicInteger ids = new AtomicInteger();
    engine =
        ScimEngine.builder()
            .clock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
            .idGenerator(() -> "id-" + ids.incrementAndGet())
            .build();
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private ScimResource createUser(String userName) {
    return engine.create("User", json("{'schemas':['" + Schemas.USER + "'],'userName':'" + userName + "','active':true}"), CTX, BASE);
  }

  private ScimResource createGroup(String displayName) {
    return engine.create("Group", json("{'schemas':['" + Schemas.GROUP + "'],'displayName':'" + displayName + "','members':[]}"), CTX, BASE);
  }

  private ListResponse search(String type, String filter) {
    return engine.search(type, SearchParameters.filter(filter), CTX, null);
  }

  private static int status(Throwable t) {
    return ((ScimException) t).status();
  }

  private static ScimType scimType(Throwable t) {
    return ((ScimException) t).scimType();
  }

  // ---- Entra: Test Connection ----------------------------------------------------------------

  @Test
  void entraTestConnection_unknownUserNameAndGroup_areEmptyPagesNot404() {
    ListResponse users = search("User", "userName eq \"" + UUID.randomUUID() + "\"");
    assertThat(users.totalResults()).isZero();
    assertThat(users.toJson().get("Resources").size()).isZero();
    ListResponse groups =
        engine.search("Group", new SearchParameters("displayName eq \"" + UUID.randomUUID() + "\"", null, null, null, null, null, "members"), CTX, null);
    assertThat(groups.totalResults()).isZero();
  }

  // ---- Entra: create bodies ------------------------------------------------------------------

  @Test
  void create_entraUserWithExtensionNotListedInSchemasAndManagerString_normalises() {
    ScimResource manager = createUser("boss@example.com");
    ObjectNode body = json("{'schemas':['" + Schemas.USER + "'],'externalId':'ext-1','userName':'Test_User@contoso.com','active':'True',"
        + "'displayName':'Test User','meta':{'resourceType':'User'},'roles':[],'nickName':null,"
        + "'emails':[{'primary':'true','type':'work','value':'Test_User@contoso.com'}],"
        + "'name':{'formatted':'givenName familyName','familyName':'familyName','givenName':'givenName'},"
        + "'" + ENTERPRISE + "':{'employeeNumber':'E1','manager':'" + manager.id() + "'}}");
    ScimResource user = engine.create("User", body, CTX, BASE);
    JsonNode out = user.json();
    assertThat(out.get("schemas")).containsExactly(JSON.valueToTree(Schemas.USER), JSON.valueToTree(ENTERPRISE));
    assertThat(out.get("active").isBoolean()).isTrue();
    assertThat(out.get("active").booleanValue()).isTrue();
    assertThat(out.get("emails").get(0).get("primary").booleanValue()).isTrue();
    assertThat(out.has("nickName")).isFalse();
    assertThat(out.has("roles")).isFalse();
    assertThat(out.get(ENTERPRISE).get("manager")).isEqualTo(json("{'value':'" + manager.id() + "'}"));
    assertThat(out.get("meta").get("location").asText()).isEqualTo("https://example.com/scim/v2/Users/" + user.id());
    assertThat(out.get("meta").get("version").asText()).isEqualTo(user.etag());
    assertThat(out.get("id").asText()).isEqualTo(user.id());
  }

  @Test
  void create_readOnlyAttributesSentByTheClient_areIgnored() {
    ScimResource user = engine.create("User", json("{'id':'mine','userName':'a','meta':{'created':'1999-01-01T00:00:00Z'},'groups':[{'value':'g'}]}"), CTX, BASE);
    assertThat(user.id()).isNotEqualTo("mine");
    assertThat(user.json().get("meta").get("created").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(user.json().has("groups")).isFalse();
  }

  @Test
  void create_oktaUserWithPasswordAndEmptyGroups_neverReturnsThePassword() {
    ScimResource user = engine.create("User", json("{'schemas':['" + Schemas.USER + "'],'userName':'okta@example.com','password':'t1meMa$heen',"
        + "'groups':[],'locale':'en-US','externalId':'00u1','name':{'givenName':'O','familyName':'K'},'active':true}"), CTX, BASE);
    assertThat(user.json().has("password")).isFalse();
    assertThat(engine.get("User", user.id(), CTX, BASE).json().has("password")).isFalse();
    assertThat(engine.get("User", user.id(), CTX, new ResponseOptions(null, "password,userName", null)).json().has("password")).isFalse();
  }

  @Test
  void create_groupWithMicrosoftSchemaUrn_isAccepted() {
    ScimResource group = engine.create("Group", json("{'schemas':['" + Schemas.GROUP + "','http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],"
        + "'displayName':'Group1DisplayName','externalId':'g1','members':[]}"), CTX, BASE);
    assertThat(group.json().get("schemas")).containsExactly(JSON.valueToTree(Schemas.GROUP));
    assertThat(group.json().get("displayName").asText()).isEqualTo("Group1DisplayName");
  }

  @Test
  void create_oneLoginNonStandardSchemaUrn_isAccepted() {
    ScimResource user = engine.create("User", json("{'schemas':['urn:scim:schemas:core:2.0'],'userName':'onelogin@example.com'}"), CTX, BASE);
    assertThat(user.json().get("userName").asText()).isEqualTo("onelogin@example.com");
  }

  @Test
  void create_attributeNamesInAnyCase_areStoredWithTheSchemaSpelling() {
    ScimResource user = engine.create("User", json("{'USERNAME':'caps','Name':{'GivenName':'G'},'EMAILS':[{'VALUE':'x@y','Type':'work'}]}"), CTX, BASE);
    assertThat(user.json().get("userName").asText()).isEqualTo("caps");
    assertThat(user.json().get("name").get("givenName").asText()).isEqualTo("G");
    assertThat(user.json().get("emails").get(0).get("value").asText()).isEqualTo("x@y");
  }

  @Test
  void create_valuesAreStoredExactlyAsSent() {
    ScimResource user = engine.create("User", json("{'userName':'MiXeD@Example.COM','phoneNumbers':[{'value':'+1 (555) 555-0100','type':'mobile'}]}"), CTX, BASE);
    assertThat(user.json().get("userName").asText()).isEqualTo("MiXeD@Example.COM");
    assertThat(user.json().get("phoneNumbers").get(0).get("value").asText()).isEqualTo("+1 (555) 555-0100");
  }

  @Test
  void create_withoutUserName_is400InvalidValueAndStoresNothing() {
    assertThatThrownBy(() -> engine.create("User", json("{'displayName':'x'}"), CTX, BASE))
        .satisfies(t -> {
          assertThat(status(t)).isEqualTo(400);
          assertThat(scimType(t)).isEqualTo(ScimType.INVALID_VALUE);
        });
    assertThat(engine.search("User", SearchParameters.all(), CTX, null).totalResults()).isZero();
  }

  @Test
  void create_wrongType_is400InvalidValue() {
    assertThatThrownBy(() -> engine.create("User", json("{'userName':'x','active':'maybe'}"), CTX, BASE))
        .satisfies(t -> assertThat(scimType(t)).isEqualTo(ScimType.INVALID_VALUE));
    assertThatThrownBy(() -> engine.create("User", json("{'userName':{'a':1}}"), CTX, BASE))
        .satisfies(t -> assertThat(scimType(t)).isEqualTo(ScimType.INVALID_VALUE));
  }

  @Test
  void create_duplicateUserNameInOtherCase_is409Uniqueness() {
    createUser("dup@example.com");
    assertThatThrownBy(() -> createUser("DUP@example.com"))
        .satisfies(t -> {
          assertThat(status(t)).isEqualTo(409);
          assertThat(scimType(t)).isEqualTo(ScimType.UNIQUENESS);
        });
  }

  @Test
  void create_duplicateGroupDisplayName_is409() {
    createGroup("Sales");
    assertThatThrownBy(() -> createGroup("sales")).satisfies(t -> assertThat(status(t)).isEqualTo(409));
  }

  // ---- lookups -------------------------------------------------------------------------------

  @Test
  void filter_userNameEqInDifferentCase_findsTheUser() {
    ScimResource user = createUser("Case.Test@Example.com");
    ListResponse found = search("User", "userName eq \"case.test@example.COM\"");
    assertThat(found.totalResults()).isEqualTo(1);
    assertThat(found.resources().get(0).get("id").asText()).isEqualTo(user.id());
  }

  @Test
  void filter_entraValuePathForm_findsTheUserByWorkEmail() {
    engine.create("User", json("{'userName':'w','emails':[{'type':'home','value':'h@x'},{'type':'work','value':'w@x'}]}"), CTX, BASE);
    assertThat(search("User", "emails[type eq \"work\"].value eq \"w@x\"").totalResults()).isEqualTo(1);
    assertThat(search("User", "emails[type eq \"work\"].value eq \"h@x\"").totalResults()).isZero();
  }

  @Test
  void filter_entraManagerReferenceCheck_matchesAndProjectsId() {
    ScimResource boss = createUser("boss");
    ScimResource user = engine.create("User", json("{'userName':'emp','" + ENTERPRISE + "':{'manager':{'value':'" + boss.id() + "'}}}"), CTX, BASE);
    ListResponse found = engine.search("User", new SearchParameters("id eq \"" + user.id() + "\" and manager eq \"" + boss.id() + "\"", null, null, null, null, "id", null), CTX, null);
    assertThat(found.totalResults()).isEqualTo(1);
    JsonNode only = found.resources().get(0);
    assertThat(only.get("id").asText()).isEqualTo(user.id());
    assertThat(only.has("userName")).isFalse();
  }

  @Test
  void filter_unknownAttribute_is400InvalidFilter() {
    assertThatThrownBy(() -> search("User", "noSuchAttribute eq \"x\""))
        .satisfies(t -> assertThat(scimType(t)).isEqualTo(ScimType.INVALID_FILTER));
  }

  @Test
  void filter_syntaxError_is400InvalidFilterQuotingTheInput() {
    assertThatThrownBy(() -> search("User", "userName eq"))
        .satisfies(t -> {
          assertThat(scimType(t)).isEqualTo(ScimType.INVALID_FILTER);
          assertThat(((ScimException) t).detail()).contains("userName eq");
        });
  }

  @Test
  void search_oktaImportPaging_isStableAndCountsAreIntegers() {
    for (int i = 0; i < 12; i++) {
      createUser("u" + i);
    }
    ListResponse first = engine.search("User", new SearchParameters(null, null, null, "1", "5", null, null), CTX, null);
    ListResponse second = engine.search("User", new SearchParameters(null, null, null, "6", "5", null, null), CTX, null);
    ListResponse third = engine.search("User", new SearchParameters(null, null, null, "11", "5", null, null), CTX, null);
    assertThat(first.toJson().get("totalResults").isInt()).isTrue();
    assertThat(first.toJson().get("itemsPerPage").asInt()).isEqualTo(5);
    assertThat(third.itemsPerPage()).isEqualTo(2);
    assertThat(second.startIndex()).isEqualTo(6);
    assertThat(first.resources().get(0).get("userName").asText()).isEqualTo("u0");
    assertThat(second.resources().get(0).get("userName").asText()).isEqualTo("u5");
  }

  @Test
  void search_countAboveTheMaximum_isClamped() {
    ScimEngine small = ScimEngine.builder().maxPageSize(3).build();
    for (int i = 0; i < 5; i++) {
      small.create("User", json("{'userName':'u" + i + "'}"), CTX, BASE);
    }
    ListResponse page = small.search("User", new SearchParameters(null, null, null, null, "100", null, null), CTX, null);
    assertThat(page.itemsPerPage()).isEqualTo(3);
    assertThat(page.totalResults()).isEqualTo(5);
  }

  @Test
  void search_badCount_is400InvalidValue() {
    assertThatThrownBy(() -> engine.search("User", new SearchParameters(null, null, null, null, "ten", null, null), CTX, null))
        .satisfies(t -> assertThat(scimType(t)).isEqualTo(ScimType.INVALID_VALUE));
  }

  @Test
  void searchAll_acrossTypes_skipsTypesWithoutTheAttribute() {
    engine.create("User", json("{'userName':'u','displayName':'Shared'}"), CTX, BASE);
    createGroup("Shared");
    assertThat(engine.searchAll(SearchParameters.filter("displayName eq \"shared\""), CTX, null).totalResults()).isEqualTo(2);
    assertThat(engine.searchAll(SearchParameters.filter("userName eq \"u\""), CTX, null).totalResults()).isEqualTo(1);
    ListResponse page = engine.searchAll(new SearchParameters("displayName pr", null, null, "2", "1", null, null), CTX, null);
    assertThat(page.totalResults()).isEqualTo(2);
    assertThat(page.resources()).hasSize(1);
    assertThat(page.resources().get(0).get("meta").get("resourceType").asText()).isEqualTo("Group");
    assertThatThrownBy(() -> engine.searchAll(SearchParameters.filter("nope eq 1"), CTX, null))
        .satisfies(t -> assertThat(scimType(t)).isEqualTo(ScimType.INVALID_FILTER));
  }

  // ---- PATCH through the engine ----------------------------------------------------------------

  @Test
  void patch_entraDisable_keepsTheUserFindable() {
    ScimResource user = createUser("leaver");
    engine.patch("User", user.id(), json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'Replace','path':'active','value':'False'}]}"), ResourceStore.ANY_VERSION, CTX, BASE);
    assertThat(engine.get("User", user.id(), CTX, BASE).json().get("active").booleanValue()).isFalse();
    assertThat(search("User", "userName eq \"leaver\"").totalResults()).isEqualTo(1);
  }

  @Test
  void patch_userAnswersTheResourceAndBumpsTheVersion() {
    ScimResource user = createUser("p");
    ScimResource patched = engine.patch("User", user.id(), json("{'Operations':[{'op':'replace','value':{'displayName':'New','name.givenName':'G','" + ENTERPRISE + ":employeeNumber':'7'}}]}"), ResourceStore.ANY_VERSION, CTX, BASE);
    assertThat(patched).isNotNull();
    assertThat(patched.version()).isGreaterThan(user.version());
    assertThat(patched.json().get("displayName").asText()).isEqualTo("New");
    assertThat(patched.json().get("name").get("givenName").asText()).isEqualTo("G");
    assertThat(patched.json().get(ENTERPRISE).get("employeeNumber").asText()).isEqualTo("7");
  }

  @Test
  void patch_groupMembersAndGroupsOfUser() {
    ScimResource a = createUser("a");
    ScimResource b = createUser("b");
    ScimResource group = createGroup("Team");
    ScimResource answer = engine.patch("Group", group.id(), json("{'Operations':[{'op':'Add','path':'members','value':[{'$ref':null,'value':'" + a.id() + "'},{'value':'" + b.id() + "'}]}]}"), ResourceStore.ANY_VERSION, CTX, BASE);
    assertThat(answer).as("group PATCH answers no body unless asked").isNull();
    JsonNode members = engine.get("Group", group.id(), CTX, BASE).json().get("members");
    assertThat(members).hasSize(2);
    assertThat(members.get(0).get("type").asText()).isEqualTo("User");
    assertThat(members.get(0).get("$ref").asText()).isEqualTo("https://example.com/scim/v2/Users/" + a.id());
    JsonNode groups = engine.get("User", a.id(), CTX, BASE).json().get("groups");
    assertThat(groups.get(0).get("value").asText()).isEqualTo(group.id());
    assertThat(groups.get(0).get("display").asText()).isEqualTo("Team");
    engine.patch("Group", group.id(), json("{'Operations':[{'op':'Remove','path':'members','value':[{'$ref':null,'value':'" + a.id() + "'}]}]}"), ResourceStore.ANY_VERSION, CTX, BASE);
    assertThat(engine.get("Group", group.id(), CTX, BASE).json().get("members")).hasSize(1);
    assertThat(engine.get("Group", group.id(), CTX, new ResponseOptions(null, null, "members")).json().has("members")).isFalse();
  }

  @Test
  void patch_addingAnUnknownMember_is400AndChangesNothing() {
    ScimResource group = createGroup("Team");
    assertThatThrownBy(() -> engine.patch("Group", group.id(), json("{'Operations':[{'op':'replace','path':'displayName','value':'Renamed'},{'op':'add','path':'members','value':[{'value':'ghost'}]}]}"), ResourceStore.ANY_VERSION, CTX, BASE))
        .satisfies(t -> assertThat(status(t)).isEqualTo(400));
    assertThat(engine.get("Group", group.id(), CTX, BASE).json().get("displayName").asText()).isEqualTo("Team");
  }

  @Test
  void patch_withStaleVersion_is412() {
    ScimResource user = createUser("v");
    engine.patch("User", user.id(), json("{'Operations':[{'op':'replace','path':'displayName','value':'1'}]}"), ResourceStore.ANY_VERSION, CTX, BASE);
    assertThatThrownBy(() -> engine.patch("User", user.id(), json("{'Operations':[{'op':'replace','path':'displayName','value':'2'}]}"), user.version(), CTX, BASE))
        .satisfies(t -> assertThat(status(t)).isEqualTo(412));
  }

  @Test
  void patch_unknownId_is404() {
    assertThatThrownBy(() -> engine.patch("User", "0", json("{'Operations':[{'op':'replace','path':'displayName','value':'x'}]}"), ResourceStore.ANY_VERSION, CTX, BASE))
        .satisfies(t -> assertThat(status(t)).isEqualTo(404));
  }

  // ---- PUT -----------------------------------------------------------------------------------

  @Test
  void put_oktaWholeResourceWithIdMetaGroupsAndPassword_replaces() {
    ScimResource user = engine.create("User", json("{'userName':'okta','password':'secret1','name':{'givenName':'A'}}"), CTX, BASE);
    ObjectNode body = (ObjectNode) user.json().deepCopy();
    body.put("password", "secret2");
    body.putArray("groups");
    body.put("displayName", "Okta User");
    ((ObjectNode) body.get("name")).put("givenName", "B");
    ScimResource replaced = engine.replace("User", user.id(), body, ResourceStore.ANY_VERSION, CTX, BASE);
    assertThat(replaced.json().get("displayName").asText()).isEqualTo("Okta User");
    assertThat(replaced.json().get("name").get("givenName").asText()).isEqualTo("B");
    assertThat(replaced.json().has("password")).isFalse();
    assertThat(replaced.id()).isEqualTo(user.id());
  }

  @Test
  void put_withStaleVersion_is412() {
    ScimResource user = createUser("v");
    engine.replace("User", user.id(), json("{'userName':'v','displayName':'1'}"), user.version(), CTX, BASE);
    assertThatThrownBy(() -> engine.replace("User", user.id(), json("{'userName':'v','displayName':'2'}"), user.version(), CTX, BASE))
        .satisfies(t -> assertThat(status(t)).isEqualTo(412));
  }

  // ---- DELETE --------------------------------------------------------------------------------

  @Test
  void delete_twice_secondIs404_andTheUserLeavesItsGroups() {
    ScimResource user = createUser("gone");
    ScimResource group = createGroup("G");
    engine.patch("Group", group.id(), json("{'Operations':[{'op':'add','path':'members','value':[{'value':'" + user.id() + "'}]}]}"), ResourceStore.ANY_VERSION, CTX, BASE);
    engine.delete("User", user.id(), ResourceStore.ANY_VERSION, CTX);
    assertThat(engine.get("Group", group.id(), CTX, BASE).json().has("members")).isFalse();
    assertThatThrownBy(() -> engine.delete("User", user.id(), ResourceStore.ANY_VERSION, CTX))
        .satisfies(t -> assertThat(status(t)).isEqualTo(404));
    assertThatThrownBy(() -> engine.get("User", "0", CTX, BASE))
        .satisfies(t -> assertThat(((ScimException) t).detail()).isNotBlank());
  }

  // ---- tenancy -------------------------------------------------------------------------------

  @Test
  void tenants_neverSeeEachOther() {
    ScimResource user = createUser("shared-name");
    RequestContext other = RequestContext.of("globex");
    assertThatThrownBy(() -> engine.get("User", user.id(), other, BASE)).satisfies(t -> assertThat(status(t)).isEqualTo(404));
    assertThat(engine.search("User", SearchParameters.filter("userName eq \"shared-name\""), other, null).totalResults()).isZero();
    engine.create("User", json("{'userName':'shared-name'}"), other, BASE);
  }
}
