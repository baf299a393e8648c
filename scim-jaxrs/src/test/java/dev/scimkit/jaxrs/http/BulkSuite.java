package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.Fixtures.USER_SCHEMA;
import static dev.scimkit.jaxrs.http.Fixtures.createUser;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static dev.scimkit.jaxrs.http.ScimHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.BulkLimits;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.jaxrs.ScimHttpConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /Bulk} (RFC 7644 section 3.7) with its limits. */
public abstract class BulkSuite extends ScimHttpTest {
  static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
  static final int MAX_OPERATIONS = 5;
  static final int MAX_PAYLOAD = 20_000;
  static final int MAX_REQUEST = 4_096;

  @Override
  protected ScimEngine.Builder engine(ScimEngine.Builder builder) {
    return builder.bulkLimits(new BulkLimits(MAX_OPERATIONS, MAX_PAYLOAD));
  }

  @Override
  protected ScimHttpConfig.Builder config(ScimHttpConfig.Builder builder) {
    return builder.maxRequestBytes(MAX_REQUEST);
  }

  static String bulk(String... operations) {
    return "{\"schemas\":[\"" + BULK_REQUEST + "\"],\"Operations\":[" + String.join(",", operations) + "]}";
  }

  static String postUser(String bulkId, String userName) {
    return """
        {"method":"POST","path":"/Users","bulkId":"%s",
         "data":{"schemas":["%s"],"userName":"%s"}}
        """.formatted(bulkId, USER_SCHEMA, userName);
  }

  @Test
  void bulk_createsAUserAndAGroupThatReferencesItsBulkId() {
    String userName = unique("bulk");
    String displayName = unique("BulkGroup");
    // the group comes first: the server must run the user's POST before it
    String body =
        bulk(
            """
            {"method":"POST","path":"/Groups","bulkId":"g1",
             "data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s",
                     "members":[{"type":"User","value":"bulkId:u1"}]}}
            """.formatted(displayName),
            postUser("u1", userName));

    Reply r = http.post("/Bulk", body);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonNode response = r.json();
    assertThat(response.path("schemas").toString()).contains(BULK_RESPONSE);
    JsonNode ops = response.path("Operations");
    assertThat(ops.size()).isEqualTo(2);
    for (JsonNode op : ops) {
      assertThat(op.path("status").isTextual()).as("status as a string: %s", op).isTrue();
      assertThat(op.path("status").asText()).as("%s", op).isEqualTo("201");
      assertThat(op.path("location").asText()).startsWith(http.base() + "/");
      assertThat(op.path("version").asText()).startsWith("W/\"");
    }
    String groupLocation = ops.get(0).path("location").asText();
    String userLocation = ops.get(1).path("location").asText();
    assertThat(groupLocation).startsWith(http.base() + "/Groups/");
    assertThat(userLocation).startsWith(http.base() + "/Users/");
    String userId = userLocation.substring(userLocation.lastIndexOf('/') + 1);

    Reply group = http.get(groupLocation);
    assertThat(group.status()).isEqualTo(200);
    assertThat(group.json().path("members").get(0).path("value").asText()).isEqualTo(userId);
    assertThat(http.get("/Users?filter=" + form("userName eq \"" + userName + "\"")).json().path("totalResults").asInt())
        .isEqualTo(1);
  }

