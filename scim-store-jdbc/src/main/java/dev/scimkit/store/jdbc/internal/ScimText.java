package dev.scimkit.store.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import dev.scimkit.core.search.ScimValues;

/**
 * How scim-core's search reads values ({@link ScimValues}), named as this store's SQL generation
 * uses them, plus the checks that only SQL needs. The SQL this store writes must agree with the
 * core's reading exactly; the differential test compares the two stores.
 */
final class ScimText {
  private ScimText() {}

  static String fold(String s) {
    return ScimValues.fold(s);
  }

  static boolean isAbsent(JsonNode n) {
    return ScimValues.isAbsent(n);
  }

  static String text(JsonNode n) {
    return ScimValues.text(n);
  }

  static boolean isModest(BigDecimal n) {
    return ScimValues.isModest(n);
  }

  static String numberText(BigDecimal n) {
    return ScimValues.numberText(n);
  }

  static Boolean bool(String s) {
    return ScimValues.bool(s);
  }

  static BigDecimal number(JsonNode n) {
    return ScimValues.number(n);
  }

  static BigDecimal number(String s) {
    return ScimValues.number(s);
  }

  static Instant instant(String s) {
    return ScimValues.instant(s);
  }

  static String versionTag(long version) {
    return ScimValues.versionTag(version);
  }

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
