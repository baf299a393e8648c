package dev.scimkit.core.bulk;

import static dev.scimkit.core.bulk.BulkFixtures.BASE;
import static dev.scimkit.core.bulk.BulkFixtures.BASE_URI;
import static dev.scimkit.core.bulk.BulkFixtures.CTX;
import static dev.scimkit.core.bulk.BulkFixtures.count;
import static dev.scimkit.core.bulk.BulkFixtures.createUser;
import static dev.scimkit.core.bulk.BulkFixtures.entries;
import static dev.scimkit.core.bulk.BulkFixtures.json;
import static dev.scimkit.core.bulk.BulkFixtures.postGroup;
import static dev.scimkit.core.bulk.BulkFixtures.postUser;
import static dev.scimkit.core.bulk.BulkFixtures.request;
import static dev.scimkit.core.bulk.BulkFixtures.requestFailingOn;
import static dev.scimkit.core.bulk.BulkFixtures.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimResource;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.Schemas;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failed operations, failOnErrors, references that cannot work out, and malformed requests. */
class BulkErrorsTest {
  private ScimEngine engine;

  @BeforeEach
  void setUp() {
    engine = BulkFixtures.engine();
  }

  // ---- errors of the operations themselves -----------------------------------------------------

  @Test
  void bulk_duplicateUserName_is409UniquenessWithTheErrorBodyAndNoLocation() {
    createUser(engine, CTX, "bjensen");
    JsonNode op = entries(engine.bulk(request(postUser("q", "BJENSEN")), CTX, BASE)).get(0);

    assertThat(op.get("status").asText()).isEqualTo("409");
    assertThat(op.get("method").asText()).isEqualTo("POST");
    assertThat(op.get("bulkId").asText()).isEqualTo("q");
    assertThat(op.has("location")).isFalse();
    assertThat(op.has("version")).isFalse();
    JsonNode error = op.get("response");
    assertThat(error.get("schemas")).containsExactly(JsonNodeFactory.instance.textNode(Schemas.ERROR));
    assertThat(error.get("scimType").asText()).isEqualTo("uniqueness");
    assertThat(error.get("status").isTextual()).isTrue();
    assertThat(error.get("status").asText()).isEqualTo("409");
    assertThat(error.get("detail").asText()).isNotBlank();
  }

  @Test
  void bulk_unknownIds_are404WithTheLocationTheyAddressed() {
    ObjectNode response =
        engine.bulk(
            request(
                "{'method':'PUT','path':'/Users/nope','data':{'userName':'x'}}",
                "{'method':'PATCH','path':'/Groups/nope','data':{'Operations':[{'op':'add','path':'displayName','value':'x'}]}}",
                "{'method':'DELETE','path':'/Users/nope'}"),
            CTX,
            BASE);

    assertThat(statuses(response)).containsExactly("404", "404", "404");
    List<JsonNode> ops = entries(response);
    assertThat(ops.get(0).get("location").asText()).isEqualTo(BASE_URI + "/Users/nope");
    assertThat(ops.get(1).get("location").asText()).isEqualTo(BASE_URI + "/Groups/nope");
    assertThat(ops.get(2).get("response").get("status").asText()).isEqualTo("404");
    assertThat(ops.get(2).get("response").has("scimType")).isFalse();
  }

  @Test
  void bulk_staleVersion_is412AndChangesNothing() {
    ScimResource user = createUser(engine, CTX, "bob");
    engine.patch("User", user.id(), json("{'Operations':[{'op':'add','path':'nickName','value':'b'}]}"), -1, CTX, BASE);

    ObjectNode response =
        engine.bulk(
            request(
                "{'method':'PUT','path':'/Users/" + user.id() + "','version':'W/\\'1\\'','data':{'userName':'bob','title':'x'}}",
                "{'method':'PATCH','path':'/Users/" + user.id() + "','version':'W/\\'1\\'','data':{'Operations':[{'op':'add','path':'title','value':'x'}]}}",
                "{'method':'DELETE','path':'/Users/" + user.id() + "','version':'W/\\'1\\''}"),
            CTX,
            BASE);

    assertThat(statuses(response)).containsExactly("412", "412", "412");
    assertThat(entries(response).get(0).get("location").asText()).isEqualTo(BASE_URI + "/Users/" + user.id());
    ScimResource after = engine.get("User", user.id(), CTX, BASE);
    assertThat(after.version()).isEqualTo(2);
    assertThat(after.json().has("title")).isFalse();
  }

