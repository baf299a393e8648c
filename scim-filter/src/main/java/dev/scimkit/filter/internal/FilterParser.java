package dev.scimkit.filter.internal;

import dev.scimkit.filter.AttributePath;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterLimits;
import dev.scimkit.filter.FilterParseException;
import dev.scimkit.filter.FilterValue;
import dev.scimkit.filter.PatchPath;
import dev.scimkit.filter.internal.grammar.ScimFilterLexer;
import dev.scimkit.filter.internal.grammar.ScimFilterParser;
import dev.scimkit.filter.internal.grammar.ScimFilterParser.AndExprContext;
import dev.scimkit.filter.internal.grammar.ScimFilterParser.AttrExprContext;
import dev.scimkit.filter.internal.grammar.ScimFilterParser.ConditionContext;
import dev.scimkit.filter.internal.grammar.ScimFilterParser.NotExprContext;
import dev.scimkit.filter.internal.grammar.ScimFilterParser.OrExprContext;
import dev.scimkit.filter.internal.grammar.ScimFilterParser.PatchPathContext;
import dev.scimkit.filter.internal.grammar.ScimFilterParser.UnaryExprContext;
import dev.scimkit.filter.internal.grammar.ScimFilterParser.ValueFilterContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The only class that touches the generated ANTLR code: it checks the {@link FilterLimits}, runs
 * the generated lexer and parser, and turns the parse tree into the immutable AST of {@code
 * dev.scimkit.filter}, checking what the grammar leaves loose (attribute names, string escapes,
 * number range, nesting of value filters).
 *
 * <p>Errors never go to the console: the generated code's default listeners are removed and a
 * fail-fast error strategy turns the first syntax error into a {@link FilterParseException}.
 *
 * <p>An instance parses one input and is then discarded; the ANTLR lexer and parser it drives are
 * reused (see {@link Recognizers}).
 */
public final class FilterParser {

  private final String input;
  private final boolean bmpOnly;
  private final FilterLimits limits;
  private final String kind;
  /** Index of the first opening parenthesis or bracket at the deepest level of nesting. */
  private int deepestOpening;
  /** Set while building the inside of {@code [...]}, where RFC 7644 allows no second level. */
  private boolean insideValueFilter;

  private FilterParser(String input, FilterLimits limits, String kind) {
    this.input = input;
    this.limits = limits;
    this.kind = kind;
    this.bmpOnly = prescan();
  }

  /** For an input known to pass {@link #prescan()}: all in the BMP, nothing nested. */
  private FilterParser(String input, FilterLimits limits, String kind, boolean bmpOnly) {
    this.input = input;
    this.limits = limits;
    this.kind = kind;
    this.bmpOnly = bmpOnly;
  }

  /** Parses a filter; see {@link dev.scimkit.filter.Filters#parse(String, FilterLimits)}. */
  public static Filter parseFilter(String input, FilterLimits limits) {
    FilterParser p = new FilterParser(input, limits, "filter");
    Recognizers r = Recognizers.borrow();
    try {
      // filter : orExpr EOF
      return p.orExpr((OrExprContext) r.parse(p).filter().getChild(0));
    } catch (StackOverflowError e) {
      r = null; // stopped anywhere: let it go rather than reuse it
      throw p.tooDeep();
    } finally {
      if (r != null) {
        r.giveBack();
      }
    }
  }

  /** Parses a PATCH path; see {@link dev.scimkit.filter.Filters#parsePath(String, FilterLimits)}. */
  public static PatchPath parsePatchPath(String input, FilterLimits limits) {
    if (input.length() <= limits.maxLength()) {
      // What simplePatchPath accepts has no bracket, parenthesis, quote nor surrogate, so the
      // prescan would have nothing to report: skip it.
      PatchPath simple = new FilterParser(input, limits, "path", true).simplePatchPath();
      if (simple != null) {
        return simple;
      }
    }
    FilterParser p = new FilterParser(input, limits, "path");
    Recognizers r = Recognizers.borrow();
    try {
      return p.patchPath(r.parse(p).patchPath());
    } catch (StackOverflowError e) {
      r = null; // stopped anywhere: let it go rather than reuse it
      throw p.tooDeep();
    } finally {
      if (r != null) {
        r.giveBack();
      }
    }
  }

