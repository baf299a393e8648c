package dev.scimkit.filter;

import static java.util.Objects.requireNonNull;

import dev.scimkit.filter.internal.FilterSyntax;

/**
 * An attribute path: {@code [schema ":"] name ["." subAttribute]} (RFC 7644 section 3.10).
 *
 * <p>Examples: {@code userName}, {@code name.givenName}, {@code meta.lastModified}, {@code $ref},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
 *
 * <p>Names keep the letter case they were written with; matching them to a schema, which is
 * case-insensitive, is the job of {@code scim-core}. Equality is exact (case-sensitive), as for
 * every node of the AST.
 *
 * @param schema the schema URN prefix, or {@code null} when the path has none
 * @param name the attribute name
 * @param subAttribute the sub-attribute name, or {@code null} when the path has none
 */
public record AttributePath(String schema, String name, String subAttribute) {

  /**
   * Creates a path, checking that each part is well formed.
   *
   * @throws IllegalArgumentException if a name is not an attribute name ({@code ALPHA *(ALPHA /
   *     DIGIT / "-" / "_")} or {@code $ref}) or the schema is not a URN
   */
  public AttributePath {
    requireNonNull(name, "name == null");
    if (!FilterSyntax.isAttributeName(name)) {
      throw new IllegalArgumentException("not an attribute name: \"" + name + "\"");
    }
    if (subAttribute != null && !FilterSyntax.isAttributeName(subAttribute)) {
      throw new IllegalArgumentException("not an attribute name: \"" + subAttribute + "\"");
    }
    if (schema != null && !FilterSyntax.isSchemaUrn(schema)) {
      throw new IllegalArgumentException("not a schema URN: \"" + schema + "\"");
    }
  }

  /** A path of one attribute name with no schema and no sub-attribute. */
  public static AttributePath of(String name) {
    return new AttributePath(null, name, null);
  }

  /** A path of an attribute and one of its sub-attributes, with no schema. */
  public static AttributePath of(String name, String subAttribute) {
    return new AttributePath(null, name, requireNonNull(subAttribute, "subAttribute == null"));
  }

  /** Whether the path starts with a schema URN. */
  public boolean hasSchema() {
    return schema != null;
  }

  /** Whether the path names a sub-attribute. */
  public boolean hasSubAttribute() {
    return subAttribute != null;
  }

  /** This path without its sub-attribute (the same path if it has none). */
  public AttributePath withoutSubAttribute() {
    return subAttribute == null ? this : new AttributePath(schema, name, null);
  }

  /** This path with the given sub-attribute. */
  public AttributePath withSubAttribute(String subAttribute) {
    return new AttributePath(schema, name, requireNonNull(subAttribute, "subAttribute == null"));
  }

  /** The canonical text of this path. */
  @Override
  public String toString() {
    return Filters.format(this);
  }
}
