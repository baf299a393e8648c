package dev.scimkit.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode;

/**
 * Properties of the parser and formatter over generated ASTs and generated text. Each property runs
 * a few thousand cases; together they take a few seconds.
 */
class FilterPropertiesTest {

  // ---- (a) round trip over generated ASTs --------------------------------------------------

  @Property(tries = 3000)
  void parse_ofFormat_equalsTheGeneratedFilter(@ForAll("filters") Filter filter) {
    String text = Filters.format(filter);
    Filter parsed = Filters.parse(text, generous());
    assertThat(parsed).isEqualTo(filter);
    assertThat(parsed.hashCode()).isEqualTo(filter.hashCode());
  }

  @Property(tries = 2000)
  void parsePath_ofFormat_equalsTheGeneratedPath(@ForAll("patchPaths") PatchPath path) {
    String text = Filters.format(path);
    assertThat(Filters.parsePath(text, generous())).isEqualTo(path);
  }

  @Property(tries = 1000)
  void parseAttributePath_ofFormat_equalsTheGeneratedPath(
      @ForAll("attributePaths") AttributePath path) {
    assertThat(Filters.parseAttributePath(Filters.format(path))).isEqualTo(path);
  }

  @Property(tries = 1000)
  void parse_ofFormattedLiteral_keepsTheLiteral(@ForAll("values") FilterValue value) {
    Filter comparison = new Filter.Comparison(AttributePath.of("x"), ComparisonOperator.EQ, value);
    Filter parsed = Filters.parse("x eq " + Filters.format(value));
    assertThat(parsed).isEqualTo(comparison);
    assertThat(((Filter.Comparison) parsed).value().toJava()).isEqualTo(value.toJava());
  }

  @Property(tries = 3000)
  void parse_ofSloppyText_equalsTheGeneratedFilter(
      @ForAll("filters") Filter filter, @ForAll Random random) {
    String text = SloppyWriter.write(filter, random);
    assertThat(Filters.parse(text, generous())).as("%s", text).isEqualTo(filter);
  }

  @Property(tries = 2000)
  void parsePath_ofSloppyText_equalsTheGeneratedPath(
      @ForAll("patchPaths") PatchPath path, @ForAll Random random) {
    String text = SloppyWriter.write(path, random);
    assertThat(Filters.parsePath(text, generous())).as("%s", text).isEqualTo(path);
  }

  // ---- (b) any text: a filter or a FilterParseException, nothing else ----------------------

  @Property(tries = 4000)
  @StatisticsReport(StatisticsReportMode.OFF)
  void parse_ofAnyText_returnsOrThrowsFilterParseException(@ForAll("anyText") String text) {
    Statistics.collect(outcome(() -> Filters.parse(text)));
    bothOutcomesAreCommon();
  }

  @Property(tries = 2000)
  @StatisticsReport(StatisticsReportMode.OFF)
  void parse_ofNearMissFilter_returnsOrThrowsFilterParseException(
      @ForAll("mutatedFilters") String text) {
    Statistics.collect(outcome(() -> Filters.parse(text, generous())));
    bothOutcomesAreCommon();
  }

  @Property(tries = 2000)
  @StatisticsReport(StatisticsReportMode.OFF)
  void parsePath_ofAnyText_returnsOrThrowsFilterParseException(@ForAll("anyText") String text) {
    Statistics.collect(outcome(() -> Filters.parsePath(text)));
  }

  @Property(tries = 1000)
  void parsePath_ofNearMissPath_returnsOrThrowsFilterParseException(
      @ForAll("mutatedPaths") String text) {
    outcome(() -> Filters.parsePath(text, generous()));
  }

  @Property(tries = 1000)
  void parseAttributePath_ofAnyText_returnsOrThrowsFilterParseException(
      @ForAll("filterLikeText") String text) {
    outcome(() -> Filters.parseAttributePath(text));
  }