  /** {@code patchPath : ATTR_PATH (valueFilter (DOT ATTR_PATH)?)? EOF}. */
  private PatchPath patchPath(PatchPathContext ctx) {
    List<ParseTree> children = ctx.children;
    AttributePath attribute = attributePath(symbol(children.get(0)));
    if (!(children.get(1) instanceof ValueFilterContext valueFilter)) {
      return PatchPath.of(attribute);
    }
    Filter filter = valueFilter(attribute, valueFilter);
    String subAttribute = null;
    if (children.get(2) instanceof TerminalNode dot
        && dot.getSymbol().getType() == ScimFilterLexer.DOT) {
      subAttribute = simpleName(symbol(children.get(3)));
    }
    return new PatchPath(attribute, filter, subAttribute);
  }

  /**
   * Most PATCH paths are one attribute path token ({@code name.givenName}, {@code
   * urn:...:User:manager}), possibly with whitespace around it. For those the grammar's answer is
   * exactly {@link #attributePath(String, int)} of the token, so they skip ANTLR; anything else
   * (brackets, several tokens, other characters) returns {@code null} and goes through the
   * grammar.
   */
  private PatchPath simplePatchPath() {
    int from = 0;
    int to = input.length();
    while (from < to && isSpace(input.charAt(from))) {
      from++;
    }
    while (to > from && isSpace(input.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      return null;
    }
    char first = input.charAt(from);
    if (!FilterSyntax.isAsciiLetter(first) && first != '$') {
      return null;
    }
    for (int i = from + 1; i < to; i++) {
      char c = input.charAt(i);
      if (!FilterSyntax.isAsciiLetter(c) && !FilterSyntax.isDigit(c) && "_$:.-".indexOf(c) < 0) {
        return null;
      }
    }
    String token = input.substring(from, to);
    if (isKeyword(token)) {
      return null; // the lexer makes a keyword token of it, which the grammar rejects as a path
    }
    return PatchPath.of(attributePath(token, from));
  }

  private static final String[] KEYWORDS = {
    "and", "or", "not", "pr", "eq", "ne", "co", "sw", "ew", "gt", "lt", "ge", "le", "true",
    "false", "null"
  };

  /** Whether the lexer reads {@code text} as a keyword rather than an attribute path. */
  private static boolean isKeyword(String text) {
    if (text.length() > 5) {
      return false;
    }
    for (String keyword : KEYWORDS) {
      if (keyword.equalsIgnoreCase(text)) {
        return true;
      }
    }
    return false;
  }

  /** The characters the grammar skips between tokens. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** Parses an attribute path alone, as in {@code sortBy} or {@code attributes}. */
  public static AttributePath parseAttributePath(String input) {
    FilterParser p = new FilterParser(input, FilterLimits.defaults(), "attribute path");
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (!FilterSyntax.isAsciiLetter(c) && !FilterSyntax.isDigit(c) && "$:._-".indexOf(c) < 0) {
        throw p.error(i, "unexpected " + describeChar(input.codePointAt(i)) + " in an attribute path");
      }
    }
    return p.attributePath(input, 0);
  }

  /**
   * The parse tree and the AST builder recurse once per level of nesting. With the default {@link
   * FilterLimits#maxDepth()} that is far from any stack limit, but a host may raise the limit or
   * parse on a thread with a small stack. The parser shares no mutable state but ANTLR's
   * prediction cache, which only ever gains entries, so unwinding from here is safe, and the
   * caller gets the {@link FilterParseException} it was promised instead of an {@link Error}.
   */
  private FilterParseException tooDeep() {
    return error(deepestOpening, "nesting is too deep to parse");
  }

  // ---- limits ----------------------------------------------------------------------------------

