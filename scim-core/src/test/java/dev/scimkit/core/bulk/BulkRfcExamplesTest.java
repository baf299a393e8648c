package dev.scimkit.core.bulk;

import static dev.scimkit.core.bulk.BulkFixtures.BASE;
import static dev.scimkit.core.bulk.BulkFixtures.BASE_URI;
import static dev.scimkit.core.bulk.BulkFixtures.CTX;
import static dev.scimkit.core.bulk.BulkFixtures.createGroup;
import static dev.scimkit.core.bulk.BulkFixtures.createUser;
import static dev.scimkit.core.bulk.BulkFixtures.entries;
import static dev.scimkit.core.bulk.BulkFixtures.json;
import static dev.scimkit.core.bulk.BulkFixtures.memberIds;
import static dev.scimkit.core.bulk.BulkFixtures.postGroup;
import static dev.scimkit.core.bulk.BulkFixtures.postUser;
import static dev.scimkit.core.bulk.BulkFixtures.request;
import static dev.scimkit.core.bulk.BulkFixtures.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimResource;
import dev.scimkit.core.schema.Schemas;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The flows of RFC 7644 sections 3.7.2 and 3.7.3, and the shape of a successful response. */
class BulkRfcExamplesTest {
  private ScimEngine engine;

  @BeforeEach
  void setUp() {
    engine = BulkFixtures.engine();
  }

  @Test
  void bulk_userThenGroupReferencingItsBulkId_createsBothWithTheMemberResolved() {
    ObjectNode response =
        engine.bulk(request(postUser("qwerty", "Alice"), postGroup("ytrewq", "Tour Guides", "bulkId:qwerty")), CTX, BASE);

    assertThat(response.get("schemas")).containsExactly(JsonNodeFactory.instance.textNode(Schemas.BULK_RESPONSE));
    List<JsonNode> ops = entries(response);
    assertThat(ops).hasSize(2);
    assertThat(ops.get(0)).isEqualTo(json("{'method':'POST','bulkId':'qwerty','location':'" + BASE_URI + "/Users/id-1',"
        + "'version':'W/\\'1\\'','status':'201'}"));
    assertThat(ops.get(1).get("bulkId").asText()).isEqualTo("ytrewq");
    assertThat(ops.get(1).get("location").asText()).isEqualTo(BASE_URI + "/Groups/id-2");
    assertThat(ops.get(1).get("status").asText()).isEqualTo("201");
    assertThat(memberIds(engine, CTX, "id-2")).containsExactly("id-1");
  }

  @Test
  void bulk_statusIsAStringAndVersionIsTheEntityTag() {
    JsonNode op = entries(engine.bulk(request(postUser("u", "bjensen")), CTX, BASE)).get(0);
    assertThat(op.get("status").isTextual()).isTrue();
    assertThat(op.get("version").asText()).isEqualTo(engine.get("User", "id-1", CTX, BASE).etag());
    assertThat(op.has("response")).isFalse();
  }

  @Test
  void bulk_groupPostedBeforeTheUserItReferences_createsTheUserFirst() {
    ObjectNode response =
        engine.bulk(request(postGroup("ytrewq", "Tour Guides", "bulkId:qwerty"), postUser("qwerty", "Alice")), CTX, BASE);

    assertThat(statuses(response)).containsExactly("201", "201");
    List<JsonNode> ops = entries(response);
    // Listed in request order; the user ran first, so it got the first id.
    assertThat(ops.get(0).get("bulkId").asText()).isEqualTo("ytrewq");
    assertThat(ops.get(0).get("location").asText()).isEqualTo(BASE_URI + "/Groups/id-2");
    assertThat(ops.get(1).get("location").asText()).isEqualTo(BASE_URI + "/Users/id-1");
    assertThat(memberIds(engine, CTX, "id-2")).containsExactly("id-1");
  }

  @Test
  void bulk_chainOfReferencesInReverseOrder_runsEachAfterWhatItReferences() {
    ObjectNode response =
        engine.bulk(
            request(
                "{'method':'POST','path':'/Groups','bulkId':'all','data':{'displayName':'All','members':[{'type':'Group','value':'bulkId:staff'}]}}",
                "{'method':'POST','path':'/Groups','bulkId':'staff','data':{'displayName':'Staff','members':[{'type':'User','value':'bulkId:bob'}]}}",
                postUser("bob", "bob")),
            CTX,
            BASE);

    assertThat(statuses(response)).containsExactly("201", "201", "201");
    String all = id(entries(response).get(0));
    String staff = id(entries(response).get(1));
    String bob = id(entries(response).get(2));
    assertThat(memberIds(engine, CTX, staff)).containsExactly(bob);
    assertThat(memberIds(engine, CTX, all)).containsExactly(staff);
  }

