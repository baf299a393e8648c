package dev.scimkit.jaxrs.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Assertions on SCIM replies. */
public final class ScimAssertions {
  public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
  public static final String LIST_RESPONSE_SCHEMA =
      "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  /**
   * What must never appear in a body sent to a client: stack frames, exception class names,
   * package names of the library, its dependencies and the runtimes.
   */
  static final List<String> LEAKS =
      List.of(
          "Exception",
          "Throwable",
          "\tat ",
          "at dev.",
          "at java.",
          "Caused by",
          "dev.scimkit.",
          "com.fasterxml",
          "org.glassfish",
          "org.jboss",
          "io.undertow",
          "jakarta.",
          "java.lang",
          "java.util",
          "java.io");

  private ScimAssertions() {}

  /** The body holds no stack trace, exception class name or internal package name. */
  public static void assertNoLeak(Reply reply) {
    for (String leak : LEAKS) {
      assertThat(reply.body()).as("leak of '%s' in %s", leak, reply).doesNotContain(leak);
    }
  }

  /**
   * What every SCIM response has: the caching and sniffing headers, {@code
   * application/scim+json} on any body, and a SCIM Error body on any failure.
   */
  public static void assertScimResponse(Reply reply) {
    assertThat(reply.header("Cache-Control")).as("Cache-Control of %s", reply).isEqualTo("no-store");
    assertThat(reply.header("X-Content-Type-Options"))
        .as("X-Content-Type-Options of %s", reply)
        .isEqualTo("nosniff");
    if (!reply.body().isEmpty()) {
      assertScimJson(reply);
    }
    if (reply.status() >= 400) {
      assertErrorBody(reply, reply.status());
    }
  }

  /** The response's Content-Type is {@code application/scim+json}, with or without parameters. */
  public static void assertScimJson(Reply reply) {
    String type = reply.header("Content-Type");
    assertThat(type).as("Content-Type of %s", reply).isNotNull();
    assertThat(type.split(";")[0].trim()).as("Content-Type of %s", reply).isEqualTo("application/scim+json");
  }

  /** A SCIM Error reply with this status and {@code scimType} ({@code null}: none expected). */
  public static void assertScimError(Reply reply, int status, String scimType) {
    assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
    assertScimJson(reply);
    JsonNode body = assertErrorBody(reply, status);
    if (scimType == null) {
      assertThat(body.has("scimType")).as("no scimType in %s", reply).isFalse();
    } else {
      assertThat(body.path("scimType").asText()).as("scimType of %s", reply).isEqualTo(scimType);
    }
  }

  private static JsonNode assertErrorBody(Reply reply, int status) {
    JsonNode body = reply.json();
    assertThat(body.path("schemas").toString()).as("schemas of %s", reply).isEqualTo("[\"" + ERROR_SCHEMA + "\"]");
    assertThat(body.path("status").isTextual()).as("status is a string in %s", reply).isTrue();
    assertThat(body.path("status").asText()).as("status of %s", reply).isEqualTo(Integer.toString(status));
    assertThat(body.path("detail").asText()).as("detail of %s", reply).isNotBlank();
    return body;
  }

  /** A {@code ListResponse} with these counts and integer-typed fields. */
  public static JsonNode assertListResponse(Reply reply, int totalResults, int startIndex, int itemsPerPage) {
    assertThat(reply.status()).as("status of %s", reply).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.path("schemas").toString()).as("schemas of %s", reply).isEqualTo("[\"" + LIST_RESPONSE_SCHEMA + "\"]");
    assertThat(body.path("totalResults").isInt()).as("integer totalResults in %s", reply).isTrue();
    assertThat(body.path("startIndex").isInt()).as("integer startIndex in %s", reply).isTrue();
    assertThat(body.path("itemsPerPage").isInt()).as("integer itemsPerPage in %s", reply).isTrue();
    assertThat(body.path("totalResults").asInt()).as("totalResults of %s", reply).isEqualTo(totalResults);
    assertThat(body.path("startIndex").asInt()).as("startIndex of %s", reply).isEqualTo(startIndex);
    assertThat(body.path("itemsPerPage").asInt()).as("itemsPerPage of %s", reply).isEqualTo(itemsPerPage);
    assertThat(body.path("Resources").isArray()).as("Resources array in %s", reply).isTrue();
    assertThat(body.path("Resources").size()).as("Resources in %s", reply).isEqualTo(itemsPerPage);
    return body;
  }
}