  @Test
  void bulk_versionThatIsNoneOfOurs_is412ButUnknownIdStays404() {
    ScimResource user = createUser(engine, CTX, "bob");
    ObjectNode response =
        engine.bulk(
            request(
                "{'method':'DELETE','path':'/Users/" + user.id() + "','version':'W/\\'abc\\''}",
                "{'method':'DELETE','path':'/Users/nope','version':'W/\\'abc\\''}"),
            CTX,
            BASE);
    assertThat(statuses(response)).containsExactly("412", "404");
    assertThat(count(engine, "User", CTX)).isEqualTo(1);
  }

  @Test
  void bulk_invalidData_isThe400ASingleRequestWouldGet() {
    JsonNode op = entries(engine.bulk(request("{'method':'POST','path':'/Users','bulkId':'a','data':{'displayName':'no userName'}}"), CTX, BASE)).get(0);
    assertThat(op.get("status").asText()).isEqualTo("400");
    assertThat(op.get("response").get("scimType").asText()).isEqualTo(ScimType.INVALID_VALUE.value());
  }

  // ---- failOnErrors --------------------------------------------------------------------------

  @Test
  void bulk_failOnErrorsOne_stopsAtTheFirstErrorAndListsNothingAfterIt() {
    createUser(engine, CTX, "taken");
    ScimResource keep = createUser(engine, CTX, "keep");

    ObjectNode response =
        engine.bulk(
            requestFailingOn(1, postUser("ok", "fine"), postUser("dup", "taken"), "{'method':'DELETE','path':'/Users/" + keep.id() + "'}",
                postUser("later", "later")),
            CTX,
            BASE);

    assertThat(statuses(response)).containsExactly("201", "409");
    assertThat(engine.get("User", keep.id(), CTX, BASE).id()).isEqualTo(keep.id());
    assertThat(count(engine, "User", CTX)).isEqualTo(3);
  }

  @Test
  void bulk_failOnErrorsTwo_continuesAfterOneErrorAndStopsAtTheSecond() {
    ObjectNode response =
        engine.bulk(
            requestFailingOn(2, "{'method':'DELETE','path':'/Users/x'}", postUser("a", "a"), "{'method':'DELETE','path':'/Users/y'}",
                postUser("b", "b")),
            CTX,
            BASE);
    assertThat(statuses(response)).containsExactly("404", "201", "404");
    assertThat(count(engine, "User", CTX)).isEqualTo(1);
  }

  @Test
  void bulk_withoutFailOnErrors_triesEveryOperation() {
    ObjectNode response =
        engine.bulk(
            request("{'method':'DELETE','path':'/Users/x'}", "{'method':'DELETE','path':'/Users/y'}", postUser("a", "a")),
            CTX,
            BASE);
    assertThat(statuses(response)).containsExactly("404", "404", "201");
  }

  @Test
  void bulk_failOnErrorsSentAsString_isAccepted() {
    ObjectNode body = request("{'method':'DELETE','path':'/Users/x'}", postUser("a", "a"));
    body.put("failOnErrors", "1");
    assertThat(statuses(engine.bulk(body, CTX, BASE))).containsExactly("404");
  }

