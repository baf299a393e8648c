package dev.scimkit.core.schema;

import static java.util.Objects.requireNonNull;

import dev.scimkit.filter.AttributePath;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource type (RFC 7643 section 6): a name, an endpoint, a core schema and any number of
 * extension schemas. Immutable.
 *
 * <pre>{@code
 * ResourceType device = ResourceType.builder("Device", "/Devices", deviceSchema)
 *     .extension(myExtension, false)
 *     .build();
 * }</pre>
 */
public final class ResourceType {
  private final String name;
  private final String endpoint;
  private final String description;
  private final Schema schema;
  private final List<Extension> extensions;

  /**
   * An extension schema of a resource type.
   *
   * @param schema the extension schema
   * @param required whether every resource of the type must carry it
   */
  public record Extension(Schema schema, boolean required) {
    public Extension {
      requireNonNull(schema, "schema == null");
    }
  }

  private ResourceType(Builder b) {
    this.name = b.name;
    this.endpoint = b.endpoint;
    this.description = b.description;
    this.schema = b.schema;
    this.extensions = List.copyOf(b.extensions);
  }

  /**
   * Starts a resource type.
   *
   * @param name the type's name ({@code "User"})
   * @param endpoint the path relative to the SCIM base, starting with {@code /} ({@code "/Users"})
   * @param schema the core schema
   */
  public static Builder builder(String name, String endpoint, Schema schema) {
    return new Builder(name, endpoint, schema);
  }

  public String name() {
    return name;
  }

  public String endpoint() {
    return endpoint;
  }

  public String description() {
    return description;
  }

  /** The core schema. */
  public Schema schema() {
    return schema;
  }

  public List<Extension> extensions() {
    return extensions;
  }

  /** The extension schema with this URN, ignoring case, or {@code null}. */
  public Schema extension(String urn) {
    for (Extension e : extensions) {
      if (e.schema().id().equalsIgnoreCase(urn)) {
        return e.schema();
      }
    }
    return null;
  }

  /** Whether groups of this type have members managed through membership deltas. */
  public boolean hasMembers() {
    return schema.id().equals(Schemas.GROUP) && schema.attribute("members") != null;
  }

  /**
   * Matches an attribute path against this type: common attributes, then the core schema, then
   * the extensions (so an unqualified extension attribute such as Entra's {@code manager} is
   * found). Names are matched ignoring case.
   *
   * @return the match, or {@code null} if the path names no attribute of this type
   */
  public ResolvedAttribute resolve(AttributePath path) {
    requireNonNull(path, "path == null");
    return resolve(path.schema(), path.name(), path.subAttribute());
  }

  /**
   * As {@link #resolve(AttributePath)}, from its parts.
   *
   * @param schemaUrn the schema prefix, or {@code null}
   * @param name the attribute name
   * @param subAttribute the sub-attribute name, or {@code null}
   */
  public ResolvedAttribute resolve(String schemaUrn, String name, String subAttribute) {
    ResolvedAttribute top = resolveTop(schemaUrn, name);
    if (top == null || subAttribute == null) {
      return top;
    }
    Attribute sub = top.attribute().subAttribute(subAttribute);
    return sub == null ? null : new ResolvedAttribute(top.schema(), top.extension(), top.attribute(), sub);
  }

  private ResolvedAttribute resolveTop(String schemaUrn, String name) {
    if (schemaUrn != null) {
      if (schemaUrn.equalsIgnoreCase(schema.id())) {
        Attribute common = CommonAttributes.byName(name);
        if (common != null) {
          return new ResolvedAttribute(CommonAttributes.URN, false, common, null);
        }
        Attribute a = schema.attribute(name);
        return a == null ? null : new ResolvedAttribute(schema.id(), false, a, null);
      }
      Schema ext = extension(schemaUrn);
      if (ext == null) {
        return null;
      }
      Attribute a = ext.attribute(name);
      return a == null ? null : new ResolvedAttribute(ext.id(), true, a, null);
    }
    Attribute common = CommonAttributes.byName(name);
    if (common != null) {
      return new ResolvedAttribute(CommonAttributes.URN, false, common, null);
    }
    Attribute a = schema.attribute(name);
    if (a != null) {
      return new ResolvedAttribute(schema.id(), false, a, null);
    }
    for (Extension e : extensions) {
      Attribute x = e.schema().attribute(name);
      if (x != null) {
        return new ResolvedAttribute(e.schema().id(), true, x, null);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "ResourceType{" + name + '}';
  }

  /** Builds a {@link ResourceType}. */
  public static final class Builder {
    private final String name;
    private final String endpoint;
    private final Schema schema;
    private String description = "";
    private final List<Extension> extensions = new ArrayList<>();

    private Builder(String name, String endpoint, Schema schema) {
      this.name = requireNonNull(name, "name == null");
      this.endpoint = requireNonNull(endpoint, "endpoint == null");
      this.schema = requireNonNull(schema, "schema == null");
      if (!endpoint.startsWith("/")) {
        throw new IllegalArgumentException("endpoint must start with '/': " + endpoint);
      }
    }

    public Builder description(String description) {
      this.description = requireNonNull(description, "description == null");
      return this;
    }

    /** Adds an extension schema. */
    public Builder extension(Schema extension, boolean required) {
      extensions.add(new Extension(extension, required));
      return this;
    }

    public ResourceType build() {
      return new ResourceType(this);
    }
  }
}