  @Test
  void bulk_enterpriseManagerReferencingALaterPost_isResolved() {
    String enterprise = Schemas.ENTERPRISE_USER;
    ObjectNode response =
        engine.bulk(
            request(
                "{'method':'POST','path':'/Users','bulkId':'emp','data':{'schemas':['" + Schemas.USER + "','" + enterprise + "'],"
                    + "'userName':'emp','" + enterprise + "':{'manager':{'value':'bulkId:boss'}}}}",
                postUser("boss", "boss")),
            CTX,
            BASE);

    assertThat(statuses(response)).containsExactly("201", "201");
    String boss = id(entries(response).get(1));
    JsonNode emp = engine.get("User", id(entries(response).get(0)), CTX, BASE).json();
    assertThat(emp.get(enterprise).get("manager").get("value").asText()).isEqualTo(boss);
  }

  @Test
  void bulk_putAndPatchOfABulkIdPath_changeTheResourceThePostCreated() {
    ObjectNode response =
        engine.bulk(
            request(
                postUser("qwerty", "Alice"),
                "{'method':'PUT','path':'/Users/bulkId:qwerty','data':{'userName':'Alice','displayName':'Alice A.'}}",
                "{'method':'PATCH','path':'/Users/bulkId:qwerty','data':{'schemas':['" + Schemas.PATCH_OP + "'],"
                    + "'Operations':[{'op':'replace','path':'nickName','value':'Al'}]}}"),
            CTX,
            BASE);

    assertThat(statuses(response)).containsExactly("201", "200", "200");
    List<JsonNode> ops = entries(response);
    assertThat(ops.get(1).get("location").asText()).isEqualTo(BASE_URI + "/Users/id-1");
    assertThat(ops.get(1).get("version").asText()).isEqualTo("W/\"2\"");
    assertThat(ops.get(2).get("version").asText()).isEqualTo("W/\"3\"");
    JsonNode alice = engine.get("User", "id-1", CTX, BASE).json();
    assertThat(alice.get("displayName").asText()).isEqualTo("Alice A.");
    assertThat(alice.get("nickName").asText()).isEqualTo("Al");
  }

  @Test
  void bulk_patchOfAGroupPathWithBulkIdAndMemberValueReferences_addsTheMember() {
    ObjectNode response =
        engine.bulk(
            request(
                postGroup("g", "Tour Guides"),
                postUser("u", "Alice"),
                "{'method':'PATCH','path':'/Groups/bulkId:g','data':{'Operations':[{'op':'add','path':'members',"
                    + "'value':[{'value':'bulkId:u'}]}]}}"),
            CTX,
            BASE);

    assertThat(statuses(response)).containsExactly("201", "201", "200");
    JsonNode patch = entries(response).get(2);
    assertThat(patch.get("method").asText()).isEqualTo("PATCH");
    assertThat(patch.get("location").asText()).isEqualTo(BASE_URI + "/Groups/id-1");
    assertThat(patch.get("version").asText()).startsWith("W/");
    assertThat(memberIds(engine, CTX, "id-1")).containsExactly("id-2");
  }

  @Test
  void bulk_patchPathFilterQuotingABulkId_isResolvedInsideTheFilter() {
    ScimResource group = createGroup(engine, CTX, "Staff");
    ScimResource keep = createUser(engine, CTX, "keep");
    engine.patch("Group", group.id(), json("{'Operations':[{'op':'add','path':'members','value':[{'value':'" + keep.id() + "'}]}]}"),
        -1, CTX, BASE);

    ObjectNode response =
        engine.bulk(
            request(
                postUser("tmp", "temporary"),
                "{'method':'PATCH','path':'/Groups/" + group.id() + "','data':{'Operations':[{'op':'add','path':'members','value':[{'value':'bulkId:tmp'}]}]}}",
                "{'method':'PATCH','path':'/Groups/" + group.id() + "','data':{'Operations':[{'op':'remove','path':'members[value eq \\'bulkId:tmp\\']'}]}}"),
            CTX,
            BASE);

    assertThat(statuses(response)).containsExactly("201", "200", "200");
    assertThat(memberIds(engine, CTX, group.id())).containsExactly(keep.id());
  }

