package dev.scimkit.store.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents to and from their stored JSON text. PostgreSQL's JSONB does not keep the order of
 * keys, so documents read back from it are put in the schema's order (schemas, core attributes,
 * extensions, then anything else); H2 keeps the text exactly as written.
 */
final class DocumentCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ResourceType type;
  private final boolean reorder;

  DocumentCodec(ResourceType type, Dialect dialect) {
    this.type = type;
    this.reorder = dialect == Dialect.POSTGRESQL;
  }

  /**
   * The document's JSON text.
   *
   * @throws ScimException 400 {@code invalidValue} on PostgreSQL for text with an unpaired
   *     surrogate, which UTF-8 (and so the database) cannot hold
   */
  String write(JsonNode doc) {
    String json;
    try {
      json = MAPPER.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("document cannot be written as JSON", e);
    }
    if (reorder && ScimText.hasUnpairedSurrogate(json)) {
      throw ScimException.badRequest(
          ScimType.INVALID_VALUE, "A value contains an unpaired UTF-16 surrogate, which cannot be stored");
    }
    return json;
  }

  ObjectNode read(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored document is not JSON", e);
    }
    if (!(node instanceof ObjectNode doc)) {
      throw new IllegalStateException("stored document is not a JSON object");
    }
    return reorder ? ordered(doc) : doc;
  }

  /** The document with its keys in the schema's order (it is taken apart, so pass a copy). */
  ObjectNode inSchemaOrder(ObjectNode doc) {
    return ordered(doc);
  }

  private ObjectNode ordered(ObjectNode doc) {
    ObjectNode out = MAPPER.createObjectNode();
    move(doc, out, "schemas", null);
    moveAttributes(doc, out, type.schema());
    for (ResourceType.Extension e : type.extensions()) {
      JsonNode ext = doc.get(e.schema().id());
      if (ext instanceof ObjectNode o) {
        ObjectNode orderedExt = MAPPER.createObjectNode();
        moveAttributes(o, orderedExt, e.schema());
        orderedExt.setAll(o);
        out.set(e.schema().id(), orderedExt);
        doc.remove(e.schema().id());
      }
    }
    out.setAll(doc);
    return out;
  }

  private static void moveAttributes(ObjectNode from, ObjectNode to, Schema schema) {
    for (Attribute a : schema.attributes()) {
      move(from, to, a.name(), a);
    }
  }

  private static void move(ObjectNode from, ObjectNode to, String name, Attribute a) {
    JsonNode v = from.remove(name);
    if (v == null) {
      return;
    }
    to.set(name, a != null && a.isComplex() ? orderedValue(v, a) : v);
  }

  private static JsonNode orderedValue(JsonNode v, Attribute complex) {
    if (v instanceof ObjectNode o) {
      ObjectNode out = MAPPER.createObjectNode();
      for (Attribute sub : complex.subAttributes()) {
        JsonNode s = o.remove(sub.name());
        if (s != null) {
          out.set(sub.name(), s);
        }
      }
      out.setAll(o);
      return out;
    }
    if (v instanceof ArrayNode array) {
      List<JsonNode> elements = new ArrayList<>(array.size());
      for (JsonNode e : array) {
        elements.add(orderedValue(e, complex));
      }
      ArrayNode out = MAPPER.createArrayNode();
      out.addAll(elements);
      return out;
    }
    return v;
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }
}