  /**
   * Enforces the limits in one pass over the characters, before ANTLR sees the input, and reports
   * whether the input is all in the Basic Multilingual Plane (then ANTLR's code point indexes
   * are also {@link String} indexes).
   */
  private boolean prescan() {
    if (input.length() > limits.maxLength()) {
      throw error(
          limits.maxLength(),
          "the " + kind + " is longer than the limit of " + count(limits.maxLength(), "character"));
    }
    boolean bmp = true;
    boolean inString = false;
    int depth = 0;
    int deepest = 0;
    int maxDepth = limits.maxDepth();
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (Character.isSurrogate(c)) {
        bmp = false;
      }
      if (inString) {
        if (c == '\\') {
          i++;
          if (i < input.length() && Character.isSurrogate(input.charAt(i))) {
            bmp = false;
          }
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '(' || c == '[') {
        if (++depth > maxDepth) {
          throw error(i, "nesting is deeper than the limit of " + count(maxDepth, "level"));
        }
        if (depth > deepest) {
          deepest = depth;
          deepestOpening = i;
        }
      } else if (c == ')' || c == ']') {
        depth--;
      }
    }
    return bmp;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  // ---- running ANTLR -------------------------------------------------------------------------

  /**
   * A lexer and a parser, reset for each input rather than built anew: building them costs more
   * than parsing a short filter. They sit in a small shared array rather than in
   * thread locals, so that an undeployed web application leaves nothing in the container's
   * threads. A thread takes the set in its slot, or builds one if another thread holds it.
   */
  private static final class Recognizers {
    private static final int SLOTS = 32; // a power of two
    private static final AtomicReferenceArray<Recognizers> POOL = new AtomicReferenceArray<>(SLOTS);

    private final ScimFilterLexer lexer = new ScimFilterLexer(null);
    private final ScimFilterParser parser = new ScimFilterParser(null);
    private final FailFast errors = new FailFast();
    private int slot;

    private Recognizers() {
      lexer.removeErrorListeners();
      parser.removeErrorListeners();
      parser.setErrorHandler(errors);
      // Every decision of the grammar is LL(1), so the cheaper SLL mode is exact for it.
      parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    }

    static Recognizers borrow() {
      int slot = (int) Thread.currentThread().getId() & (SLOTS - 1);
      Recognizers r = POOL.getAndSet(slot, null);
      if (r == null) {
        r = new Recognizers();
      }
      r.slot = slot;
      return r;
    }

    void giveBack() {
      errors.owner = null;
      POOL.set(slot, this);
    }

    /** The parser, reset to read the input of {@code owner} and to report its errors. */
    ScimFilterParser parse(FilterParser owner) {
      errors.owner = owner;
      lexer.setInputStream(CharStreams.fromString(owner.input));
      // A new token stream each time: filling a long-lived one would make every token an
      // old-to-young reference for the garbage collector.
      parser.setInputStream(new CommonTokenStream(lexer));
      return parser;
    }
  }

  /** Turns the first syntax error into a {@link FilterParseException}; never recovers. */
  private static final class FailFast extends DefaultErrorStrategy {
    /** The parse in progress. */
    FilterParser owner;

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
      throw owner.syntaxError(e.getOffendingToken(), e.getExpectedTokens());
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
      throw owner.syntaxError(e.getOffendingToken(), e.getExpectedTokens());
    }

    @Override
    public Token recoverInline(Parser recognizer) {
      throw owner.syntaxError(recognizer.getCurrentToken(), recognizer.getExpectedTokens());
    }

    @Override
    public void sync(Parser recognizer) {
      // Loops exit on any token they cannot continue with; the rule that follows reports it.
    }
  }

  private FilterParseException syntaxError(Token token, IntervalSet expected) {
    int position = charIndex(token.getStartIndex());
    switch (token.getType()) {
      case ScimFilterLexer.UNTERMINATED_STRING:
        return error(position, "unterminated string");
      case ScimFilterLexer.UNEXPECTED_CHAR:
        return error(position, "unexpected " + describeChar(token.getText().codePointAt(0)));
      default:
        break;
    }
    String found = describeToken(token);
    if (expected.size() == 1 && expected.contains(Token.EOF)) {
      return error(position, "unexpected " + found + " after the end of the " + kind);
    }
    return error(position, "unexpected " + found + "; expected " + ExpectedTokens.describe(expected));
  }