  @Test
  void bulk_rfcAddUpdateRemoveExample_answersEachOperationLikeASingleRequest() {
    ScimResource existing = createUser(engine, CTX, "Bob");
    ScimResource other = createUser(engine, CTX, "Carol");
    ScimResource gone = createUser(engine, CTX, "Dave");
    ObjectNode response =
        engine.bulk(
            request(
                postUser("qwerty", "Alice"),
                "{'method':'PUT','path':'/Users/" + existing.id() + "','version':'W/\\'1\\'','data':{'userName':'Bob','displayName':'Bob B.'}}",
                "{'method':'PATCH','path':'/Users/" + other.id() + "','version':'W/\\'1\\'','data':{'schemas':['" + Schemas.PATCH_OP + "'],"
                    + "'Operations':[{'op':'add','path':'nickName','value':'Babs'}]}}",
                "{'method':'DELETE','path':'/Users/" + gone.id() + "','version':'W/\\'1\\''}"),
            CTX,
            BASE);

    assertThat(statuses(response)).containsExactly("201", "200", "200", "204");
    List<JsonNode> ops = entries(response);
    assertThat(ops.get(0).get("location").asText()).isEqualTo(BASE_URI + "/Users/id-4");
    assertThat(ops.get(1).get("version").asText()).isEqualTo("W/\"2\"");
    assertThat(ops.get(3)).isEqualTo(json("{'method':'DELETE','location':'" + BASE_URI + "/Users/" + gone.id() + "','status':'204'}"));
    assertThat(engine.get("User", other.id(), CTX, BASE).json().get("nickName").asText()).isEqualTo("Babs");
    assertThat(BulkFixtures.count(engine, "User", CTX)).isEqualTo(3);
  }

  @Test
  void bulk_versionAsStarOrStrongTag_isAccepted() {
    ScimResource user = createUser(engine, CTX, "Bob");
    ObjectNode response =
        engine.bulk(
            request(
                "{'method':'PATCH','path':'/Users/" + user.id() + "','version':'*','data':{'Operations':[{'op':'add','path':'nickName','value':'B'}]}}",
                "{'method':'PATCH','path':'/Users/" + user.id() + "','version':'\\'2\\'','data':{'Operations':[{'op':'add','path':'title','value':'T'}]}}"),
            CTX,
            BASE);
    assertThat(statuses(response)).containsExactly("200", "200");
  }

  @Test
  void bulk_keysAndMethodsInAnyCaseWithoutSchemas_areUnderstood() {
    ObjectNode response =
        engine.bulk(
            json("{'operations':[{'Method':'post','PATH':'/users','BulkId':'a','Data':{'userName':'lower'}},"
                + "{'METHOD':'Patch','Path':'Users/bulkId:a','DATA':{'operations':[{'op':'Add','path':'nickName','value':'n'}]}}],"
                + "'FailOnErrors':1}"),
            CTX,
            BASE);
    assertThat(statuses(response)).containsExactly("201", "200");
    assertThat(entries(response).get(0).get("method").asText()).isEqualTo("POST");
    assertThat(entries(response).get(1).get("method").asText()).isEqualTo("PATCH");
  }

  @Test
  void bulk_withoutBaseUri_answersRelativeLocations() {
    ObjectNode response = engine.bulk(request(postUser("u", "rel")), CTX, ResponseOptions.defaults());
    assertThat(entries(response).get(0).get("location").asText()).isEqualTo("/Users/id-1");
  }

  @Test
  void bulk_projectionOptions_doNotChangeTheResponseShape() {
    ObjectNode response =
        engine.bulk(request(postUser("u", "p")), CTX, new ResponseOptions(BASE_URI, "userName", "emails"));
    assertThat(entries(response).get(0).get("location").asText()).isEqualTo(BASE_URI + "/Users/id-1");
    assertThat(entries(response).get(0).has("response")).isFalse();
  }

  @Test
  void bulk_emptyOperations_answersAnEmptyResponse() {
    ObjectNode response = engine.bulk(request(), CTX, BASE);
    assertThat(response.get("Operations").isArray()).isTrue();
    assertThat(response.get("Operations")).isEmpty();
  }

  @Test
  void bulk_payloadSizeOverloadWithKnownSizeUnderTheLimit_processes() {
    ObjectNode body = request(postUser("u", "sized"));
    ObjectNode response = engine.bulk(body, body.toString().length(), CTX, BASE);
    assertThat(statuses(response)).containsExactly("201");
  }

  private static String id(JsonNode entry) {
    String location = entry.get("location").asText();
    return location.substring(location.lastIndexOf('/') + 1);
  }
}
