package dev.scimkit.core.search;

import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.CommonAttributes;
import dev.scimkit.core.schema.Mutability;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Returned;
import dev.scimkit.filter.AttributePath;

/**
 * Attribute resolution for search: {@link ResourceType#resolve} plus {@code schemas}, which every
 * resource has but no schema defines.
 */
final class SearchAttributes {
  private SearchAttributes() {}

  /**
   * {@code schemas} as search sees it: a multi-valued string compared ignoring case (URNs are
   * case-insensitive), always returned.
   */
  static final Attribute SCHEMAS =
      Attribute.builder("schemas")
          .type(AttributeType.STRING)
          .multiValued(true)
          .caseExact(false)
          .mutability(Mutability.READ_WRITE)
          .returned(Returned.ALWAYS)
          .build();

  static final ResolvedAttribute SCHEMAS_RESOLVED =
      new ResolvedAttribute(CommonAttributes.URN, false, SCHEMAS, null);

  /** The attribute {@code path} names in {@code type}, or null. */
  static ResolvedAttribute resolve(ResourceType type, AttributePath path) {
    ResolvedAttribute resolved = type.resolve(path);
    if (resolved == null
        && path.subAttribute() == null
        && path.name().equalsIgnoreCase("schemas")
        && (path.schema() == null || path.schema().equalsIgnoreCase(type.schema().id()))) {
      return SCHEMAS_RESOLVED;
    }
    return resolved;
  }

  /** Whether {@code resolved} is the common attribute {@code common} ({@code id}, {@code meta}). */
  static boolean isCommon(ResolvedAttribute resolved, Attribute common) {
    return resolved.schema().equals(CommonAttributes.URN) && resolved.attribute() == common;
  }
}
