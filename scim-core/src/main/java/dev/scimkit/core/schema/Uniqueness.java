package dev.scimkit.core.schema;

/** How unique an attribute's value must be (RFC 7643 section 7). */
public enum Uniqueness {
  NONE("none"),
  /** Unique within the tenant's resources of this type; enforced by the store. */
  SERVER("server"),
  GLOBAL("global");

  private final String value;

  Uniqueness(String value) {
    this.value = value;
  }

  /** The name used in schema documents. */
  public String value() {
    return value;
  }

  /** Looks up a value by its schema-document name, ignoring case. */
  public static Uniqueness fromValue(String value) {
    for (Uniqueness u : values()) {
      if (u.value.equalsIgnoreCase(value)) {
        return u;
      }
    }
    throw new IllegalArgumentException("unknown uniqueness: " + value);
  }
}