  private static String describeToken(Token token) {
    if (token.getType() == Token.EOF) {
      return "end of input";
    }
    String text = token.getText();
    if (text.length() > 30) {
      int cut = Character.isHighSurrogate(text.charAt(26)) ? 26 : 27; // never split a pair
      text = text.substring(0, cut) + "...";
    }
    if (token.getType() != ScimFilterLexer.STRING) {
      return "'" + text + "'";
    }
    // A string token may hold raw control characters; the reason must stay on one line.
    StringBuilder shown = new StringBuilder(text.length() + 8).append("string ");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        shown.append(String.format("\\u%04x", (int) c));
      } else {
        shown.append(c);
      }
    }
    return shown.toString();
  }

  private static String describeChar(int codePoint) {
    if (codePoint == '\'') { // a common mistake, as in userName eq 'bjensen'
      return "character \"'\"";
    }
    if (!isVisible(codePoint)) {
      return String.format("character U+%04X", codePoint);
    }
    return "character '" + new String(Character.toChars(codePoint)) + "'";
  }

  /** Whether a character can be quoted as itself in a message (not blank, not invisible). */
  private static boolean isVisible(int codePoint) {
    if (Character.isISOControl(codePoint)
        || Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)) {
      return false;
    }
    int type = Character.getType(codePoint);
    return type != Character.FORMAT
        && type != Character.SURROGATE
        && type != Character.UNASSIGNED
        && type != Character.PRIVATE_USE;
  }

  // ---- building the AST ----------------------------------------------------------------------

  // The tree is read through each context's children, in the order its rule gives them: the
  // generated accessors search the children by type on every call.

  private static Token symbol(ParseTree terminal) {
    return ((TerminalNode) terminal).getSymbol();
  }

  /** {@code orExpr : andExpr (OR andExpr)*}. */
  private Filter orExpr(OrExprContext ctx) {
    List<ParseTree> children = ctx.children;
    int n = children.size();
    if (n == 1) {
      return andExpr((AndExprContext) children.get(0));
    }
    List<Filter> operands = new ArrayList<>((n + 1) / 2);
    for (int i = 0; i < n; i += 2) {
      operands.add(andExpr((AndExprContext) children.get(i)));
    }
    return new Filter.Or(operands);
  }

  /** {@code andExpr : unaryExpr (AND unaryExpr)*}. */
  private Filter andExpr(AndExprContext ctx) {
    List<ParseTree> children = ctx.children;
    int n = children.size();
    if (n == 1) {
      return unaryExpr((UnaryExprContext) children.get(0));
    }
    List<Filter> operands = new ArrayList<>((n + 1) / 2);
    for (int i = 0; i < n; i += 2) {
      operands.add(unaryExpr((UnaryExprContext) children.get(i)));
    }
    return new Filter.And(operands);
  }

  private Filter unaryExpr(UnaryExprContext ctx) {
    if (ctx instanceof AttrExprContext attr) {
      return attrExpr(attr);
    }
    if (ctx instanceof NotExprContext not) { // NOT LPAREN orExpr RPAREN
      return new Filter.Not(orExpr((OrExprContext) not.children.get(2)));
    }
    return orExpr((OrExprContext) ctx.children.get(1)); // LPAREN orExpr RPAREN
  }

  /** {@code ATTR_PATH (condition | valueFilter (DOT ATTR_PATH condition)?)}. */
  private Filter attrExpr(AttrExprContext ctx) {
    List<ParseTree> children = ctx.children;
    AttributePath path = attributePath(symbol(children.get(0)));
    ParseTree second = children.get(1);
    if (second instanceof ConditionContext condition) {
      return condition(path, condition);
    }
    Filter inner = valueFilter(path, (ValueFilterContext) second);
    if (children.size() > 2) {
      // Entra ID: emails[type eq "work"].value eq "x" means emails[type eq "work" and value eq "x"]
      AttributePath sub = AttributePath.of(simpleName(symbol(children.get(3))));
      inner = new Filter.And(List.of(inner, condition(sub, (ConditionContext) children.get(4))));
    }
    return new Filter.ValuePath(path, inner);
  }

  /** {@code valueFilter : LBRACKET orExpr RBRACKET}. */
  private Filter valueFilter(AttributePath path, ValueFilterContext ctx) {
    int bracket = charIndex(ctx.getStart().getStartIndex());
    if (insideValueFilter) {
      throw error(bracket, "value filters cannot be nested");
    }
    if (path.hasSubAttribute()) {
      throw error(bracket, "a value filter must follow a top-level attribute, not a sub-attribute");
    }
    insideValueFilter = true;
    Filter inner = orExpr((OrExprContext) ctx.children.get(1));
    insideValueFilter = false;
    return inner;
  }

  /** {@code condition : PR | compareOp compValue}, each of one token. */
  private Filter condition(AttributePath path, ConditionContext ctx) {
    Token first = ctx.getStart();
    if (first.getType() == ScimFilterLexer.PR) {
      return new Filter.Present(path);
    }
    ComparisonOperator operator =
        switch (first.getType()) {
          case ScimFilterLexer.EQ -> ComparisonOperator.EQ;
          case ScimFilterLexer.NE -> ComparisonOperator.NE;
          case ScimFilterLexer.CO -> ComparisonOperator.CO;
          case ScimFilterLexer.SW -> ComparisonOperator.SW;
          case ScimFilterLexer.EW -> ComparisonOperator.EW;
          case ScimFilterLexer.GT -> ComparisonOperator.GT;
          case ScimFilterLexer.LT -> ComparisonOperator.LT;
          case ScimFilterLexer.GE -> ComparisonOperator.GE;
          case ScimFilterLexer.LE -> ComparisonOperator.LE;
          default -> throw new IllegalStateException("operator missing from the grammar");
        };
    return new Filter.Comparison(path, operator, value(ctx.getStop()));
  }

  private FilterValue value(Token token) {
    return switch (token.getType()) {
      case ScimFilterLexer.STRING -> FilterValue.of(string(token));
      case ScimFilterLexer.NUMBER -> FilterValue.of(number(token));
      case ScimFilterLexer.TRUE -> FilterValue.of(true);
      case ScimFilterLexer.FALSE -> FilterValue.of(false);
      case ScimFilterLexer.NULL -> FilterValue.ofNull();
      default -> throw new IllegalStateException("value kind missing from the grammar");
    };
  }

  private BigDecimal number(Token token) {
    String text = token.getText();
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      BigDecimal value = withLargeExponent(text);
      if (value == null) {
        throw error(charIndex(token.getStartIndex()), "number out of range: " + text);
      }
      return value;
    }
  }

  /**
   * Parses a number whose exponent {@link BigDecimal#BigDecimal(String)} refuses although the
   * value is representable: that constructor wants the exponent itself to fit an {@code int},
   * yet {@link BigDecimal#toString()} writes {@code 1.2E+2147483648} for a scale of
   * {@code -2147483647}, and the formatter must be able to read back what it writes. Returns
   * {@code null} when the scale is out of the range of an {@code int}.
   */
  private static BigDecimal withLargeExponent(String text) {
    int e = Math.max(text.indexOf('e'), text.indexOf('E'));
    if (e < 0) {
      return null;
    }
    try {
      BigDecimal mantissa = new BigDecimal(text.substring(0, e));
      long scale = Math.subtractExact(mantissa.scale(), Long.parseLong(text.substring(e + 1)));
      return scale == (int) scale ? new BigDecimal(mantissa.unscaledValue(), (int) scale) : null;
    } catch (NumberFormatException | ArithmeticException tooLong) {
      return null;
    }
  }

  /** Decodes a JSON string token, checking every escape and rejecting raw control characters. */
  private String string(Token token) {
    String text = token.getText();
    int base = charIndex(token.getStartIndex());
    int end = text.length() - 1; // the closing quote
    if (text.indexOf('\\') < 0) {
      for (int i = 1; i < end; i++) {
        if (text.charAt(i) < 0x20) {
          throw controlCharacter(text, base, i);
        }
      }
      return text.substring(1, end);
    }
    StringBuilder out = new StringBuilder(end);
    for (int i = 1; i < end; i++) {
      char c = text.charAt(i);
      if (c < 0x20) {
        throw controlCharacter(text, base, i);
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = text.charAt(++i);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          int value = i + 4 < end ? hex4(text, i + 1) : -1;
          if (value < 0) {
            throw error(base + i - 1, "invalid \\u escape; expected four hexadecimal digits");
          }
          out.append((char) value);
          i += 4;
        }
        default -> {
          if (escaped < 0x20) { // a raw control character is wrong whether escaped or not
            throw controlCharacter(text, base, i);
          }
          int codePoint = text.codePointAt(i);
          if (!isVisible(codePoint)) {
            throw error(
                base + i - 1, "invalid escape: '\\' followed by " + describeChar(codePoint));
          }
          String shown = new String(Character.toChars(codePoint));
          throw error(base + i - 1, "invalid escape '\\" + shown + "' in a string");
        }
      }
    }
    return out.toString();
  }

  private FilterParseException controlCharacter(String text, int base, int i) {
    return error(
        base + i,
        String.format("control character U+%04X in a string must be escaped", (int) text.charAt(i)));
  }

  private static int hex4(String s, int from) {
    int value = 0;
    for (int i = from; i < from + 4; i++) {
      int digit = Character.digit(s.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }

  private AttributePath attributePath(Token token) {
    return attributePath(token.getText(), charIndex(token.getStartIndex()));
  }

  /** Splits {@code [urn ":"] name ["." sub]} and validates each part with exact positions. */
  private AttributePath attributePath(String text, int base) {
    String schema = null;
    int nameStart = 0;
    int colon = text.lastIndexOf(':');
    if (colon >= 0) {
      schema = text.substring(0, colon);
      int bad = FilterSyntax.firstInvalidUrnChar(schema);
      if (bad == 0) {
        throw error(base, "an attribute path can only be prefixed by a schema URN ('urn:...')");
      }
      if (bad > 0) {
        throw error(base + bad, "unexpected '" + schema.charAt(bad) + "' in a schema URN");
      }
      nameStart = colon + 1;
      if (nameStart == text.length()) {
        throw error(base + nameStart, "expected an attribute name after the schema URN");
      }
    }
    int dot = text.indexOf('.', nameStart);
    String name = dot < 0 ? text.substring(nameStart) : text.substring(nameStart, dot);
    checkName(name, base + nameStart);
    String subAttribute = null;
    if (dot >= 0) {
      subAttribute = text.substring(dot + 1);
      int second = subAttribute.indexOf('.');
      if (second >= 0) {
        throw error(base + dot + 1 + second, "an attribute path has at most one sub-attribute");
      }
      checkName(subAttribute, base + dot + 1);
    }
    return new AttributePath(schema, name, subAttribute);
  }

  /** The name after {@code "]."}: a plain attribute name, without schema or further dots. */
  private String simpleName(Token token) {
    String text = token.getText();
    int base = charIndex(token.getStartIndex());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' || c == ':') {
        throw error(base + i, "unexpected '" + c + "' in the sub-attribute after a value filter");
      }
    }
    checkName(text, base);
    return text;
  }

  private void checkName(String name, int position) {
    int bad = FilterSyntax.firstInvalidNameChar(name);
    if (bad < 0) {
      return;
    }
    if (name.isEmpty()) {
      throw error(position, "expected an attribute name");
    }
    if (bad == 0) {
      throw error(position, "an attribute name must start with a letter");
    }
    throw error(position + bad, "unexpected '" + name.charAt(bad) + "' in an attribute name");
  }

  // ---- positions -----------------------------------------------------------------------------

  /** Converts an ANTLR index (code points) to a {@link String} index (UTF-16 units). */
  private int charIndex(int codePointIndex) {
    if (bmpOnly || codePointIndex <= 0) {
      return Math.max(codePointIndex, 0);
    }
    int cps = input.codePointCount(0, input.length());
    return codePointIndex >= cps ? input.length() : input.offsetByCodePoints(0, codePointIndex);
  }

  private FilterParseException error(int position, String reason) {
    return new FilterParseException(input, Math.min(position, input.length()), reason);
  }
}
