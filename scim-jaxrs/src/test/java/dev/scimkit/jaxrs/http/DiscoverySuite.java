package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.Fixtures.ENTERPRISE;
import static dev.scimkit.jaxrs.http.Fixtures.GROUP_SCHEMA;
import static dev.scimkit.jaxrs.http.Fixtures.USER_SCHEMA;
import static dev.scimkit.jaxrs.http.Fixtures.patch;
import static dev.scimkit.jaxrs.http.Fixtures.user;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.BulkLimits;
import dev.scimkit.core.ScimEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The discovery endpoints reflect the real configuration, and {@code /Me} answers {@code 501}
 * when the host has no resolver.
 */
public abstract class DiscoverySuite extends ScimHttpTest {

  @Override
  protected ScimEngine.Builder engine(ScimEngine.Builder builder) {
    return builder.maxPageSize(250).bulkLimits(new BulkLimits(42, 500_000));
  }

  @Test
  void serviceProviderConfig_reflectsTheConfiguration() {
    Reply r = http.get("/ServiceProviderConfig");

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.path("schemas").toString())
        .contains("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
    assertThat(body.path("patch").path("supported").asBoolean()).isTrue();
    assertThat(body.path("bulk").path("supported").asBoolean()).isTrue();
    assertThat(body.path("bulk").path("maxOperations").asInt()).isEqualTo(42);
    assertThat(body.path("bulk").path("maxPayloadSize").asInt()).isEqualTo(500_000);
    assertThat(body.path("filter").path("supported").asBoolean()).isTrue();
    assertThat(body.path("filter").path("maxResults").asInt()).isEqualTo(250);
    assertThat(body.path("sort").path("supported").asBoolean()).isTrue();
    assertThat(body.path("etag").path("supported").asBoolean()).isTrue();
    assertThat(body.path("changePassword").path("supported").isBoolean()).isTrue();
    assertThat(body.path("authenticationSchemes").size()).isPositive();
    assertThat(body.path("meta").path("location").asText()).isEqualTo(http.base() + "/ServiceProviderConfig");
  }

  @Test
  void schemas_listsUserGroupAndEnterpriseUser() {
    Reply r = http.get("/Schemas");

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    r.json().path("Resources").forEach(s -> ids.add(s.path("id").asText()));
    assertThat(ids).contains(USER_SCHEMA, GROUP_SCHEMA, ENTERPRISE);
    assertThat(r.json().path("totalResults").asInt()).isEqualTo(ids.size());
  }

  @Test
  void schemaByUrn_answersTheSchemaWithItsAttributes() {
    Reply r = http.get("/Schemas/" + USER_SCHEMA);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("id").asText()).isEqualTo(USER_SCHEMA);
    List<String> names = new ArrayList<>();
    r.json().path("attributes").forEach(a -> names.add(a.path("name").asText()));
    assertThat(names).contains("userName", "name", "emails", "active");
    assertThat(r.json().path("meta").path("location").asText()).startsWith(http.base() + "/Schemas/");
  }

  @Test
  void enterpriseSchemaByUrn_isFound() {
    Reply r = http.get("/Schemas/" + ENTERPRISE);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("id").asText()).isEqualTo(ENTERPRISE);
  }

  @Test
  void unknownSchema_is404() {
    assertScimError(http.get("/Schemas/urn:example:nothing"), 404, null);
  }

  @Test
  void resourceTypes_listsUserAndGroup() {
    Reply r = http.get("/ResourceTypes");

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    List<String> endpoints = new ArrayList<>();
    r.json().path("Resources").forEach(t -> endpoints.add(t.path("endpoint").asText()));
    assertThat(endpoints).contains("/Users", "/Groups");
  }

  @Test
  void resourceTypeUser_namesItsSchemaAndExtension() {
    Reply r = http.get("/ResourceTypes/User");

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.path("name").asText()).isEqualTo("User");
    assertThat(body.path("endpoint").asText()).isEqualTo("/Users");
    assertThat(body.path("schema").asText()).isEqualTo(USER_SCHEMA);
    assertThat(body.path("schemaExtensions").get(0).path("schema").asText()).isEqualTo(ENTERPRISE);
    assertThat(body.path("meta").path("location").asText()).isEqualTo(http.base() + "/ResourceTypes/User");
  }

  @Test
  void unknownResourceType_is404() {
    assertScimError(http.get("/ResourceTypes/Device"), 404, null);
  }

  @Test
  void me_withoutAResolver_is501ForEveryMethod() {
    assertScimError(http.get("/Me"), 501, null);
    assertScimError(http.put("/Me", user(unique("me"))), 501, null);
    assertScimError(
        http.patch("/Me", patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}")), 501, null);
    assertScimError(http.delete("/Me"), 501, null);
    assertScimError(http.post("/Me", user(unique("me"))), 501, null);
  }
}
