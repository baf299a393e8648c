package dev.scimkit.core.schema;

/** Whether and how a client may change an attribute (RFC 7643 section 7). */
public enum Mutability {
  /** Set by the server only; anything a client sends is ignored. */
  READ_ONLY("readOnly"),
  /** May be updated and read at any time. */
  READ_WRITE("readWrite"),
  /** May be set once (on create, or when absent) and never changed. */
  IMMUTABLE("immutable"),
  /** May be set at any time but is never returned ({@code password}). */
  WRITE_ONLY("writeOnly");

  private final String value;

  Mutability(String value) {
    this.value = value;
  }

  /** The name used in schema documents. */
  public String value() {
    return value;
  }

  /** Looks up a value by its schema-document name, ignoring case. */
  public static Mutability fromValue(String value) {
    for (Mutability m : values()) {
      if (m.value.equalsIgnoreCase(value)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown mutability: " + value);
  }
}
