package dev.scimkit.filter;

import static java.util.Objects.requireNonNull;

/**
 * The target of a PATCH operation (RFC 7644 section 3.5.2, {@code PATH}):
 * {@code attrPath} or {@code valuePath ["." subAttr]}.
 *
 * <p>Examples:
 *
 * <ul>
 *   <li>{@code name.givenName}: {@code attribute} only;
 *   <li>{@code members[value eq "2819c223"]}: {@code attribute} {@code members} and a {@code
 *       valueFilter};
 *   <li>{@code emails[type eq "work"].value}: the same, plus {@code subAttribute} {@code value};
 *   <li>{@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager}: an attribute
 *       with a schema.
 * </ul>
 *
 * <p>A path that names a whole extension schema (for example {@code
 * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}) parses as an attribute whose
 * schema is the URN up to its last colon; whether that is an attribute or a schema is for the
 * schema-aware caller to decide.
 *
 * @param attribute the attribute the path starts with; never {@code null}
 * @param valueFilter the filter in brackets that selects values of a multi-valued attribute, or
 *     {@code null} when there is none
 * @param subAttribute the sub-attribute after the brackets, or {@code null}
 */
public record PatchPath(AttributePath attribute, Filter valueFilter, String subAttribute) {

  /**
   * Creates a PATCH path.
   *
   * @throws IllegalArgumentException if a {@code valueFilter} follows an attribute that already
   *     has a sub-attribute, if {@code subAttribute} is given without a {@code valueFilter}, or if
   *     {@code valueFilter} itself contains a value filter
   */
  public PatchPath {
    requireNonNull(attribute, "attribute == null");
    if (valueFilter != null) {
      if (attribute.hasSubAttribute()) {
        throw new IllegalArgumentException("a value filter must follow a top-level attribute");
      }
      Filter.ValuePath.requireNoValuePath(valueFilter);
    }
    if (subAttribute != null) {
      if (valueFilter == null) {
        throw new IllegalArgumentException(
            "a sub-attribute after brackets needs a value filter; use AttributePath.subAttribute");
      }
      AttributePath.of(subAttribute); // validates the name
    }
  }

  /** A path that is just an attribute path. */
  public static PatchPath of(AttributePath attribute) {
    return new PatchPath(attribute, null, null);
  }

  /** Whether the path selects values with a filter in brackets. */
  public boolean hasValueFilter() {
    return valueFilter != null;
  }

  /** The canonical text of this path. */
  @Override
  public String toString() {
    return Filters.format(this);
  }
}