  @Test
  void bulk_patchAndDeleteByPath() {
    String id = createUser(http, unique("bulkpatch"));
    String other = createUser(http, unique("bulkdelete"));
    String body =
        bulk(
            """
            {"method":"PATCH","path":"/Users/%s","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations":[{"op":"replace","path":"displayName","value":"Bulk Patched"}]}}
            """.formatted(id),
            "{\"method\":\"DELETE\",\"path\":\"/Users/" + other + "\"}");

    Reply r = http.post("/Bulk", body);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("Operations").get(0).path("status").asText()).isEqualTo("200");
    assertThat(r.json().path("Operations").get(1).path("status").asText()).isEqualTo("204");
    assertThat(http.get("/Users/" + id).json().path("displayName").asText()).isEqualTo("Bulk Patched");
    assertScimError(http.get("/Users/" + other), 404, null);
  }

  @Test
  void bulk_aFailedOperationIsAnErrorEntryNotAFailedRequest() {
    String taken = unique("taken");
    createUser(http, taken);

    Reply r = http.post("/Bulk", bulk(postUser("dup", taken), postUser("ok", unique("fresh"))));

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonNode failed = r.json().path("Operations").get(0);
    assertThat(failed.path("status").asText()).isEqualTo("409");
    assertThat(failed.path("response").path("status").asText()).isEqualTo("409");
    assertThat(failed.path("response").path("scimType").asText()).isEqualTo("uniqueness");
    assertThat(r.json().path("Operations").get(1).path("status").asText()).isEqualTo("201");
  }

  @Test
  void bulk_failOnErrors_stopsAfterThatManyErrors() {
    String taken = unique("taken");
    createUser(http, taken);
    String last = unique("never");
    String body =
        "{\"schemas\":[\"" + BULK_REQUEST + "\"],\"failOnErrors\":1,\"Operations\":["
            + postUser("a", taken) + "," + postUser("b", last) + "]}";

    Reply r = http.post("/Bulk", body);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("Operations").size()).isEqualTo(1);
    assertThat(http.get("/Users?filter=" + form("userName eq \"" + last + "\"")).json().path("totalResults").asInt())
        .isZero();
  }

  @Test
  void bulk_circularReferences_areRejected() {
    String body =
        bulk(
            """
            {"method":"POST","path":"/Groups","bulkId":"a",
             "data":{"displayName":"%s","members":[{"type":"Group","value":"bulkId:b"}]}}
            """.formatted(unique("CycleA")),
            """
            {"method":"POST","path":"/Groups","bulkId":"b",
             "data":{"displayName":"%s","members":[{"type":"Group","value":"bulkId:a"}]}}
            """.formatted(unique("CycleB")));

    Reply r = http.post("/Bulk", body);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    for (JsonNode op : r.json().path("Operations")) {
      assertThat(op.path("status").asText()).as("%s", op).isEqualTo("409");
    }
  }

  @Test
  void bulk_withMoreOperationsThanAllowed_is413AndChangesNothing() {
    String prefix = unique("toomany");
    List<String> ops = new ArrayList<>();
    for (int i = 0; i <= MAX_OPERATIONS; i++) {
      ops.add(postUser("u" + i, prefix + "-" + i));
    }

    Reply r = http.post("/Bulk", bulk(ops.toArray(String[]::new)));

    assertScimError(r, 413, null);
    assertThat(http.get("/Users?filter=" + form("userName sw \"" + prefix + "\"")).json().path("totalResults").asInt())
        .isZero();
  }

  @Test
  void bulk_largerThanMaxPayloadSize_is413() {
    String padding = "x".repeat(MAX_PAYLOAD);
    String body =
        bulk(
            """
            {"method":"POST","path":"/Users","bulkId":"big",
             "data":{"schemas":["%s"],"userName":"%s","nickName":"%s"}}
            """.formatted(USER_SCHEMA, unique("big"), padding));

    assertScimError(http.post("/Bulk", body), 413, null);
  }

  @Test
  void bulk_mayBeLargerThanMaxRequestBytesUpToMaxPayloadSize() {
    String userName = unique("roomy");
    String body =
        bulk(
            """
            {"method":"POST","path":"/Users","bulkId":"roomy",
             "data":{"schemas":["%s"],"userName":"%s","nickName":"%s"}}
            """.formatted(USER_SCHEMA, userName, "n".repeat(MAX_REQUEST * 2)));

    Reply r = http.post("/Bulk", body);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("Operations").get(0).path("status").asText()).isEqualTo("201");
  }

  @Test
  void bulk_thatIsNotABulkRequest_is400InvalidSyntax() {
    assertScimError(http.post("/Bulk", "{\"schemas\":[\"" + BULK_REQUEST + "\"]}"), 400, "invalidSyntax");
    assertScimError(http.post("/Bulk", "[]"), 400, "invalidSyntax");
  }
}
