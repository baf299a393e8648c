package dev.scimkit.filter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators of filter ASTs, PATCH paths and filter-like text. */
final class FilterArbitraries {
  private FilterArbitraries() {}

  /**
   * Words the lexer always reads as keywords. An attribute path that is exactly one of them ({@code
   * pr pr}) cannot be parsed, so generated bare names avoid them; see
   * FiltersTest#parse_keywordAsBareAttributeName_isRejected.
   */
  static final Set<String> KEYWORDS =
      Set.of(
          "and", "or", "not", "pr", "eq", "ne", "co", "sw", "ew", "gt", "lt", "ge", "le", "true",
          "false", "null");

  static final int MAX_DEPTH = 4;

  // ---- attribute paths ---------------------------------------------------------------------

  static Arbitrary<String> names() {
    Arbitrary<String> generated =
        Combinators.combine(
                Arbitraries.chars().range('a', 'z').range('A', 'Z'),
                Arbitraries.strings()
                    .withCharRange('a', 'z')
                    .withCharRange('A', 'Z')
                    .withCharRange('0', '9')
                    .withChars('-', '_')
                    .ofMaxLength(8))
            .as((first, rest) -> first + rest)
            .filter(name -> !KEYWORDS.contains(name.toLowerCase(Locale.ROOT)));
    return Arbitraries.oneOf(
        Arbitraries.of(
            "userName",
            "UserName",
            "name",
            "emails",
            "members",
            "value",
            "type",
            "displayName",
            "externalId",
            "meta",
            "lastModified",
            "$ref",
            "$REF",
            "x-y_z1",
            "a",
            "Z9"),
        generated);
  }

  static Arbitrary<String> schemas() {
    return Arbitraries.of(
        "urn:ietf:params:scim:schemas:core:2.0:User",
        "urn:ietf:params:scim:schemas:core:2.0:Group",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
        "URN:Vendor-X_1.2:ext",
        "urn:x");
  }

  /** Attribute paths with or without a schema URN and a sub-attribute. */
  static Arbitrary<AttributePath> attributePaths() {
    return Combinators.combine(schemas().injectNull(0.6), names(), names().injectNull(0.6))
        .as(AttributePath::new);
  }

  /** Attribute paths that can carry a value filter: no sub-attribute. */
  static Arbitrary<AttributePath> topLevelPaths() {
    return Combinators.combine(schemas().injectNull(0.6), names())
        .as((schema, name) -> new AttributePath(schema, name, null));
  }

  // ---- values ------------------------------------------------------------------------------

