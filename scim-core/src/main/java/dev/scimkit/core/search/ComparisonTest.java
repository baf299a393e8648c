package dev.scimkit.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.FilterValue;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code value op literal} for one operator other than {@code ne} and a non-null literal, with the
 * literal prepared once in every form the attribute's type may need.
 */
final class ComparisonTest implements ValueTest {

  private enum Kind {
    TEXT,
    BOOLEAN,
    NUMBER,
    DATE_TIME
  }

  private final ComparisonOperator op;
  private final Kind kind;
  private final boolean caseExact;
  private final boolean substring;
  private final String literalText;
  private final boolean literalAscii;
  private final Boolean literalBoolean;
  private final BigDecimal literalNumber;
  private final Instant literalInstant;

  /**
   * @param op any operator but {@code ne}
   * @param target the attribute whose values are compared; never complex
   * @param literal any literal but {@code null}
   */
  ComparisonTest(ComparisonOperator op, Attribute target, FilterValue literal) {
    if (op == ComparisonOperator.NE
        || literal instanceof FilterValue.NullValue
        || target.isComplex()) {
      throw new IllegalArgumentException("not a plain comparison: " + op + " " + literal);
    }
    this.op = op;
    this.kind =
        switch (target.type()) {
          case BOOLEAN -> Kind.BOOLEAN;
          case DECIMAL, INTEGER -> Kind.NUMBER;
          case DATE_TIME -> Kind.DATE_TIME;
          default -> Kind.TEXT;
        };
    this.caseExact = target.caseExact();
    this.substring =
        op == ComparisonOperator.CO || op == ComparisonOperator.SW || op == ComparisonOperator.EW;
    String text;
    Boolean bool = null;
    BigDecimal number = null;
    Instant instant = null;
    if (literal instanceof FilterValue.StringValue s) {
      text = s.value();
      bool = ScimValues.bool(text);
      number = ScimValues.number(text);
      instant = ScimValues.instant(text);
    } else if (literal instanceof FilterValue.NumberValue n) {
      text = dev.scimkit.core.internal.Numbers.text(n.value());
      number = n.value();
    } else {
      bool = ((FilterValue.BooleanValue) literal).value();
      text = bool.toString();
    }
    this.literalText = caseExact ? text : ScimValues.fold(text);
    this.literalAscii = literalText.chars().allMatch(c -> c < 0x80);
    this.literalBoolean = bool;
    this.literalNumber = number;
    this.literalInstant = instant;
  }

  @Override
  public boolean node(JsonNode value) {
    if (ScimValues.isAbsent(value) || value.isContainerNode()) {
      return false;
    }
    switch (kind) {
      case BOOLEAN -> {
        if (op == ComparisonOperator.EQ && literalBoolean != null) {
          Boolean b = ScimValues.bool(value);
          if (b != null) {
            return b.booleanValue() == literalBoolean.booleanValue();
          }
        }
      }
      case NUMBER -> {
        if (literalNumber != null && !substring) {
          BigDecimal d = ScimValues.number(value);
          if (d != null) {
            return ordered(d.compareTo(literalNumber));
          }
        }
      }
      case DATE_TIME -> {
        if (literalInstant != null && !substring && value.isTextual()) {
          Instant i = ScimValues.instant(value.textValue());
          if (i != null) {
            return ordered(i.compareTo(literalInstant));
          }
        }
      }
      case TEXT -> {}
    }
    return text(ScimValues.text(value));
  }

  @Override
  public boolean text(String value) {
    if (op == ComparisonOperator.EQ) {
      return caseExact ? value.equals(literalText) : equalsIgnoringCase(value);
    }
    String actual = caseExact ? value : ScimValues.fold(value);
    return switch (op) {
      case CO -> actual.contains(literalText);
      case SW -> actual.startsWith(literalText);
      case EW -> actual.endsWith(literalText);
      default -> ordered(actual.compareTo(literalText));
    };
  }

  @Override
  public boolean instant(Instant value) {
    if (literalInstant != null && !substring) {
      return ordered(value.compareTo(literalInstant));
    }
    return text(value.toString());
  }

  /**
   * {@code fold(value).equals(literalText)}, without folding in the common case of ASCII text.
   * Exact: no character folds to a longer pure-ASCII text (only U+0130 expands, and into a
   * non-ASCII pair), so for an ASCII literal a length mismatch is a mismatch; ASCII characters
   * before the first non-ASCII one fold in place; anything else takes the full fold.
   */
  private boolean equalsIgnoringCase(String value) {
    if (!literalAscii) {
      return ScimValues.fold(value).equals(literalText);
    }
    int length = literalText.length();
    if (value.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        return ScimValues.fold(value).equals(literalText);
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != literalText.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean ordered(int comparison) {
    return switch (op) {
      case EQ -> comparison == 0;
      case GT -> comparison > 0;
      case GE -> comparison >= 0;
      case LT -> comparison < 0;
      case LE -> comparison <= 0;
      default -> throw new IllegalStateException("not an ordering: " + op);
    };
  }
}
