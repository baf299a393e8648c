package dev.scimkit.filter.internal;

import dev.scimkit.filter.AttributePath;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterValue;
import dev.scimkit.filter.PatchPath;
import java.util.List;

/**
 * Writes the canonical text of filters and paths: keywords in lower case, single spaces, no
 * parentheses beyond those that {@code or} inside {@code and} needs, strings with the fewest
 * escapes JSON allows. Its output always parses back to an equal AST.
 */
public final class FilterFormatter implements Filter.Visitor<Void> {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out;

  private FilterFormatter(StringBuilder out) {
    this.out = out;
  }

  public static String format(Filter filter) {
    StringBuilder out = new StringBuilder(64);
    filter.accept(new FilterFormatter(out));
    return out.toString();
  }

  public static String format(PatchPath path) {
    StringBuilder out = new StringBuilder(48);
    FilterFormatter formatter = new FilterFormatter(out);
    formatter.path(path.attribute());
    if (path.valueFilter() != null) {
      out.append('[');
      path.valueFilter().accept(formatter);
      out.append(']');
      if (path.subAttribute() != null) {
        out.append('.').append(path.subAttribute());
      }
    }
    return out.toString();
  }

  public static String format(AttributePath path) {
    StringBuilder out = new StringBuilder(32);
    new FilterFormatter(out).path(path);
    return out.toString();
  }

  public static String format(FilterValue value) {
    StringBuilder out = new StringBuilder(16);
    new FilterFormatter(out).value(value);
    return out.toString();
  }

  @Override
  public Void visitAnd(Filter.And and) {
    List<Filter> operands = and.operands();
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        out.append(" and ");
      }
      Filter operand = operands.get(i);
      if (operand instanceof Filter.Or) {
        out.append('(');
        operand.accept(this);
        out.append(')');
      } else {
        operand.accept(this);
      }
    }
    return null;
  }

  @Override
  public Void visitOr(Filter.Or or) {
    List<Filter> operands = or.operands();
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        out.append(" or ");
      }
      operands.get(i).accept(this);
    }
    return null;
  }

  @Override
  public Void visitNot(Filter.Not not) {
    out.append("not (");
    not.operand().accept(this);
    out.append(')');
    return null;
  }

  @Override
  public Void visitComparison(Filter.Comparison comparison) {
    path(comparison.attribute());
    out.append(' ').append(comparison.operator().keyword()).append(' ');
    value(comparison.value());
    return null;
  }

  @Override
  public Void visitPresent(Filter.Present present) {
    path(present.attribute());
    out.append(" pr");
    return null;
  }

  @Override
  public Void visitValuePath(Filter.ValuePath valuePath) {
    path(valuePath.attribute());
    out.append('[');
    valuePath.filter().accept(this);
    out.append(']');
    return null;
  }

  private void path(AttributePath path) {
    if (path.schema() != null) {
      out.append(path.schema()).append(':');
    }
    out.append(path.name());
    if (path.subAttribute() != null) {
      out.append('.').append(path.subAttribute());
    }
  }

  private void value(FilterValue value) {
    if (value instanceof FilterValue.StringValue s) {
      string(s.value());
    } else if (value instanceof FilterValue.NumberValue n) {
      out.append(n.value().toString());
    } else if (value instanceof FilterValue.BooleanValue b) {
      out.append(b.value());
    } else {
      out.append("null");
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || isLoneSurrogate(s, i)) {
            out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]);
            out.append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isLoneSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
