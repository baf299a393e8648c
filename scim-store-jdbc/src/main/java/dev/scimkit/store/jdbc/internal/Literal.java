package dev.scimkit.store.jdbc.internal;

import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.search.ScimValues;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.FilterValue;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The literal of a comparison prepared in every form the attribute's type may need, exactly as
 * the core's evaluator prepares it.
 *
 * @param text the literal's text, folded unless the attribute is caseExact
 */
record Literal(
    ComparisonOperator op,
    Kind kind,
    boolean caseExact,
    String text,
    Boolean bool,
    BigDecimal number,
    Instant instant) {

  enum Kind {
    TEXT,
    BOOLEAN,
    NUMBER,
    DATE_TIME
  }

  /**
   * @param op any operator but {@code ne}
   * @param target the attribute compared, never complex
   * @param value any literal but {@code null}
   */
  static Literal of(ComparisonOperator op, Attribute target, FilterValue value) {
    Kind kind =
        switch (target.type()) {
          case BOOLEAN -> Kind.BOOLEAN;
          case DECIMAL, INTEGER -> Kind.NUMBER;
          case DATE_TIME -> Kind.DATE_TIME;
          default -> Kind.TEXT;
        };
    String text;
    Boolean bool = null;
    BigDecimal number = null;
    Instant instant = null;
    if (value instanceof FilterValue.StringValue s) {
      text = s.value();
      bool = ScimValues.bool(text);
      number = ScimValues.number(text);
      instant = ScimValues.instant(text);
    } else if (value instanceof FilterValue.NumberValue n) {
      text = ScimValues.numberText(n.value());
      number = n.value();
    } else {
      bool = ((FilterValue.BooleanValue) value).value();
      text = bool.toString();
    }
    boolean caseExact = target.caseExact();
    return new Literal(op, kind, caseExact, caseExact ? text : ScimValues.fold(text), bool, number, instant);
  }

  boolean substring() {
    return op == ComparisonOperator.CO || op == ComparisonOperator.SW || op == ComparisonOperator.EW;
  }

  boolean ordering() {
    return op == ComparisonOperator.GT
        || op == ComparisonOperator.GE
        || op == ComparisonOperator.LT
        || op == ComparisonOperator.LE;
  }

  /** Whether a boolean value is compared as a boolean. */
  boolean comparesBooleans() {
    return kind == Kind.BOOLEAN && op == ComparisonOperator.EQ && bool != null;
  }

  /** Whether a number value is compared as a number. */
  boolean comparesNumbers() {
    return kind == Kind.NUMBER && number != null && !substring();
  }

  /** Whether the number can be bound as SQL {@code numeric} (modest, so within its range). */
  boolean numberFitsSql() {
    return number != null && ScimValues.isModest(number);
  }

  /** Whether a string value is compared as an instant when it reads as one. */
  boolean comparesInstants() {
    return kind == Kind.DATE_TIME && instant != null && !substring();
  }

  /** The SQL comparison operator of an ordering or {@code eq}. */
  String sqlOperator() {
    return switch (op) {
      case EQ -> "=";
      case GT -> ">";
      case GE -> ">=";
      case LT -> "<";
      case LE -> "<=";
      default -> throw new IllegalStateException("not an ordering: " + op);
    };
  }

  /** A LIKE pattern (escape character {@code !}) for {@code co}, {@code sw} or {@code ew}. */
  String likePattern() {
    return likePattern(op, text);
  }

  static String likePattern(ComparisonOperator op, String text) {
    String escaped = escapeLike(text);
    return switch (op) {
      case CO -> '%' + escaped + '%';
      case SW -> escaped + '%';
      case EW -> '%' + escaped;
      default -> throw new IllegalStateException("not a substring operator: " + op);
    };
  }

  static String escapeLike(String text) {
    StringBuilder b = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '!' || c == '%' || c == '_') {
        b.append('!');
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * The text compare of {@code value} (already in the literal's case form) with this literal, as
   * the core's {@code ComparisonTest.text} does it: used for values known in Java.
   */
  boolean matchesText(String value) {
    String actual = caseExact ? value : ScimValues.fold(value);
    return switch (op) {
      case EQ -> actual.equals(text);
      case CO -> actual.contains(text);
      case SW -> actual.startsWith(text);
      case EW -> actual.endsWith(text);
      case GT -> actual.compareTo(text) > 0;
      case GE -> actual.compareTo(text) >= 0;
      case LT -> actual.compareTo(text) < 0;
      case LE -> actual.compareTo(text) <= 0;
      case NE -> throw new IllegalStateException("ne is not eq");
    };
  }
}