  // ---- (c) format is idempotent ------------------------------------------------------------

  @Property(tries = 2000)
  void format_ofParsedCanonicalText_isIdempotent(@ForAll("filters") Filter filter) {
    String once = Filters.format(filter);
    String twice = Filters.format(Filters.parse(once, generous()));
    assertThat(twice).isEqualTo(once);
  }

  @Property(tries = 3000)
  @StatisticsReport(StatisticsReportMode.OFF)
  void format_ofAnyParsedText_isIdempotent(@ForAll("anyText") String text) {
    bothOutcomesAreCommon();
    Filter filter;
    try {
      filter = Filters.parse(text, generous());
      Statistics.collect("parsed");
    } catch (FilterParseException e) {
      Statistics.collect("rejected");
      return; // covered by the properties above
    }
    String once = Filters.format(filter);
    Filter again = Filters.parse(once, generous());
    assertThat(again).isEqualTo(filter);
    assertThat(Filters.format(again)).isEqualTo(once);
  }

  // ---- checks ------------------------------------------------------------------------------

  /** Guards the generators: text that never parses (or always does) would prove little. */
  private static void bothOutcomesAreCommon() {
    Statistics.coverage(
        coverage -> {
          coverage.check("parsed").percentage(p -> p >= 10);
          coverage.check("rejected").percentage(p -> p >= 10);
        });
  }

  /**
   * Runs a parse. A result must format and parse back to itself; a failure must be a {@link
   * FilterParseException} that describes the input faithfully. Anything else propagates and
   * falsifies the property.
   */
  private static String outcome(ThrowingParse parse) {
    Object result;
    try {
      result = parse.run();
    } catch (FilterParseException e) {
      checkException(e);
      return "rejected";
    }
    assertThat(result).isNotNull();
    if (result instanceof Filter f) {
      assertThat(Filters.parse(Filters.format(f), generous())).isEqualTo(f);
    } else if (result instanceof PatchPath p) {
      assertThat(Filters.parsePath(Filters.format(p), generous())).isEqualTo(p);
    }
    return "parsed";
  }

  private static void checkException(FilterParseException e) {
    String input = e.input();
    assertThat(input).isNotNull();
    assertThat(e.position()).isBetween(0, input.length());
    assertThat(e.reason()).isNotBlank();
    assertThat(e.reason().chars()).as("reason is one printable line").noneMatch(c -> c < 0x20);
    String[] lines = e.getMessage().split("\n", -1);
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).isEqualTo(e.reason() + " at position " + e.position());
    assertThat(lines[1]).startsWith("  ").doesNotContain("\n", "\r", "\t");
    assertThat(lines[2]).matches(" {2,}\\^");
  }

  @FunctionalInterface
  private interface ThrowingParse {
    Object run();
  }

  /** Generated filters may be long; nesting stays within the defaults. */
  private static FilterLimits generous() {
    return FilterLimits.builder().maxLength(1_000_000).build();
  }

  // ---- generators --------------------------------------------------------------------------

  @Provide
  Arbitrary<Filter> filters() {
    return FilterArbitraries.filters();
  }

  @Provide
  Arbitrary<PatchPath> patchPaths() {
    return FilterArbitraries.patchPaths();
  }

  @Provide
  Arbitrary<AttributePath> attributePaths() {
    return FilterArbitraries.attributePaths();
  }

  @Provide
  Arbitrary<FilterValue> values() {
    return FilterArbitraries.values();
  }

  @Provide
  Arbitrary<String> filterLikeText() {
    return FilterArbitraries.filterLikeText();
  }

  @Provide
  Arbitrary<String> mutatedFilters() {
    return FilterArbitraries.mutatedFilters();
  }

  @Provide
  Arbitrary<String> mutatedPaths() {
    return FilterArbitraries.mutatedPaths();
  }

  @Provide
  Arbitrary<String> anyText() {
    return FilterArbitraries.anyText();
  }
}
