package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.Fixtures.USER_SCHEMA;
import static dev.scimkit.jaxrs.http.Fixtures.createUser;
import static dev.scimkit.jaxrs.http.Fixtures.patch;
import static dev.scimkit.jaxrs.http.Fixtures.user;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests in {@code application/scim+json} and {@code application/json}, with or without a
 * charset; every response in {@code application/scim+json}, including what the runtime itself
 * answers (404, 405, 406, 415). {@link ScimHttp} checks the headers of every reply as well.
 */
public abstract class MediaTypeSuite extends ScimHttpTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/scim+json; charset=utf-8",
        "application/scim+json",
        "application/json",
        "application/json; charset=UTF-8",
        "application/scim+json;charset=\"utf-8\""
      })
  void requestBodies_inEitherJsonTypeAreAccepted(String contentType) {
    String userName = unique("media");

    Reply created = http.post("/Users", user(userName), "Content-Type", contentType);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertScimJson(created);

    Reply patched =
        http.patch(
            "/Users/" + created.id(),
            patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Typed\"}"),
            "Content-Type",
            contentType);
    assertThat(patched.status()).as("%s", patched).isEqualTo(200);

    Reply replaced = http.put("/Users/" + created.id(), user(userName), "Content-Type", contentType);
    assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);

    Reply searched = http.post("/Users/.search", "{\"filter\":\"userName eq \\\"" + userName + "\\\"\"}", "Content-Type", contentType);
    assertThat(searched.json().path("totalResults").asInt()).as("%s", searched).isEqualTo(1);
  }

  @Test
  void get_withoutAnAcceptHeader_answersScimJson() {
    String id = createUser(http, unique("noaccept"));

    Reply r = http.get("/Users/" + id);

    assertThat(r.status()).isEqualTo(200);
    assertScimJson(r);
    assertThat(http.get("/Users").status()).isEqualTo(200);
    assertThat(http.get("/ServiceProviderConfig").status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/scim+json",
        "*/*",
        "application/*",
        "application/scim+json, application/json;q=0.9",
        "application/json, text/plain, */*"
      })
  void get_withAnAcceptableAcceptHeader_answersScimJson(String accept) {
    String id = createUser(http, unique("accept"));

    Reply r = http.get("/Users/" + id, "Accept", accept);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertScimJson(r);
    assertThat(r.id()).isEqualTo(id);
  }

  @Test
  void nonAsciiValues_roundTripInUtf8() {
    String userName = unique("zoë.ünïcødé") + "@example.com";
    String body =
        """
        {"schemas":["%s"],"userName":"%s","displayName":"Zoë Ünïcødé 山田 😀"}
        """.formatted(USER_SCHEMA, userName);

    Reply created = http.post("/Users", body);

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.json().path("displayName").asText()).isEqualTo("Zoë Ünïcødé 山田 😀");
    assertThat(http.get("/Users/" + created.id()).json().path("userName").asText()).isEqualTo(userName);
  }

  @Test
  void unknownPath_isTheRuntimes404AsAScimError() {
    String id = createUser(http, unique("deep"));

    assertScimError(http.get("/Users/" + id + "/extra"), 404, null);
    assertScimError(http.get("/Users/a/b/c"), 404, null);
    assertScimError(http.post("/Users/" + id + "/extra", "{}"), 404, null);
  }

  @Test
  void unknownResourceType_is404() {
    assertScimError(http.get("/Devices"), 404, null);
    assertScimError(http.get("/Devices/1"), 404, null);
    assertScimError(http.post("/Devices", "{}"), 404, null);
  }

  @Test
  void wrongMethod_is405WithAllowAsAScimError() {
    Reply r = http.delete("/Users");

    assertScimError(r, 405, null);
    assertThat(allowed(r)).contains("GET", "POST").doesNotContain("DELETE");

    Reply put = http.put("/Groups", "{}");
    assertScimError(put, 405, null);
    assertThat(allowed(put)).contains("GET", "POST");
  }

  @Test
  void wrongMethodOnADiscoveryEndpoint_is405() {
    Reply r = http.delete("/ServiceProviderConfig");

    assertScimError(r, 405, null);
    assertThat(allowed(r)).contains("GET").doesNotContain("DELETE");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "POST /ServiceProviderConfig",
        "PUT /ServiceProviderConfig",
        "PATCH /ServiceProviderConfig",
        "POST /Schemas",
        "PUT /Schemas",
        "PATCH /Schemas",
        "DELETE /Schemas",
        "POST /ResourceTypes",
        "PUT /ResourceTypes",
        "PATCH /ResourceTypes",
        "DELETE /ResourceTypes",
        "POST /Schemas/urn:ietf:params:scim:schemas:core:2.0:User",
        "PUT /Schemas/urn:ietf:params:scim:schemas:core:2.0:User",
        "PATCH /Schemas/urn:ietf:params:scim:schemas:core:2.0:User",
        "DELETE /Schemas/urn:ietf:params:scim:schemas:core:2.0:User",
        "POST /ResourceTypes/User",
        "PUT /ResourceTypes/User",
        "PATCH /ResourceTypes/User",
        "DELETE /ResourceTypes/User",
      })
  void everyMethodButGetOnADiscoveryEndpoint_is405WithAllow(String request) {
    // RFC 7644 section 4: the discovery endpoints are GET only; never fall through to "{type}"
    String method = request.split(" ")[0];
    String path = request.split(" ")[1];

    Reply r = http.send(method, path, method.equals("DELETE") ? null : "{}");

    assertScimError(r, 405, null);
    assertThat(allowed(r)).contains("GET").doesNotContain(method);
    assertThat(http.get(path).status()).isEqualTo(200);
  }

  @Test
  void textPlainBody_is415AsAScimError() {
    String id = createUser(http, unique("plain"));

    assertScimError(http.post("/Users", user(unique("plain")), "Content-Type", "text/plain"), 415, null);
    assertScimError(
        http.patch("/Users/" + id, patch("{\"op\":\"remove\",\"path\":\"title\"}"), "Content-Type", "text/plain"),
        415,
        null);
    assertScimError(http.put("/Users/" + id, user(unique("xml")), "Content-Type", "application/xml"), 415, null);
  }

  @Test
  void acceptTextHtml_is406AsAScimError() {
    String id = createUser(http, unique("html"));

    assertScimError(http.get("/Users", "Accept", "text/html"), 406, null);
    assertScimError(http.get("/Users/" + id, "Accept", "application/xml"), 406, null);
  }

  @Test
  void everyReplyOfThisSuite_wentThroughTheChecks() {
    http.get("/Users");
    assertThat(http.checkedCount()).isEqualTo(http.replies().size()).isPositive();
  }

  private static List<String> allowed(Reply r) {
    String allow = r.header("Allow");
    assertThat(allow).as("Allow header of %s", r).isNotNull();
    return Arrays.stream(allow.split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
  }
}
