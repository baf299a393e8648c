package dev.scimkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schema;
import dev.scimkit.core.store.ResourceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers that are short to write and huge to expand ({@code 1e1000000000}) never get expanded:
 * each of these would take a billion digits and seconds of CPU if they were.
 */
class HugeNumbersTest {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final RequestContext CTX = RequestContext.of("acme");
  private static final ResponseOptions AT = ResponseOptions.defaults();
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private final ScimEngine engine =
      ScimEngine.builder()
          .resourceType(
              ResourceType.builder(
                      "Device",
                      "/Devices",
                      Schema.builder("urn:example:Device")
                          .attribute(Attribute.builder("serial").type(AttributeType.STRING).required(true).build())
                          .attribute(Attribute.builder("slots").type(AttributeType.INTEGER).build())
                          .build())
                  .build())
          .build();

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e1000000000", "-1e1000000000", "1e-1000000000"})
  @Timeout(5)
  void hugeExponentsInFilters_areEvaluatedWithoutExpansion(String n) throws Exception {
    engine.create("User", json("{\"userName\":\"ada\",\"emails\":[{\"value\":\"a@b.c\"}]}"), CTX, AT);

    for (String filter :
        new String[] {
          "userName eq " + n, "userName gt " + n, "emails[value eq " + n + "]", "active eq " + n, "meta.version ge " + n
        }) {
      try {
        assertThat(engine.search("User", SearchParameters.filter(filter), CTX, "").totalResults()).as(filter).isLessThanOrEqualTo(1);
      } catch (ScimException e) {
        assertThat(e.status()).as(filter).isEqualTo(400);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e1000000000", "\"1e1000000000\"", "-1e1000000000"})
  @Timeout(5)
  void hugeIntegers_areRejectedAsInvalidValues(String n) {
    assertThatThrownBy(
            () -> engine.create("Device", json("{\"serial\":\"s1\",\"slots\":" + n + "}"), CTX, AT))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  @Timeout(5)
  void hugeExponentsInPatchPathFilters_areEvaluatedWithoutExpansion() throws Exception {
    String id = engine.create("User", json("{\"userName\":\"bob\",\"emails\":[{\"value\":\"a@b.c\"}]}"), CTX, AT).id();

    try {
      engine.patch(
          "User",
          id,
          json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"emails[value eq 1e1000000000]\"}]}"),
          ResourceStore.ANY_VERSION,
          CTX,
          AT);
    } catch (ScimException e) {
      assertThat(e.status()).isEqualTo(400);
    }
    assertThat(engine.get("User", id, CTX, AT).json().path("emails").size()).isEqualTo(1);
  }

  @Test
  void modestIntegers_areStillAccepted() throws Exception {
    ScimResource d = engine.create("Device", json("{\"serial\":\"s2\",\"slots\":\"12\"}"), CTX, AT);

    assertThat(d.json().path("slots").asInt()).isEqualTo(12);
  }
}
