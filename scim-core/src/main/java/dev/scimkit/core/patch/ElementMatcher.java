package dev.scimkit.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.filter.AttributePath;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Evaluates the filter of a value path ({@code emails[type eq "work"]}) against one value of the
 * attribute. Attribute paths in the filter are relative to the value: they name sub-attributes of
 * a complex attribute, or {@code value} for the value itself of a simple multi-valued attribute.
 * String comparisons ignore case unless the sub-attribute is {@code caseExact}.
 */
final class ElementMatcher {
  private ElementMatcher() {}

  /**
   * Checks that every attribute the filter names is a sub-attribute of {@code parent}.
   *
   * @throws ScimException 400 {@code invalidPath} otherwise
   */
  static void validate(Attribute parent, Filter filter, String written) {
    filter.accept(
        new Filter.Visitor<Void>() {
          @Override
          public Void visitAnd(Filter.And and) {
            and.operands().forEach(f -> f.accept(this));
            return null;
          }

          @Override
          public Void visitOr(Filter.Or or) {
            or.operands().forEach(f -> f.accept(this));
            return null;
          }

          @Override
          public Void visitNot(Filter.Not not) {
            return not.operand().accept(this);
          }

          @Override
          public Void visitComparison(Filter.Comparison comparison) {
            subAttribute(parent, comparison.attribute(), written);
            return null;
          }

          @Override
          public Void visitPresent(Filter.Present present) {
            subAttribute(parent, present.attribute(), written);
            return null;
          }

          @Override
          public Void visitValuePath(Filter.ValuePath valuePath) {
            throw ScimException.badRequest(
                ScimType.INVALID_PATH, "value paths cannot be nested: \"" + written + "\"");
          }
        });
  }

  /**
   * The sub-attribute a filter path names, relative to {@code parent}: {@code type}, or {@code
   * emails.type} inside {@code emails[…]}. For a simple attribute, only {@code value} is allowed
   * and {@code null} stands for the value itself.
   */
  static Attribute subAttribute(Attribute parent, AttributePath path, String written) {
    String name = path.name();
    if (path.subAttribute() != null) {
      if (!path.name().equalsIgnoreCase(parent.name())) {
        throw notASubAttribute(parent, path, written);
      }
      name = path.subAttribute();
    }
    if (!parent.isComplex()) {
      if (name.equalsIgnoreCase("value")) {
        return null;
      }
      throw notASubAttribute(parent, path, written);
    }
    Attribute sub = parent.subAttribute(name);
    if (sub == null) {
      throw notASubAttribute(parent, path, written);
    }
    return sub;
  }

  private static ScimException notASubAttribute(Attribute parent, AttributePath path, String written) {
    return ScimException.badRequest(
        ScimType.INVALID_PATH,
        "\"" + path + "\" in \"" + written + "\" is not a sub-attribute of " + parent.name());
  }

  /** Whether {@code element}, one value of {@code parent}, matches the (validated) filter. */
  static boolean matches(Attribute parent, JsonNode element, Filter filter) {
    return filter.accept(
        new Filter.Visitor<Boolean>() {
          @Override
          public Boolean visitAnd(Filter.And and) {
            for (Filter f : and.operands()) {
              if (!f.accept(this)) {
                return false;
              }
            }
            return true;
          }

          @Override
          public Boolean visitOr(Filter.Or or) {
            for (Filter f : or.operands()) {
              if (f.accept(this)) {
                return true;
              }
            }
            return false;
          }

          @Override
          public Boolean visitNot(Filter.Not not) {
            return !not.operand().accept(this);
          }

          @Override
          public Boolean visitComparison(Filter.Comparison c) {
            Attribute sub = subAttribute(parent, c.attribute(), "");
            Attribute def = sub == null ? parent : sub;
            JsonNode actual = sub == null ? element : element.get(sub.name());
            if (actual != null && actual.isArray()) {
              for (JsonNode each : actual) {
                if (compare(def, each, c.operator(), c.value())) {
                  return true;
                }
              }
              return c.operator() == ComparisonOperator.NE && actual.isEmpty();
            }
            return compare(def, actual, c.operator(), c.value());
          }

          @Override
          public Boolean visitPresent(Filter.Present p) {
            Attribute sub = subAttribute(parent, p.attribute(), "");
            return isPresent(sub == null ? element : element.get(sub.name()));
          }

          @Override
          public Boolean visitValuePath(Filter.ValuePath valuePath) {
            return false; // rejected by validate
          }
        });
  }