  @Test
  void bulk_failOnErrorsNotAPositiveInteger_is400InvalidValueAndChangesNothing() {
    for (String bad : List.of("0", "-1", "1.5", "'many'", "true")) {
      ObjectNode body = request(postUser("a", "a"));
      body.set("failOnErrors", json("{'v':" + bad + "}").get("v"));
      assertThatThrownBy(() -> engine.bulk(body, CTX, BASE))
          .as(bad)
          .isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
          });
    }
    assertThat(count(engine, "User", CTX)).isZero();
  }

  @Test
  void bulk_failOnErrors_countsOperationsRejectedBeforeTheyRun() {
    ObjectNode response =
        engine.bulk(requestFailingOn(1, "{'method':'GET','path':'/Users/x'}", postUser("a", "a")), CTX, BASE);
    assertThat(statuses(response)).containsExactly("400");
    assertThat(count(engine, "User", CTX)).isZero();
  }

  // ---- bulkId references -----------------------------------------------------------------------

  @Test
  void bulk_referenceToABulkIdNoPostDefines_is409WithoutScimTypeAndCreatesNothing() {
    JsonNode op = entries(engine.bulk(request(postGroup("g", "Tour Guides", "bulkId:nobody")), CTX, BASE)).get(0);

    assertThat(op.get("status").asText()).isEqualTo("409");
    assertThat(op.get("response").has("scimType")).isFalse();
    assertThat(op.get("response").get("detail").asText()).contains("\"nobody\"");
    assertThat(count(engine, "Group", CTX)).isZero();
  }

  @Test
  void bulk_referenceToAFailedPost_is409AndTheReferrerIsNotCreated() {
    createUser(engine, CTX, "taken");
    ObjectNode response =
        engine.bulk(
            request(postGroup("g", "Tour Guides", "bulkId:u"), postUser("u", "taken"),
                "{'method':'PATCH','path':'/Users/bulkId:u','data':{'Operations':[{'op':'add','path':'nickName','value':'n'}]}}"),
            CTX,
            BASE);

    assertThat(statuses(response)).containsExactly("409", "409", "409");
    List<JsonNode> ops = entries(response);
    assertThat(ops.get(1).get("response").get("scimType").asText()).isEqualTo("uniqueness");
    assertThat(ops.get(0).get("response").has("scimType")).isFalse();
    assertThat(ops.get(0).get("response").get("detail").asText()).contains("\"u\"").contains("failed");
    assertThat(ops.get(2).has("location")).isFalse();
    assertThat(count(engine, "Group", CTX)).isZero();
  }

  @Test
  void bulk_circularReferenceBetweenTwoGroups_is409ForBothNamingTheCycle() {
    ObjectNode response =
        engine.bulk(
            request(
                "{'method':'POST','path':'/Groups','bulkId':'A','data':{'displayName':'A','members':[{'type':'Group','value':'bulkId:B'}]}}",
                "{'method':'POST','path':'/Groups','bulkId':'B','data':{'displayName':'B','members':[{'type':'Group','value':'bulkId:A'}]}}",
                postUser("u", "unrelated")),
            CTX,
            BASE);

    assertThat(statuses(response)).containsExactly("409", "409", "201");
    for (JsonNode op : entries(response).subList(0, 2)) {
      assertThat(op.has("location")).isFalse();
      assertThat(op.get("response").has("scimType")).isFalse();
      assertThat(op.get("response").get("detail").asText()).contains("\"A\"", "\"B\"", "cycle");
    }
    assertThat(count(engine, "Group", CTX)).isZero();
  }

  @Test
  void bulk_postReferencingItsOwnBulkId_is409() {
    JsonNode op = entries(engine.bulk(request(postGroup("self", "Self", "bulkId:self")), CTX, BASE)).get(0);
    assertThat(op.get("status").asText()).isEqualTo("409");
    assertThat(op.get("response").get("detail").asText()).contains("references itself");
  }

  @Test
  void bulk_operationDependingOnACycle_is409BecauseThePostFailed() {
    ObjectNode response =
        engine.bulk(
            request(
                "{'method':'POST','path':'/Groups','bulkId':'A','data':{'displayName':'A','members':[{'value':'bulkId:B'}]}}",
                "{'method':'POST','path':'/Groups','bulkId':'B','data':{'displayName':'B','members':[{'value':'bulkId:A'}]}}",
                postGroup("C", "C", "bulkId:A")),
            CTX,
            BASE);
    assertThat(statuses(response)).containsExactly("409", "409", "409");
    assertThat(entries(response).get(2).get("response").get("detail").asText()).contains("\"A\"").contains("failed");
  }

  // ---- malformed operations ------------------------------------------------------------------

  @Test
  void bulk_malformedOperations_failAloneWithA400AndTheRestRuns() {
    ObjectNode response =
        engine.bulk(
            request(
                "'not an object'",
                "{'method':'GET','path':'/Users/x'}",
                "{'path':'/Users','bulkId':'m','data':{}}",
                "{'method':'POST','path':'/Users','data':{'userName':'noBulkId'}}",
                "{'method':'POST','bulkId':'p','data':{'userName':'noPath'}}",
                "{'method':'PUT','path':'/Users/x'}",
                "{'method':'POST','path':'/Users','bulkId':7,'data':{'userName':'numericBulkId'}}",
                "{'method':'PATCH','path':'/Users/x','version':{'v':1},'data':{'Operations':[]}}",
                postUser("fine", "fine")),
            CTX,
            BASE);

    assertThat(statuses(response)).containsExactly("400", "400", "400", "400", "400", "400", "400", "400", "201");
    List<JsonNode> ops = entries(response);
    for (JsonNode op : ops.subList(0, 8)) {
      assertThat(op.get("response").get("scimType").asText()).as(op.toString()).isEqualTo("invalidSyntax");
      assertThat(op.get("response").get("detail").asText()).as(op.toString()).startsWith("operation ");
    }
    assertThat(ops.get(0).has("method")).isFalse();
    assertThat(ops.get(1).get("method").asText()).isEqualTo("GET");
    assertThat(ops.get(2).has("method")).isFalse();
    assertThat(ops.get(2).get("bulkId").asText()).isEqualTo("m");
    assertThat(ops.get(5).get("location").asText()).isEqualTo(BASE_URI + "/Users/x");
    assertThat(count(engine, "User", CTX)).isEqualTo(1);
  }

  @Test
  void bulk_pathThatDoesNotFitTheMethod_is400InvalidPath() {
    ObjectNode response =
        engine.bulk(
            request(
                "{'method':'POST','path':'/Users/abc','bulkId':'a','data':{'userName':'a'}}",
                "{'method':'DELETE','path':'/Users'}",
                "{'method':'PATCH','path':'/Users/a/b','data':{'Operations':[]}}"),
            CTX,
            BASE);
    assertThat(statuses(response)).containsExactly("400", "400", "400");
    entries(response).forEach(op -> assertThat(op.get("response").get("scimType").asText()).isEqualTo("invalidPath"));
  }

  @Test
  void bulk_pathUnderNoResourceType_is404() {
    ObjectNode response =
        engine.bulk(request("{'method':'POST','path':'/Widgets','bulkId':'w','data':{}}", "{'method':'DELETE','path':'/'}"), CTX, BASE);
    assertThat(statuses(response)).containsExactly("404", "404");
    assertThat(entries(response).get(0).get("response").get("detail").asText()).contains("/Widgets");
  }

  @Test
  void bulk_secondPostWithTheSameBulkId_is400InvalidValueAndReferencesGoToTheFirst() {
    ObjectNode response =
        engine.bulk(request(postUser("same", "first"), postUser("same", "second"), postGroup("g", "G", "bulkId:same")), CTX, BASE);

    assertThat(statuses(response)).containsExactly("201", "400", "201");
    assertThat(entries(response).get(1).get("response").get("scimType").asText()).isEqualTo("invalidValue");
    String groupId = entries(response).get(2).get("location").asText().replace(BASE_URI + "/Groups/", "");
    assertThat(BulkFixtures.memberIds(engine, CTX, groupId)).containsExactly("id-1");
  }

  // ---- malformed requests --------------------------------------------------------------------

  @Test
  void bulk_bodyThatIsNoObjectWithOperations_is400InvalidSyntaxForTheWholeRequest() {
    for (JsonNode body : List.of(json("{'v':[1]}").get("v"), json("{'Operations':{}}"), json("{'schemas':['" + Schemas.BULK_REQUEST + "']}"),
        JsonNodeFactory.instance.textNode("x"))) {
      assertThatThrownBy(() -> engine.bulk(body, CTX, BASE))
          .as(body.toString())
          .isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).isEqualTo(ScimType.INVALID_SYNTAX);
          });
    }
    assertThatThrownBy(() -> engine.bulk(null, CTX, BASE))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void bulk_nullContextOrOptions_isAProgrammingError() {
    ObjectNode body = request();
    assertThatThrownBy(() -> engine.bulk(body, null, BASE)).isInstanceOf(NullPointerException.class).hasMessage("ctx == null");
    assertThatThrownBy(() -> engine.bulk(body, CTX, null)).isInstanceOf(NullPointerException.class).hasMessage("options == null");
  }

  // ---- unexpected failures -------------------------------------------------------------------

  @Test
  void bulk_unexpectedException_is500WithAGenericDetailAndTheRequestIdButNoMessage() {
    String secret = "jdbc:postgresql://db.internal/scim password=hunter2";
    ScimEngine failing =
        BulkFixtures.builder()
            .check("User", (type, doc, ctx) -> {
              if (doc.get("userName").asText().equals("boom")) {
                throw new IllegalStateException(secret);
              }
            })
            .build();

    ObjectNode response = failing.bulk(request(postUser("b", "boom"), postUser("ok", "fine")), CTX, BASE);

    assertThat(statuses(response)).containsExactly("500", "201");
    JsonNode error = entries(response).get(0).get("response");
    assertThat(error.get("status").asText()).isEqualTo("500");
    assertThat(error.has("scimType")).isFalse();
    assertThat(error.get("detail").asText()).contains("req-42");
    assertThat(response.toString()).doesNotContain("hunter2", "postgresql", "IllegalStateException");
  }
}
