package dev.scimkit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.Mutability;
import dev.scimkit.core.schema.Returned;
import dev.scimkit.core.schema.Schema;
import dev.scimkit.core.schema.Uniqueness;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes schema documents in the RFC 7643 section 7 format. */
public final class SchemaJson {
  private SchemaJson() {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  public static Schema read(JsonNode doc) {
    String id = requiredText(doc, "id", "schema");
    Schema.Builder b =
        Schema.builder(id).name(text(doc, "name", "")).description(text(doc, "description", ""));
    JsonNode attributes = doc.path("attributes");
    if (!attributes.isArray()) {
      throw new IllegalArgumentException("schema " + id + " has no 'attributes' array");
    }
    for (JsonNode a : attributes) {
      b.attribute(readAttribute(a, id));
    }
    return b.build();
  }

  private static Attribute readAttribute(JsonNode a, String where) {
    String name = requiredText(a, "name", "attribute in " + where);
    Attribute.Builder b = Attribute.builder(name);
    b.type(AttributeType.fromValue(text(a, "type", "string")));
    b.multiValued(a.path("multiValued").asBoolean(false));
    b.description(text(a, "description", ""));
    b.required(a.path("required").asBoolean(false));
    b.caseExact(a.path("caseExact").asBoolean(false));
    b.mutability(Mutability.fromValue(text(a, "mutability", "readWrite")));
    b.returned(Returned.fromValue(text(a, "returned", "default")));
    b.uniqueness(Uniqueness.fromValue(text(a, "uniqueness", "none")));
    b.canonicalValues(strings(a.path("canonicalValues")));
    b.referenceTypes(strings(a.path("referenceTypes")));
    List<Attribute> subs = new ArrayList<>();
    for (JsonNode sub : a.path("subAttributes")) {
      subs.add(readAttribute(sub, where + ":" + name));
    }
    b.subAttributes(subs);
    return b.build();
  }

  public static ObjectNode write(Schema schema) {
    ObjectNode doc = NODES.objectNode();
    doc.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Schema");
    doc.put("id", schema.id());
    doc.put("name", schema.name());
    doc.put("description", schema.description());
    ArrayNode attributes = doc.putArray("attributes");
    for (Attribute a : schema.attributes()) {
      attributes.add(writeAttribute(a));
    }
    return doc;
  }

  public static ObjectNode writeAttribute(Attribute a) {
    ObjectNode n = NODES.objectNode();
    n.put("name", a.name());
    n.put("type", a.type().value());
    n.put("multiValued", a.multiValued());
    n.put("description", a.description());
    n.put("required", a.required());
    n.put("caseExact", a.caseExact());
    if (!a.canonicalValues().isEmpty()) {
      ArrayNode values = n.putArray("canonicalValues");
      a.canonicalValues().forEach(values::add);
    }
    if (!a.referenceTypes().isEmpty()) {
      ArrayNode types = n.putArray("referenceTypes");
      a.referenceTypes().forEach(types::add);
    }
    n.put("mutability", a.mutability().value());
    n.put("returned", a.returned().value());
    n.put("uniqueness", a.uniqueness().value());
    if (a.isComplex()) {
      ArrayNode subs = n.putArray("subAttributes");
      for (Attribute sub : a.subAttributes()) {
        subs.add(writeAttribute(sub));
      }
    }
    return n;
  }

  private static String requiredText(JsonNode n, String field, String what) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new IllegalArgumentException(what + " has no '" + field + "'");
    }
    return v.asText();
  }

  private static String text(JsonNode n, String field, String dflt) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? dflt : v.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : array) {
      out.add(v.asText());
    }
    return out;
  }
}
