package dev.scimkit.core.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Returned;
import dev.scimkit.core.schema.Schema;
import dev.scimkit.core.store.StoredResource;
import java.time.Instant;

/** Resource types and documents shared by the search tests. */
final class SearchFixtures {
  private SearchFixtures() {}

  static final ObjectMapper JSON = new ObjectMapper();

  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String WIDGET = "urn:example:scim:schemas:Widget";
  static final String WIDGET_EXTRA = "urn:example:scim:schemas:extension:WidgetExtra";

  static final Instant CREATED = Instant.parse("2024-01-02T03:04:05Z");
  static final Instant MODIFIED = Instant.parse("2024-06-01T12:00:00Z");

  /**
   * A type with an attribute of every type, so operator tables cover each: {@code str}, {@code
   * exact} (caseExact), {@code flag}, {@code dec}, {@code num} (integer), {@code when}, {@code
   * ref}, {@code bin} (caseExact), multi-valued {@code tags} and {@code nums}, multi-valued complex
   * {@code parts}, single-valued complex {@code dims} (no {@code value}), a {@code request}
   * attribute and a {@code never} one, and an extension with {@code extra}.
   */
  static final ResourceType WIDGET_TYPE =
      ResourceType.builder(
              "Widget",
              "/Widgets",
              Schema.builder(WIDGET)
                  .attribute(simple("str", AttributeType.STRING))
                  .attribute(simple("exact", AttributeType.STRING).toBuilder().caseExact(true).build())
                  .attribute(simple("flag", AttributeType.BOOLEAN))
                  .attribute(simple("dec", AttributeType.DECIMAL))
                  .attribute(simple("num", AttributeType.INTEGER))
                  .attribute(simple("when", AttributeType.DATE_TIME))
                  .attribute(simple("ref", AttributeType.REFERENCE))
                  .attribute(simple("bin", AttributeType.BINARY).toBuilder().caseExact(true).build())
                  .attribute(simple("tags", AttributeType.STRING).toBuilder().multiValued(true).build())
                  .attribute(simple("nums", AttributeType.INTEGER).toBuilder().multiValued(true).build())
                  .attribute(
                      Attribute.builder("parts")
                          .type(AttributeType.COMPLEX)
                          .multiValued(true)
                          .subAttribute(simple("value", AttributeType.STRING))
                          .subAttribute(simple("kind", AttributeType.STRING))
                          .subAttribute(simple("size", AttributeType.INTEGER))
                          .subAttribute(simple("primary", AttributeType.BOOLEAN))
                          .subAttribute(
                              simple("note", AttributeType.STRING).toBuilder()
                                  .returned(Returned.REQUEST)
                                  .build())
                          .build())
                  .attribute(
                      Attribute.builder("dims")
                          .type(AttributeType.COMPLEX)
                          .subAttribute(simple("width", AttributeType.DECIMAL))
                          .subAttribute(simple("height", AttributeType.DECIMAL))
                          .build())
                  .attribute(
                      simple("secret", AttributeType.STRING).toBuilder()
                          .returned(Returned.REQUEST)
                          .build())
                  .attribute(
                      simple("pin", AttributeType.STRING).toBuilder()
                          .returned(Returned.NEVER)
                          .build())
                  .build())
          .extension(
              Schema.builder(WIDGET_EXTRA)
                  .attribute(simple("extra", AttributeType.STRING))
                  .attribute(simple("extraNum", AttributeType.INTEGER))
                  .build(),
              false)
          .build();

  private static Attribute simple(String name, AttributeType type) {
    return Attribute.builder(name).type(type).build();
  }

  /** Parses JSON written with single quotes for readability. */
  static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** Parses JSON as it is (for values that contain single quotes). */
  static ObjectNode rawJson(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static StoredResource stored(String id, ObjectNode document) {
    return new StoredResource(id, 3, CREATED, MODIFIED, document);
  }

  static StoredResource stored(String id, Instant created, ObjectNode document) {
    return new StoredResource(id, 1, created, created, document);
  }

  /** The full representation of a stored resource, as the engine would render it. */
  static ObjectNode representation(StoredResource r, ResourceType type) {
    ObjectNode out = JSON.createObjectNode();
    out.put("id", r.id());
    out.setAll(r.document().deepCopy());
    ObjectNode meta = out.putObject("meta");
    meta.put("resourceType", type.name());
    meta.put("created", r.created().toString());
    meta.put("lastModified", r.lastModified().toString());
    meta.put("location", "https://example.com/scim/v2" + type.endpoint() + "/" + r.id());
    meta.put("version", "W/\"" + r.version() + "\"");
    return out;
  }
}