  static Arbitrary<String> strings() {
    Arbitrary<String> tricky =
        Arbitraries.of(
                "\"",
                "\\",
                "/",
                "\b",
                "\f",
                "\n",
                "\r",
                "\t",
                "\u0000",
                "\u001f",
                "\u007f",
                "\u2028",
                "\ufeff",
                "\ud800",
                "\udc00",
                "\ud83d\ude00",
                "\u4e2d",
                "\u00e9",
                " ",
                "a",
                "Z",
                "0",
                "\\u",
                "(",
                ")",
                "[",
                "]",
                " and ",
                " or ",
                "not ",
                " eq ",
                "'",
                "\u200d",
                "\uffff")
            .list()
            .ofMaxSize(10)
            .map(parts -> String.join("", parts));
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.strings().alpha().numeric().withChars("@.-_ ").ofMaxLength(20),
        tricky);
  }

  static Arbitrary<BigDecimal> numbers() {
    Arbitrary<BigInteger> unscaled =
        Arbitraries.oneOf(
            Arbitraries.bigIntegers().between(BigInteger.valueOf(-1000), BigInteger.valueOf(1000)),
            Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)));
    Arbitrary<Integer> scale =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.integers().between(-12, 12)),
            Tuple.of(2, Arbitraries.integers()),
            Tuple.of(
                1,
                Arbitraries.of(
                    Integer.MIN_VALUE,
                    Integer.MIN_VALUE + 1,
                    Integer.MAX_VALUE,
                    Integer.MAX_VALUE - 1,
                    -7,
                    7)));
    return Combinators.combine(unscaled, scale).as(BigDecimal::new);
  }

  static Arbitrary<FilterValue> values() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, strings().map(FilterValue::of)),
        Tuple.of(3, numbers().map(FilterValue::of)),
        Tuple.of(1, Arbitraries.of(true, false).map(FilterValue::of)),
        Tuple.of(1, Arbitraries.just(FilterValue.ofNull())));
  }

  // ---- filters -----------------------------------------------------------------------------

  static Arbitrary<Filter> filters() {
    return filters(MAX_DEPTH, true);
  }

  /** Filters with no value path anywhere, as allowed inside brackets. */
  static Arbitrary<Filter> valueFilters() {
    return filters(MAX_DEPTH - 1, false);
  }

  static Arbitrary<Filter> filters(int depth, boolean allowValuePath) {
    Arbitrary<Filter> comparison =
        Combinators.combine(attributePaths(), Arbitraries.of(ComparisonOperator.class), values())
            .as(Filter.Comparison::new);
    Arbitrary<Filter> present = attributePaths().map(Filter.Present::new);
    Arbitrary<Filter> leaf = Arbitraries.frequencyOf(Tuple.of(4, comparison), Tuple.of(1, present));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Filter> smaller = Arbitraries.lazy(() -> filters(depth - 1, allowValuePath));
    Arbitrary<List<Filter>> operands = smaller.list().ofMinSize(2).ofMaxSize(4);
    Arbitrary<Filter> and = operands.map(Filter.And::new);
    Arbitrary<Filter> or = operands.map(Filter.Or::new);
    Arbitrary<Filter> not = smaller.map(Filter.Not::new);
    if (!allowValuePath) {
      return Arbitraries.frequencyOf(
          Tuple.of(4, leaf), Tuple.of(2, and), Tuple.of(2, or), Tuple.of(1, not));
    }
    Arbitrary<Filter> valuePath =
        Combinators.combine(topLevelPaths(), Arbitraries.lazy(() -> filters(depth - 1, false)))
            .as(Filter.ValuePath::new);
    return Arbitraries.frequencyOf(
        Tuple.of(4, leaf),
        Tuple.of(2, and),
        Tuple.of(2, or),
        Tuple.of(1, not),
        Tuple.of(2, valuePath));
  }

  // ---- PATCH paths -------------------------------------------------------------------------

  static Arbitrary<PatchPath> patchPaths() {
    Arbitrary<PatchPath> plain = attributePaths().map(PatchPath::of);
    Arbitrary<PatchPath> filtered =
        Combinators.combine(topLevelPaths(), valueFilters(), names().injectNull(0.5))
            .as(PatchPath::new);
    return Arbitraries.oneOf(plain, filtered);
  }

  // ---- text --------------------------------------------------------------------------------

  /**
   * Text biased towards filter syntax: names, keywords in any case, operators, quotes, backslashes
   * and escapes, brackets, dots, colons, numbers, whitespace, plus arbitrary characters (lone
   * surrogates and supplementary characters included).
   */
  static Arbitrary<String> filterLikeText() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "userName",
            "emails",
            "value",
            "name.givenName",
            "members",
            "a",
            "x1",
            "$ref",
            "$",
            "urn:ietf:params:scim:schemas:core:2.0:User:",
            "urn:",
            ":",
            ".",
            " ",
            " ",
            " ",
            "\t",
            "\n",
            "(",
            ")",
            "[",
            "]",
            "\"",
            "\"",
            "\\",
            "\\\"",
            "\\u",
            "\\u00e9",
            "\\ud83d",
            "\\uZZ",
            "and",
            "or",
            "not",
            "AND",
            "Or",
            "nOt",
            "pr",
            "eq",
            "Eq",
            "ne",
            "co",
            "sw",
            "ew",
            "gt",
            "lt",
            "ge",
            "le",
            "true",
            "FALSE",
            "null",
            "0",
            "01",
            "-1.5e+3",
            "1E",
            "1e99999999999",
            "2e2147483648",
            "é",
            "中",
            "\ud83d\ude00",
            "\ud800",
            "\udc00",
            "\u0000",
            "\u00a0",
            "\ufeff",
            "'",
            ",",
            "=",
            "_",
            "-",
            "+");
    // Whole phrases make a good share of the texts parse, so the properties see both outcomes.
    Arbitrary<String> phrases =
        Arbitraries.of(
            "userName eq \"bjensen\"",
            "title pr",
            "x ge -1.5E3",
            "active eq TRUE",
            "emails[type eq \"work\"]",
            "emails[type eq \"work\"].value eq \"x@y\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq null",
            "name.familyName co \"O'Malley\\u00e9\"",
            " and ",
            " or ",
            " AND ",
            " Or ",
            "not (",
            "(",
            ")",
            "[",
            "]",
            "members[value eq \"a\" or not (display pr)]");
    Arbitrary<String> piece =
        Arbitraries.frequencyOf(
            Tuple.of(12, phrases),
            Tuple.of(12, pieces),
            Tuple.of(1, Arbitraries.chars().all().map(String::valueOf)),
            Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString)),
            Tuple.of(1, Arbitraries.strings().all().ofMaxLength(4)));
    return piece.list().ofMaxSize(12).map(parts -> String.join("", parts));
  }

  /** Generated filters as a client might write them; see {@link SloppyWriter}. */
  static Arbitrary<String> sloppyFilters() {
    return Combinators.combine(filters(), Arbitraries.randoms()).as(SloppyWriter::write);
  }

  /** Generated PATCH paths as a client might write them. */
  static Arbitrary<String> sloppyPaths() {
    return Combinators.combine(patchPaths(), Arbitraries.randoms()).as(SloppyWriter::write);
  }

  /** A generated filter, canonical or sloppy, with one random edit: near-miss inputs. */
  static Arbitrary<String> mutatedFilters() {
    return mutated(Arbitraries.oneOf(filters().map(Filters::format), sloppyFilters()));
  }

  /** A generated PATCH path, canonical or sloppy, with one random edit. */
  static Arbitrary<String> mutatedPaths() {
    return mutated(Arbitraries.oneOf(patchPaths().map(Filters::format), sloppyPaths()));
  }

  /** Any of the texts above: noise, sloppy filters and near misses. */
  static Arbitrary<String> anyText() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, filterLikeText()), Tuple.of(1, sloppyFilters()), Tuple.of(2, mutatedFilters()));
  }

  private static Arbitrary<String> mutated(Arbitrary<String> texts) {
    Arbitrary<String> insert =
        Arbitraries.of(
            "(", ")", "[", "]", "\"", "\\", ".", ":", " ", "and ", "or ", "not ", "pr", " eq ", "x",
            "0", "$", "\u0001", "\ud800");
    return Combinators.combine(
            texts,
            Arbitraries.integers().between(0, 3),
            Arbitraries.doubles().between(0, 1),
            insert)
        .as(
            (text, edit, where, piece) -> {
              int at = (int) (where * text.length());
              return switch (edit) {
                case 0 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1));
                case 1 -> text.substring(0, at) + piece + text.substring(at);
                case 2 -> text.substring(0, at);
                default -> text + piece;
              };
            });
  }
}