  static boolean isPresent(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return false;
    }
    if (value.isContainerNode()) {
      return !value.isEmpty();
    }
    return !(value.isTextual() && value.asText().isEmpty());
  }

  /** Compares one simple value of {@code def} with a filter literal. */
  static boolean compare(Attribute def, JsonNode actual, ComparisonOperator op, FilterValue literal) {
    boolean absent = actual == null || actual.isNull() || actual.isMissingNode();
    if (literal instanceof FilterValue.NullValue) {
      return switch (op) {
        case EQ -> absent;
        case NE -> !absent;
        default -> false;
      };
    }
    if (absent || actual.isContainerNode()) {
      return op == ComparisonOperator.NE;
    }
    Integer order = order(def, actual, literal, op);
    if (order == null) {
      return op == ComparisonOperator.NE;
    }
    return switch (op) {
      case EQ -> order == 0;
      case NE -> order != 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      case LT -> order < 0;
      case LE -> order <= 0;
      case CO, SW, EW -> substring(def, actual, literal, op);
    };
  }

  /**
   * The sign of {@code actual - literal}, or {@code null} when they cannot be compared (for
   * {@code co}/{@code sw}/{@code ew}, any non-null value means "compare as strings").
   */
  private static Integer order(
      Attribute def, JsonNode actual, FilterValue literal, ComparisonOperator op) {
    if (actual.isBoolean()) {
      Boolean wanted = asBoolean(literal);
      if (wanted == null || !(op == ComparisonOperator.EQ || op == ComparisonOperator.NE)) {
        return null;
      }
      return actual.booleanValue() == wanted ? 0 : 1;
    }
    if (op == ComparisonOperator.CO || op == ComparisonOperator.SW || op == ComparisonOperator.EW) {
      return actual.isTextual() && literal instanceof FilterValue.StringValue ? 0 : null;
    }
    if (actual.isNumber()) {
      BigDecimal wanted = asNumber(literal);
      return wanted == null ? null : Integer.signum(actual.decimalValue().compareTo(wanted));
    }
    if (!actual.isTextual()) {
      return null;
    }
    String text = actual.asText();
    String wanted;
    if (literal instanceof FilterValue.StringValue s) {
      wanted = s.value();
    } else if (literal instanceof FilterValue.NumberValue n) {
      wanted = dev.scimkit.core.internal.Numbers.text(n.value());
    } else if (literal instanceof FilterValue.BooleanValue b) {
      wanted = Boolean.toString(b.value());
    } else {
      wanted = null;
    }
    if (wanted == null) {
      return null;
    }
    if (def.type() == AttributeType.DATE_TIME) {
      Instant a = instant(text);
      Instant b = instant(wanted);
      if (a != null && b != null) {
        return Integer.signum(a.compareTo(b));
      }
    }
    if (def.caseExact()) {
      return Integer.signum(text.compareTo(wanted));
    }
    return Integer.signum(lower(text).compareTo(lower(wanted)));
  }

  private static boolean substring(
      Attribute def, JsonNode actual, FilterValue literal, ComparisonOperator op) {
    String text = actual.asText();
    String wanted = ((FilterValue.StringValue) literal).value();
    if (!def.caseExact()) {
      text = lower(text);
      wanted = lower(wanted);
    }
    return switch (op) {
      case CO -> text.contains(wanted);
      case SW -> text.startsWith(wanted);
      default -> text.endsWith(wanted);
    };
  }

  private static Boolean asBoolean(FilterValue literal) {
    if (literal instanceof FilterValue.BooleanValue b) {
      return b.value();
    }
    if (literal instanceof FilterValue.StringValue s) {
      if (s.value().equalsIgnoreCase("true")) {
        return true;
      }
      if (s.value().equalsIgnoreCase("false")) {
        return false;
      }
    }
    return null;
  }

  private static BigDecimal asNumber(FilterValue literal) {
    if (literal instanceof FilterValue.NumberValue n) {
      return n.value();
    }
    if (literal instanceof FilterValue.StringValue s) {
      try {
        return new BigDecimal(s.value().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
