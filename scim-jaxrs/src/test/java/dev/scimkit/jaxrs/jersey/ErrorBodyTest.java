package dev.scimkit.jaxrs.jersey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimkit.core.BulkLimits;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.Scimkit;
import org.junit.jupiter.api.Test;

/** What a host's own server needs from Scimkit to answer as Scimkit does: the error body and the largest body. */
class ErrorBodyTest {

  @Test
  void errorBody_isTheScimErrorWithTheStatusAsAString() throws Exception {
    JsonNode body = new ObjectMapper().readTree(Scimkit.errorBody(400));

    assertThat(body.path("schemas").toString()).isEqualTo("[\"urn:ietf:params:scim:api:messages:2.0:Error\"]");
    assertThat(body.path("status").isTextual()).isTrue();
    assertThat(body.path("status").asText()).isEqualTo("400");
    assertThat(body.path("detail").asText()).isNotBlank();
    assertThat(new ObjectMapper().readTree(Scimkit.errorBody(503)).path("status").asText()).isEqualTo("503");
    assertThatThrownBy(() -> Scimkit.errorBody(200)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Scimkit.MEDIA_TYPE).isEqualTo("application/scim+json");
  }

  @Test
  void maxBodyBytes_isTheLargerOfTheRequestAndBulkLimits() {
    ScimEngine engine = ScimEngine.builder().bulkLimits(new BulkLimits(10, 5_000_000)).build();

    assertThat(ScimHttpConfig.builder(engine).maxRequestBytes(1_000).build().maxBodyBytes()).isEqualTo(5_000_000);
    assertThat(ScimHttpConfig.builder(engine).maxRequestBytes(9_000_000).build().maxBodyBytes()).isEqualTo(9_000_000);
  }
}
