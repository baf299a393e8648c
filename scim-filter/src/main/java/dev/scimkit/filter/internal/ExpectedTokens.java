package dev.scimkit.filter.internal;

import dev.scimkit.filter.internal.grammar.ScimFilterLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Describes a set of expected tokens in words, in a fixed order, for error messages. */
final class ExpectedTokens {
  private ExpectedTokens() {}

  private static final int[] OPERATORS = {
    ScimFilterLexer.EQ, ScimFilterLexer.NE, ScimFilterLexer.CO, ScimFilterLexer.SW,
    ScimFilterLexer.EW, ScimFilterLexer.GT, ScimFilterLexer.LT, ScimFilterLexer.GE,
    ScimFilterLexer.LE
  };

  private static final int[] VALUES = {
    ScimFilterLexer.STRING, ScimFilterLexer.NUMBER, ScimFilterLexer.TRUE,
    ScimFilterLexer.FALSE, ScimFilterLexer.NULL
  };

  static String describe(IntervalSet expected) {
    List<String> parts = new ArrayList<>();
    if (containsAll(expected, OPERATORS)) {
      parts.add(
          expected.contains(ScimFilterLexer.PR)
              ? "an operator (eq, ne, co, sw, ew, gt, lt, ge, le, pr)"
              : "an operator (eq, ne, co, sw, ew, gt, lt, ge, le)");
    }
    if (containsAll(expected, VALUES)) {
      parts.add("a value (a string, a number, true, false or null)");
    }
    add(parts, expected, ScimFilterLexer.ATTR_PATH, "an attribute path");
    add(parts, expected, ScimFilterLexer.NOT, "'not'");
    add(parts, expected, ScimFilterLexer.LPAREN, "'('");
    add(parts, expected, ScimFilterLexer.LBRACKET, "'['");
    add(parts, expected, ScimFilterLexer.DOT, "'.'");
    add(parts, expected, ScimFilterLexer.AND, "'and'");
    add(parts, expected, ScimFilterLexer.OR, "'or'");
    add(parts, expected, ScimFilterLexer.RBRACKET, "']'");
    add(parts, expected, ScimFilterLexer.RPAREN, "')'");
    add(parts, expected, Token.EOF, "end of input");
    if (parts.isEmpty()) {
      return "something else"; // unreachable with this grammar; kept so a message always reads
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " or "
        + parts.get(parts.size() - 1);
  }

  private static boolean containsAll(IntervalSet set, int[] tokens) {
    for (int token : tokens) {
      if (!set.contains(token)) {
        return false;
      }
    }
    return true;
  }

  private static void add(List<String> parts, IntervalSet set, int token, String words) {
    if (set.contains(token)) {
      parts.add(words);
    }
  }
}
