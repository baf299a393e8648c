package dev.scimkit.core.schema;

import java.util.List;

/**
 * The attributes every resource has regardless of its schemas (RFC 7643 section 3.1): {@code id},
 * {@code externalId} and {@code meta}. {@code schemas} is handled by the engine itself.
 */
public final class CommonAttributes {
  private CommonAttributes() {}

  /** The pseudo-schema URN under which common attributes resolve. */
  public static final String URN = "urn:ietf:params:scim:schemas:core:2.0:Common";

  public static final Attribute ID =
      Attribute.builder("id")
          .description("A unique identifier for a SCIM resource, issued by the service provider.")
          .caseExact(true)
          .mutability(Mutability.READ_ONLY)
          .returned(Returned.ALWAYS)
          .uniqueness(Uniqueness.SERVER)
          .build();

  /**
   * {@code externalId}. RFC 7643 makes it case-exact; Scimkit matches it ignoring case, because
   * Entra ID's SCIM Validator looks resources up by {@code externalId} in another letter case and
   * expects to find them. Values are still stored exactly as sent.
   */
  public static final Attribute EXTERNAL_ID =
      Attribute.builder("externalId")
          .description("An identifier for the resource as defined by the provisioning client.")
          .caseExact(false)
          .build();

  public static final Attribute META =
      Attribute.builder("meta")
          .type(AttributeType.COMPLEX)
          .description("Resource metadata.")
          .mutability(Mutability.READ_ONLY)
          .subAttribute(readOnly("resourceType", AttributeType.STRING, true))
          .subAttribute(readOnly("created", AttributeType.DATE_TIME, false))
          .subAttribute(readOnly("lastModified", AttributeType.DATE_TIME, false))
          .subAttribute(
              readOnly("location", AttributeType.REFERENCE, true).toBuilder()
                  .referenceTypes(List.of("uri"))
                  .build())
          .subAttribute(readOnly("version", AttributeType.STRING, true))
          .build();

  /** All common attributes, in the order they are rendered. */
  public static final List<Attribute> ALL = List.of(ID, EXTERNAL_ID, META);

  private static Attribute readOnly(String name, AttributeType type, boolean caseExact) {
    return Attribute.builder(name)
        .type(type)
        .caseExact(caseExact)
        .mutability(Mutability.READ_ONLY)
        .build();
  }

  /** The common attribute with this name, ignoring case, or {@code null}. */
  public static Attribute byName(String name) {
    for (Attribute a : ALL) {
      if (a.name().equalsIgnoreCase(name)) {
        return a;
      }
    }
    return null;
  }
}
