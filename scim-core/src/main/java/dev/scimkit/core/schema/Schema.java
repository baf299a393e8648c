package dev.scimkit.core.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.internal.SchemaJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema (RFC 7643 section 7): a URN id and its attribute definitions. Immutable.
 *
 * <p>Build one in code with {@link #builder(String)}, or read one from a schema document in the
 * RFC 7643 format with {@link #fromJson(JsonNode)}.
 */
public final class Schema {
  private final String id;
  private final String name;
  private final String description;
  private final List<Attribute> attributes;
  private final Map<String, Attribute> byName;
  private final Map<String, Attribute> byLowerName;

  private Schema(String id, String name, String description, List<Attribute> attributes) {
    this.id = requireNonNull(id, "id == null");
    this.name = requireNonNull(name, "name == null");
    this.description = requireNonNull(description, "description == null");
    this.attributes = List.copyOf(attributes);
    Map<String, Attribute> map = new HashMap<>();
    for (Attribute a : this.attributes) {
      if (map.put(Attribute.lower(a.name()), a) != null) {
        throw new IllegalArgumentException("duplicate attribute " + a.name() + " in " + id);
      }
    }
    this.byLowerName = Map.copyOf(map);
    Map<String, Attribute> exact = new HashMap<>();
    this.attributes.forEach(a -> exact.put(a.name(), a));
    this.byName = Map.copyOf(exact);
  }

  /** Starts a schema with the given URN. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * Reads a schema document in the RFC 7643 section 7 format ({@code id}, {@code name}, {@code
   * attributes} with their characteristics; omitted characteristics take RFC 7643's defaults).
   *
   * @throws IllegalArgumentException if the document is not a valid schema
   */
  public static Schema fromJson(JsonNode document) {
    return SchemaJson.read(requireNonNull(document, "document == null"));
  }

  /** This schema as a RFC 7643 schema document, as served by {@code /Schemas}. */
  public ObjectNode toJson() {
    return SchemaJson.write(this);
  }

  /** The schema URN. */
  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** The top-level attributes, in definition order. */
  public List<Attribute> attributes() {
    return attributes;
  }

  /** The top-level attribute with this name, ignoring case, or {@code null}. */
  public Attribute attribute(String name) {
    // documents mostly spell names as the schema does: no lower-case copy for those
    Attribute exact = byName.get(name);
    return exact != null ? exact : byLowerName.get(Attribute.lower(name));
  }

  @Override
  public String toString() {
    return "Schema{" + id + '}';
  }

  /** Builds a {@link Schema}. */
  public static final class Builder {
    private final String id;
    private String name = "";
    private String description = "";
    private final List<Attribute> attributes = new ArrayList<>();

    private Builder(String id) {
      this.id = requireNonNull(id, "id == null");
    }

    public Builder name(String name) {
      this.name = requireNonNull(name, "name == null");
      return this;
    }

    public Builder description(String description) {
      this.description = requireNonNull(description, "description == null");
      return this;
    }

    public Builder attribute(Attribute attribute) {
      attributes.add(requireNonNull(attribute, "attribute == null"));
      return this;
    }

    public Schema build() {
      return new Schema(id, name, description, attributes);
    }
  }
}
