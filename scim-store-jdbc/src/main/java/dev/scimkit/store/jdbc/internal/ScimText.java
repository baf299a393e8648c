package dev.scimkit.store.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How scim-core's search reads values, repeated here because the SQL this store writes must agree
 * with it exactly: case folding, the text of a scalar, and the boolean, number and dateTime views
 * of a string. Kept in step with {@code dev.scimkit.core.search.ScimValues}; the differential
 * test fails if the two drift apart.
 */
final class ScimText {
  private ScimText() {}

  /** The case-insensitive form of a string. */
  static String fold(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Whether a node holds no value at all: Java null, JSON null or missing. */
  static boolean isAbsent(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode();
  }

  /** A scalar's text: strings as they are, numbers in plain decimal notation when modest. */
  static String text(JsonNode n) {
    if (n.isNumber()) {
      BigDecimal d = number(n);
      return d != null ? numberText(d) : n.asText();
    }
    return n.asText();
  }

  /** The most digits before or after the point that a number is written out with in plain. */
  static final int MAX_PLAIN_DIGITS = 1000;

  /**
   * Whether {@code n} expands cheaply to plain notation (and fits PostgreSQL's {@code numeric}):
   * {@code 1e1000000000} is short to write and a billion digits long.
   */
  static boolean isModest(BigDecimal n) {
    long integerDigits = (long) n.precision() - n.scale();
    return integerDigits <= MAX_PLAIN_DIGITS && n.scale() <= MAX_PLAIN_DIGITS;
  }

  /** A number's text: plain when modest, else scientific (which no stored string equals). */
  static String numberText(BigDecimal n) {
    return isModest(n) ? n.toPlainString() : n.toString();
  }

  /** {@code "true"} / {@code "false"} in any case; else null. */
  static Boolean bool(String s) {
    if (s.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (s.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    return null;
  }

  static BigDecimal number(JsonNode n) {
    if (n.isNumber()) {
      if (n.isIntegralNumber()) {
        return n.canConvertToLong()
            ? BigDecimal.valueOf(n.longValue())
            : new BigDecimal(n.bigIntegerValue());
      }
      if (n.isBigDecimal()) {
        return n.decimalValue();
      }
      double d = n.doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    return n.isTextual() ? number(n.textValue()) : null;
  }

  /** A decimal number written as text; else null. */
  static BigDecimal number(String s) {
    int len = s.length();
    if (len == 0 || len > 400) {
      return null;
    }
    boolean digit = false;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if ("+-.eE".indexOf(c) < 0) {
        return null;
      }
    }
    if (!digit) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** An xsd:dateTime as an instant (without an offset: UTC); else null. */
  static Instant instant(String s) {
    int len = s.length();
    if (len < 16
        || len > 64
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || (s.charAt(10) != 'T' && s.charAt(10) != 't')) {
      return null;
    }
    char last = s.charAt(len - 1);
    boolean offset =
        last == 'Z' || last == 'z' || s.indexOf('+', 10) > 0 || s.indexOf('-', 10) > 0;
    try {
      if (offset) {
        return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      }
      return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The text of {@code meta.version}: the weak ETag {@code W/"n"}. */
  static String versionTag(long version) {
    return "W/\"" + version + '"';
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
