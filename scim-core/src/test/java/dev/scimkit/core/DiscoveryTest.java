package dev.scimkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schema;
import dev.scimkit.core.schema.Schemas;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
  private static final String BASE = "https://example.com/scim/v2";

  @Test
  void serviceProviderConfig_reflectsTheConfiguredLimits() {
    ScimEngine engine = ScimEngine.builder().maxPageSize(250).bulkLimits(new BulkLimits(50, 4096)).build();
    ObjectNode spc = engine.serviceProviderConfig(BASE);
    assertThat(spc.get("schemas").get(0).asText()).isEqualTo(Schemas.SERVICE_PROVIDER_CONFIG);
    assertThat(spc.get("patch").get("supported").asBoolean()).isTrue();
    assertThat(spc.get("filter").get("maxResults").asInt()).isEqualTo(250);
    assertThat(spc.get("bulk").get("maxOperations").asInt()).isEqualTo(50);
    assertThat(spc.get("bulk").get("maxPayloadSize").asInt()).isEqualTo(4096);
    assertThat(spc.get("sort").get("supported").asBoolean()).isTrue();
    assertThat(spc.get("etag").get("supported").asBoolean()).isTrue();
    assertThat(spc.get("authenticationSchemes").get(0).get("type").asText()).isEqualTo("oauthbearertoken");
    assertThat(spc.get("meta").get("location").asText()).isEqualTo(BASE + "/ServiceProviderConfig");
  }

  @Test
  void resourceTypes_listUserWithTheEnterpriseExtensionAndHostTypes() {
    Schema deviceSchema = Schema.builder("urn:example:Device").name("Device")
        .attribute(Attribute.builder("serial").type(AttributeType.STRING).required(true).build())
        .build();
    ResourceType device = ResourceType.builder("Device", "/Devices", deviceSchema).build();
    ScimEngine engine = ScimEngine.builder().resourceType(device).build();
    ListResponse types = engine.resourceTypeList(BASE);
    assertThat(types.totalResults()).isEqualTo(3);
    List<String> names = types.resources().stream().map(r -> r.get("name").asText()).toList();
    assertThat(names).containsExactly("User", "Group", "Device");
    JsonNode user = engine.resourceTypeDocument("user", BASE);
    assertThat(user.get("endpoint").asText()).isEqualTo("/Users");
    assertThat(user.get("schemaExtensions").get(0).get("schema").asText()).isEqualTo(Schemas.ENTERPRISE_USER);
    assertThat(user.get("meta").get("location").asText()).isEqualTo(BASE + "/ResourceTypes/User");
    assertThat(engine.schemaDocument("urn:example:Device", BASE).get("attributes").get(0).get("name").asText()).isEqualTo("serial");
  }

  @Test
  void schemas_includeEveryServedSchemaWithFullCharacteristics() {
    ScimEngine engine = ScimEngine.builder().build();
    List<String> ids = engine.schemaList(BASE).resources().stream().map(r -> r.get("id").asText()).toList();
    assertThat(ids).contains(Schemas.USER, Schemas.GROUP, Schemas.ENTERPRISE_USER, Schemas.SERVICE_PROVIDER_CONFIG);
    JsonNode userName = engine.schemaDocument(Schemas.USER, BASE).get("attributes").get(0);
    assertThat(userName.get("name").asText()).isEqualTo("userName");
    assertThat(userName.get("uniqueness").asText()).isEqualTo("server");
    assertThat(userName.get("required").asBoolean()).isTrue();
    assertThat(userName.get("mutability").asText()).isEqualTo("readWrite");
  }

  @Test
  void unknownSchemaOrResourceType_is404() {
    ScimEngine engine = ScimEngine.builder().build();
    assertThatThrownBy(() -> engine.schemaDocument("urn:nope", BASE))
        .satisfies(t -> assertThat(((ScimException) t).status()).isEqualTo(404));
    assertThatThrownBy(() -> engine.resourceTypeDocument("Nope", BASE))
        .satisfies(t -> assertThat(((ScimException) t).status()).isEqualTo(404));
  }
}
