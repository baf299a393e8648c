package dev.scimkit.core.schema;

import static java.util.Objects.requireNonNull;

/**
 * An attribute path matched against a resource type: which schema holds the attribute, its
 * definition, and the sub-attribute definition when the path names one.
 *
 * @param schema the URN of the schema that defines the attribute; for an extension attribute the
 *     resource stores it under this key
 * @param extension whether {@code schema} is an extension (the value lives under {@code
 *     resource[schema]}) rather than the core schema or a common attribute (top level)
 * @param attribute the top-level attribute
 * @param subAttribute the sub-attribute, or {@code null}
 */
public record ResolvedAttribute(
    String schema, boolean extension, Attribute attribute, Attribute subAttribute) {

  public ResolvedAttribute {
    requireNonNull(schema, "schema == null");
    requireNonNull(attribute, "attribute == null");
  }

  /** The definition the path ends at: the sub-attribute if there is one, else the attribute. */
  public Attribute target() {
    return subAttribute != null ? subAttribute : attribute;
  }

  /** The same attribute without its sub-attribute. */
  public ResolvedAttribute parent() {
    return subAttribute == null ? this : new ResolvedAttribute(schema, extension, attribute, null);
  }

  /** The fully qualified name, {@code urn:…:name[.sub]}, with the schema's spelling of names. */
  public String qualifiedName() {
    String base = schema + ':' + attribute.name();
    return subAttribute == null ? base : base + '.' + subAttribute.name();
  }
}
