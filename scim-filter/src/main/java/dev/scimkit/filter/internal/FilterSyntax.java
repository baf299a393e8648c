package dev.scimkit.filter.internal;

/**
 * The lexical rules for names and schema URNs, shared by the parser (which reports the exact
 * position of a violation) and the AST constructors (which reject hand-built nodes that could not
 * have been parsed).
 */
public final class FilterSyntax {
  private FilterSyntax() {}

  /** The one attribute name that starts with {@code $} (RFC 7643 section 2.4). */
  static final String REF = "$ref";

  /** Whether {@code name} is an {@code ATTRNAME} of RFC 7644 or {@code $ref} (any case). */
  public static boolean isAttributeName(String name) {
    return firstInvalidNameChar(name) < 0;
  }

  /**
   * The index of the first character that makes {@code name} not an attribute name, the length
   * if it is empty, or -1 if it is valid.
   */
  static int firstInvalidNameChar(String name) {
    if (name.isEmpty()) {
      return 0;
    }
    if (name.equalsIgnoreCase(REF)) {
      return -1;
    }
    if (!isAsciiLetter(name.charAt(0))) {
      return 0;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAsciiLetter(c) && !isDigit(c) && c != '-' && c != '_') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether {@code schema} can prefix an attribute path: it starts with {@code urn:} (any case),
   * has no empty segment, does not end with a colon, and uses only letters, digits, {@code -},
   * {@code _}, {@code .} and {@code :}.
   */
  public static boolean isSchemaUrn(String schema) {
    return firstInvalidUrnChar(schema) < 0;
  }

  /** As {@link #isSchemaUrn}, the index of the first offending character, or -1. */
  static int firstInvalidUrnChar(String schema) {
    if (!schema.regionMatches(true, 0, "urn:", 0, 4) || schema.length() == 4) {
      return 0;
    }
    for (int i = 4; i < schema.length(); i++) {
      char c = schema.charAt(i);
      boolean ok = isAsciiLetter(c) || isDigit(c) || c == '-' || c == '_' || c == '.' || c == ':';
      if (!ok || (c == ':' && schema.charAt(i - 1) == ':')) {
        return i;
      }
    }
    return schema.charAt(schema.length() - 1) == ':' ? schema.length() - 1 : -1;
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
