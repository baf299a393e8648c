package dev.scimkit.store.jdbc.internal;

import dev.scimkit.core.search.ScimValues;

/**
 * Text checks that only this store's SQL needs. How values are read (folding, numbers, instants)
 * is the core's {@link ScimValues}, which the SQL must agree with exactly; the differential test
 * compares the two stores.
 */
final class ScimText {
  private ScimText() {}

  /**
   * Whether {@code s} has a surrogate that is not half of a pair: such text cannot be sent to
   * PostgreSQL (its driver encodes it as {@code ?}), yet Java compares it unit by unit.
   */
  static boolean hasUnpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every character is ASCII. */
  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether ordering text against {@code literal} by code points (PostgreSQL's {@code COLLATE
   * "C"}) gives the same answer as Java's UTF-16 order for every other string: true when the
   * literal has no character at or above U+D800.
   */
  static boolean codePointOrderIsExact(String literal) {
    for (int i = 0; i < literal.length(); i++) {
      if (literal.charAt(i) >= 0xD800) {
        return false;
      }
    }
    return true;
  }
}
