package dev.scimkit.filter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a filter or PATCH path the way a client might, independently of {@link Filters#format}:
 * keywords in random letter case, random whitespace (spaces, tabs, line breaks), redundant
 * parentheses, {@code and}/{@code or} chains grouped at random, optional escapes ({@code \/},
 * {@code \\uXXXX} in either case), numbers as {@code <unscaled>e<-scale>}, and Entra ID's form
 * {@code emails[type eq "work"].value eq "x"} where it applies. Every text it writes must parse
 * back to the AST it was given.
 */
final class SloppyWriter {
  private final Random random;
  private final StringBuilder out = new StringBuilder();

  private SloppyWriter(Random random) {
    this.random = random;
  }

  static String write(Filter filter, Random random) {
    SloppyWriter w = new SloppyWriter(random);
    w.space(false);
    w.filter(filter);
    w.space(false);
    return w.out.toString();
  }

  static String write(PatchPath path, Random random) {
    SloppyWriter w = new SloppyWriter(random);
    w.space(false);
    w.path(path.attribute());
    if (path.valueFilter() != null) {
      w.space(false);
      w.out.append('[');
      w.space(false);
      w.filter(path.valueFilter());
      w.space(false);
      w.out.append(']');
      if (path.subAttribute() != null) {
        w.space(false);
        w.out.append('.');
        w.space(false);
        w.out.append(path.subAttribute());
      }
    }
    w.space(false);
    return w.out.toString();
  }

  private void filter(Filter filter) {
    if (chance(8)) {
      group(filter);
    } else {
      node(filter);
    }
  }

  private void node(Filter filter) {
    if (filter instanceof Filter.And and) {
      logical(and.operands(), "and", true);
    } else if (filter instanceof Filter.Or or) {
      logical(or.operands(), "or", false);
    } else if (filter instanceof Filter.Not not) {
      keyword("not");
      space(false);
      group(not.operand());
    } else if (filter instanceof Filter.Comparison c) {
      path(c.attribute());
      space(true);
      keyword(c.operator().keyword());
      if (c.value() instanceof FilterValue.StringValue) {
        space(false); // a string may touch its operator: userName eq"x"
      } else {
        space(true);
      }
      value(c.value());
    } else if (filter instanceof Filter.Present p) {
      path(p.attribute());
      space(true);
      keyword("pr");
    } else {
      valuePath((Filter.ValuePath) filter);
    }
  }

  private void group(Filter filter) {
    out.append('(');
    space(false);
    filter(filter);
    space(false);
    out.append(')');
  }

  /** Writes a chain, sometimes splitting it into parenthesized sub-chains of the same kind. */
  private void logical(List<Filter> operands, String keyword, boolean insideAnd) {
    int i = 0;
    boolean first = true;
    while (i < operands.size()) {
      if (!first) {
        space(true);
        keyword(keyword);
        space(true);
      }
      first = false;
      int remaining = operands.size() - i;
      int take = remaining >= 2 && chance(4) ? 2 + random.nextInt(remaining - 1) : 1;
      if (take == operands.size()) {
        take = 1; // parentheses around the whole chain are filter()'s business
      }
      if (take > 1) {
        List<Filter> part = operands.subList(i, i + take);
        group(insideAnd ? new Filter.And(part) : new Filter.Or(part));
      } else {
        Filter operand = operands.get(i);
        if (insideAnd && operand instanceof Filter.Or) {
          group(operand); // or inside and needs its parentheses
        } else {
          filter(operand);
        }
      }
      i += take;
    }
  }

  private void valuePath(Filter.ValuePath vp) {
    path(vp.attribute());
    space(false);
    Filter inner = vp.filter();
    Filter last =
        inner instanceof Filter.And and ? and.operands().get(and.operands().size() - 1) : null;
    AttributePath lastPath = attributeOf(last);
    if (lastPath != null && !lastPath.hasSchema() && !lastPath.hasSubAttribute() && chance(2)) {
      // Entra ID: emails[type eq "work"].value eq "x" means emails[type eq "work" and value eq "x"]
      List<Filter> operands = ((Filter.And) inner).operands();
      List<Filter> rest = operands.subList(0, operands.size() - 1);
      out.append('[');
      space(false);
      filter(rest.size() == 1 ? rest.get(0) : new Filter.And(rest));
      space(false);
      out.append(']');
      space(false);
      out.append('.');
      space(false);
      node(last); // a comparison or presence test on a plain name: no parentheses, no schema
      return;
    }
    out.append('[');
    space(false);
    filter(inner);
    space(false);
    out.append(']');
  }

  private static AttributePath attributeOf(Filter f) {
    if (f instanceof Filter.Comparison c) {
      return c.attribute();
    }
    if (f instanceof Filter.Present p) {
      return p.attribute();
    }
    return null;
  }

  private void path(AttributePath path) {
    out.append(Filters.format(path)); // names keep their case; nothing to vary
  }

  private void value(FilterValue value) {
    if (value instanceof FilterValue.StringValue s) {
      string(s.value());
    } else if (value instanceof FilterValue.NumberValue n) {
      number(n.value());
    } else if (value instanceof FilterValue.BooleanValue b) {
      keyword(String.valueOf(b.value()));
    } else {
      keyword("null");
    }
  }

  private void number(BigDecimal n) {
    switch (random.nextInt(3)) {
      case 0 -> out.append(n);
      case 1 -> {
        // plain digits keep the scale only when it is not negative (3E+1 is not 30)
        out.append(n.scale() >= 0 && n.scale() <= 40 ? n.toPlainString() : n.toString());
      }
      default -> {
        // unscaled value with the negated scale as exponent: the same unscaled value and scale
        out.append(n.unscaledValue());
        out.append(chance(2) ? 'e' : 'E');
        long exponent = -(long) n.scale();
        if (exponent >= 0 && chance(2)) {
          out.append('+');
        }
        out.append(exponent);
      }
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || chance(6)) {
        escape(c);
      } else if (c == '/' && chance(3)) {
        out.append("\\/");
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private void escape(char c) {
    String shortForm =
        switch (c) {
          case '\b' -> "\\b";
          case '\f' -> "\\f";
          case '\n' -> "\\n";
          case '\r' -> "\\r";
          case '\t' -> "\\t";
          default -> null;
        };
    if (shortForm != null && chance(2)) {
      out.append(shortForm);
      return;
    }
    String hex = String.format("%04x", (int) c);
    out.append("\\u").append(chance(2) ? hex : hex.toUpperCase(Locale.ROOT));
  }

  private void keyword(String keyword) {
    StringBuilder k = new StringBuilder(keyword.length());
    for (char c : keyword.toCharArray()) {
      k.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    out.append(k);
  }

  /** Whitespace between tokens: at least one character where {@code required}. */
  private void space(boolean required) {
    int n = required ? 1 + random.nextInt(2) : (chance(3) ? 1 : 0);
    for (int i = 0; i < n; i++) {
      out.append(
          switch (random.nextInt(8)) {
            case 0 -> '\t';
            case 1 -> '\n';
            case 2 -> '\r';
            default -> ' ';
          });
    }
  }

  private boolean chance(int oneIn) {
    return random.nextInt(oneIn) == 0;
  }
}
