package dev.scimkit.core.schema;

/** The data types of RFC 7643 section 2.3. */
public enum AttributeType {
  STRING("string"),
  BOOLEAN("boolean"),
  DECIMAL("decimal"),
  INTEGER("integer"),
  DATE_TIME("dateTime"),
  BINARY("binary"),
  REFERENCE("reference"),
  COMPLEX("complex");

  private final String value;

  AttributeType(String value) {
    this.value = value;
  }

  /** The name used in schema documents ({@code "dateTime"}). */
  public String value() {
    return value;
  }

  /**
   * Looks up a type by its schema-document name, ignoring case.
   *
   * @throws IllegalArgumentException if there is no such type
   */
  public static AttributeType fromValue(String value) {
    for (AttributeType type : values()) {
      if (type.value.equalsIgnoreCase(value)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown attribute type: " + value);
  }
}
