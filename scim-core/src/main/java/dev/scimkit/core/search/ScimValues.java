package dev.scimkit.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.ScimResource;
import dev.scimkit.core.internal.Numbers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How Scimkit reads JSON values when it compares them: presence, case folding, and the typed
 * views of a value. {@link FilterEvaluator} and {@link Sorting} follow these rules; a store that
 * translates filters into its own query language must read values the same way to give the same
 * answers, and can call these methods to do so.
 */
public final class ScimValues {
  private ScimValues() {}

  /** How deep {@link #isPresent} looks into nested containers before calling one present. */
  private static final int PRESENCE_DEPTH = 4;

  /** The case-insensitive form of a string; comparisons ignoring case compare these. */
  public static String fold(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Whether a node holds no value at all: Java null, JSON null or missing. */
  public static boolean isAbsent(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode();
  }

  /**
   * Whether a value counts as present for {@code pr} (RFC 7644 section 3.4.2.2): not null, not
   * {@code ""}, not {@code []}, not {@code {}}, and, for containers, holding at least one present
   * value.
   */
  public static boolean isPresent(JsonNode n) {
    return isPresent(n, PRESENCE_DEPTH);
  }

  private static boolean isPresent(JsonNode n, int depth) {
    if (isAbsent(n)) {
      return false;
    }
    if (n.isTextual()) {
      return !n.textValue().isEmpty();
    }
    if (n.isContainerNode()) {
      if (n.isEmpty()) {
        return false;
      }
      if (depth == 0) {
        return true; // deeper than any SCIM value; a non-empty container is enough
      }
      for (JsonNode child : n) {
        if (isPresent(child, depth - 1)) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  /** A scalar's text: JSON strings as they are, numbers in plain decimal notation. */
  public static String text(JsonNode n) {
    if (n.isNumber()) {
      BigDecimal d = number(n);
      return d != null ? numberText(d) : n.asText();
    }
    return n.asText();
  }

  /**
   * A number's text: plain decimal notation when that is modest ({@link #isModest}), else
   * scientific notation, which no stored string equals.
   */
  public static String numberText(BigDecimal n) {
    return Numbers.text(n);
  }

  /**
   * Whether {@code n} expands cheaply to plain notation: {@code 1e1000000000} is short to write and
   * a billion digits long, and must never be expanded.
   */
  public static boolean isModest(BigDecimal n) {
    return Numbers.isModest(n);
  }

  /** A boolean node, or the string {@code "true"} / {@code "false"} in any case; else null. */
  public static Boolean bool(JsonNode n) {
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    return n.isTextual() ? bool(n.textValue()) : null;
  }

  /** {@code "true"} / {@code "false"} in any case (Entra sends {@code "True"}); else null. */
  public static Boolean bool(String s) {
    if (s.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (s.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    return null;
  }

  /** A number node, or a string holding a decimal number; else null. */
  public static BigDecimal number(JsonNode n) {
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

  /** A decimal number written as text ({@code "42"}, {@code "-1.5"}, {@code "1e3"}); else null. */
  public static BigDecimal number(String s) {
    if (!looksNumeric(s)) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean looksNumeric(String s) {
    int len = s.length();
    if (len == 0 || len > 400) {
      return false;
    }
    boolean digit = false;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if ("+-.eE".indexOf(c) < 0) {
        return false;
      }
    }
    return digit;
  }

  /**
   * An xsd:dateTime as an instant: ISO-8601 with an offset or {@code Z} ({@code
   * 2011-05-13T04:42:34Z}, {@code 2011-05-13T06:42:34.5+02:00}); without an offset it is read as
   * UTC. Anything else is null, so that callers fall back to comparing text.
   */
  public static Instant instant(String s) {
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

  /** The text of {@code meta.version} for a stored version number: the weak ETag {@code W/"n"}. */
  public static String versionTag(long version) {
    return ScimResource.etag(version);
  }
}
