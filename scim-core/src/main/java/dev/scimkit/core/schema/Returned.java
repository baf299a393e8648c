package dev.scimkit.core.schema;

/** When an attribute appears in a response (RFC 7643 section 7). */
public enum Returned {
  /** Always, even when {@code attributes} or {@code excludedAttributes} say otherwise. */
  ALWAYS("always"),
  /** Never ({@code password}). */
  NEVER("never"),
  /** Unless excluded. */
  DEFAULT("default"),
  /** Only when named in {@code attributes}. */
  REQUEST("request");

  private final String value;

  Returned(String value) {
    this.value = value;
  }

  /** The name used in schema documents. */
  public String value() {
    return value;
  }

  /** Looks up a value by its schema-document name, ignoring case. */
  public static Returned fromValue(String value) {
    for (Returned r : values()) {
      if (r.value.equalsIgnoreCase(value)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown returned: " + value);
  }
}
