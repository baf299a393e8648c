package dev.scimkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Security regressions: hostile filters must fail fast with a {@link FilterParseException}, never
 * with a {@link StackOverflowError}, an {@link OutOfMemoryError} or a long pause. Timeouts run the
 * test on a separate thread so that a hang fails the test instead of the build.
 */
class HostileInputTest {

  private static final int LEVELS = 100_000;
  private static final int MEGABYTE = 1_000_000;

  /** Long inputs allowed, so that only the depth limit stands in the way. */
  private static final FilterLimits LONG_INPUTS =
      FilterLimits.builder().maxLength(Integer.MAX_VALUE).build();

  // ---- deep nesting under the default depth limit ---------------------------------------------

  @Test
  @Timeout(value = 2, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void deeplyNestedNotIsRejectedQuickly() {
    String text = "not (".repeat(LEVELS) + "title pr" + ")".repeat(LEVELS);

    assertThat(rejected(() -> Filters.parse(text)).reason()).contains("longer than the limit");
    FilterParseException e = rejected(() -> Filters.parse(text, LONG_INPUTS));
    assertThat(e.reason()).isEqualTo("nesting is deeper than the limit of 64 levels");
    assertThat(e.position()).isEqualTo(64 * "not (".length() + "not ".length());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void deeplyNestedParenthesesAreRejectedQuickly() {
    String text = "(".repeat(LEVELS) + "title pr" + ")".repeat(LEVELS);

    assertThat(rejected(() -> Filters.parse(text)).reason()).contains("longer than the limit");
    FilterParseException e = rejected(() -> Filters.parse(text, LONG_INPUTS));
    assertThat(e.reason()).isEqualTo("nesting is deeper than the limit of 64 levels");
    assertThat(e.position()).isEqualTo(64);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void deeplyNestedBracketsAreRejectedQuickly() {
    String brackets = "emails" + "[".repeat(LEVELS) + "type eq \"work\"" + "]".repeat(LEVELS);
    assertThat(rejected(() -> Filters.parse(brackets)).reason()).contains("longer than the limit");
    assertThat(rejected(() -> Filters.parsePath(brackets)).reason()).contains("longer than");
    assertThat(rejected(() -> Filters.parse(brackets, LONG_INPUTS)).position()).isEqualTo(6 + 64);
    assertThat(rejected(() -> Filters.parsePath(brackets, LONG_INPUTS)).position())
        .isEqualTo(6 + 64);

    String valuePaths = "x[".repeat(LEVELS) + "a pr" + "]".repeat(LEVELS);
    FilterParseException e = rejected(() -> Filters.parse(valuePaths, LONG_INPUTS));
    assertThat(e.reason()).isEqualTo("nesting is deeper than the limit of 64 levels");
    assertThat(e.position()).isEqualTo(64 * 2 + 1);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void deeplyNestedOpeningsWithoutClosingsAreRejectedQuickly() {
    assertThat(rejected(() -> Filters.parse("(".repeat(LEVELS), LONG_INPUTS)).position())
        .isEqualTo(64);
    assertThat(rejected(() -> Filters.parse("not (".repeat(LEVELS), LONG_INPUTS)).position())
        .isEqualTo(324);
    assertThat(rejected(() -> Filters.parsePath("a" + "[".repeat(LEVELS), LONG_INPUTS)).position())
        .isEqualTo(65);
  }

  // ---- deep nesting under a raised limit: the parser's own stack ------------------------------

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void deepNestingBeyondTheStackIsRejectedWithParseExceptionNotStackOverflow() throws Exception {
    FilterLimits limits =
        FilterLimits.builder().maxLength(Integer.MAX_VALUE).maxDepth(Integer.MAX_VALUE).build();
    String nots = "not (".repeat(LEVELS) + "title pr" + ")".repeat(LEVELS);
    String parens = "(".repeat(LEVELS) + "title pr" + ")".repeat(LEVELS);
    String path = "a[" + "(".repeat(LEVELS) + "b pr" + ")".repeat(LEVELS) + "]";

    // A small stack makes the overflow certain, whatever the JVM's default.
    FilterParseException e = onSmallStack(() -> Filters.parse(nots, limits));
    assertThat(e.reason()).isEqualTo("nesting is too deep to parse");
    assertThat(e.position()).isEqualTo((LEVELS - 1) * "not (".length() + "not ".length());
    assertThat(onSmallStack(() -> Filters.parse(parens, limits)).position()).isEqualTo(LEVELS - 1);
    assertThat(onSmallStack(() -> Filters.parsePath(path, limits)).reason())
        .isEqualTo("nesting is too deep to parse");

    // and the parser still works afterwards, on the same thread kind
    assertThat(onSmallStackParses(() -> Filters.parse("not (title pr)", limits))).isTrue();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void nestingOfAFewHundredLevelsParsesWhenTheLimitAllowsIt() {
    FilterLimits limits = FilterLimits.builder().maxDepth(300).build();
    String text = "not (".repeat(299) + "emails[type eq \"work\"]" + ")".repeat(299);
    Filter filter = Filters.parse(text, limits);
    assertThat(Filters.format(filter)).isEqualTo(text);
  }

  // ---- huge input ---------------------------------------------------------------------------

  @Test
  @Timeout(value = 2, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void oneMegabyteInputIsRejectedQuicklyUnderDefaultLimits() {
    String chain = orChain(MEGABYTE);
    FilterParseException e = rejected(() -> Filters.parse(chain));
    assertThat(e.reason()).isEqualTo("the filter is longer than the limit of 32768 characters");
    assertThat(e.position()).isEqualTo(FilterLimits.DEFAULT_MAX_LENGTH);
    assertThat(e.getMessage()).as("quotes only a window of the input").hasSizeLessThan(300);

    String path = "members[value eq \"" + "x".repeat(MEGABYTE) + "\"]";
    assertThat(rejected(() -> Filters.parsePath(path)).reason())
        .isEqualTo("the path is longer than the limit of 32768 characters");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void oneMegabyteOrChainParsesUnderRaisedLimitsAndFormatsBack() {
    FilterLimits limits = FilterLimits.builder().maxLength(2 * MEGABYTE).build();
    String chain = orChain(MEGABYTE);

    Filter filter = Filters.parse(chain, limits);

    assertThat(filter).isInstanceOf(Filter.Or.class);
    assertThat(((Filter.Or) filter).operands()).hasSize(chain.split(" or ").length);
    assertThat(Filters.format(filter)).isEqualTo(chain);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void oneMegabyteStringsParseOrFailQuicklyUnderRaisedLimits() {
    FilterLimits limits = FilterLimits.builder().maxLength(2 * MEGABYTE).build();
    String escapes = "\\\"\\\\\\u00e9\\n".repeat(MEGABYTE / 16);
    Filter filter = Filters.parse("userName eq \"" + escapes + "\"", limits);
    String value = (String) ((Filter.Comparison) filter).value().toJava();
    assertThat(value).hasSize(4 * (MEGABYTE / 16)).startsWith("\"\\\u00e9\n");

    String unterminated = "userName eq \"" + "\\\"".repeat(MEGABYTE / 2);
    assertThat(rejected(() -> Filters.parse(unterminated, limits)).reason())
        .isEqualTo("unterminated string");

    String quotes = "\"".repeat(MEGABYTE);
    assertThat(rejected(() -> Filters.parse(quotes, limits)).position()).isZero();

    String digits = "x eq " + "9".repeat(MEGABYTE / 10);
    assertThatCode(() -> Filters.parse(digits, limits)).doesNotThrowAnyException();
  }

  // ---- the limits are exact -----------------------------------------------------------------

  @Test
  void nestingAtTheDefaultDepthLimitIsAcceptedAndOneMoreIsRejected() {
    int max = FilterLimits.DEFAULT_MAX_DEPTH;
    assertThat(Filters.parse("(".repeat(max) + "a pr" + ")".repeat(max)))
        .isEqualTo(Filters.parse("a pr"));
    assertThat(
            rejected(() -> Filters.parse("(".repeat(max + 1) + "a pr" + ")".repeat(max + 1)))
                .reason())
        .isEqualTo("nesting is deeper than the limit of 64 levels");

    String nots = "not (".repeat(max) + "a pr" + ")".repeat(max);
    assertThat(Filters.format(Filters.parse(nots))).isEqualTo(nots);
    assertThat(rejected(() -> Filters.parse("not (" + nots + ")")).position())
        .isEqualTo(max * "not (".length() + "not ".length());

    // a value filter's bracket is one more level
    String inParens = "(".repeat(max - 1) + "x[a pr]" + ")".repeat(max - 1);
    assertThat(Filters.parse(inParens)).isEqualTo(Filters.parse("x[a pr]"));
    assertThat(rejected(() -> Filters.parse("(" + inParens + ")")).position()).isEqualTo(max + 1);
  }

  @Test
  void nestingAtACustomDepthLimitIsAcceptedAndOneMoreIsRejected() {
    FilterLimits one = FilterLimits.builder().maxDepth(1).build();
    assertThat(Filters.parse("(a pr) and (b pr)", one)).isEqualTo(Filters.parse("a pr and b pr"));
    assertThat(Filters.parse("not (a pr)", one)).isEqualTo(Filters.parse("not (a pr)"));
    assertThat(Filters.parse("x[a pr] or y[b pr]", one)).isInstanceOf(Filter.Or.class);
    assertThat(Filters.parsePath("members[value eq \"1\"]", one).hasValueFilter()).isTrue();

    assertThat(rejected(() -> Filters.parse("((a pr))", one)).position()).isEqualTo(1);
    assertThat(rejected(() -> Filters.parse("(x[a pr])", one)).position()).isEqualTo(2);
    assertThat(rejected(() -> Filters.parsePath("members[(value pr)]", one)).position())
        .isEqualTo(8);
    assertThat(rejected(() -> Filters.parse("((a pr))", one)).reason())
        .isEqualTo("nesting is deeper than the limit of 1 level");
  }

  @Test
  void bracketsAndParenthesesInsideStringsDoNotCountAsNesting() {
    FilterLimits one = FilterLimits.builder().maxDepth(1).build();
    String text = "a eq \"((((([[[[[\\\"(((\" and (b eq \"]]]])))\")";
    assertThat(Filters.parse(text, one)).isInstanceOf(Filter.And.class);
  }

  @Test
  void inputAtTheLengthLimitIsAcceptedAndOneCharacterMoreIsRejected() {
    String text = "userName eq \"bjensen\""; // 21 characters
    FilterLimits exact = FilterLimits.builder().maxLength(text.length()).build();
    FilterLimits shorter = FilterLimits.builder().maxLength(text.length() - 1).build();

    assertThat(Filters.parse(text, exact)).isEqualTo(Filters.parse(text));
    FilterParseException e = rejected(() -> Filters.parse(text, shorter));
    assertThat(e.position()).isEqualTo(text.length() - 1);
    assertThat(e.reason()).isEqualTo("the filter is longer than the limit of 20 characters");

    FilterLimits one = FilterLimits.builder().maxLength(1).build();
    assertThat(rejected(() -> Filters.parsePath("ab", one)).reason())
        .isEqualTo("the path is longer than the limit of 1 character");
  }

  @Test
  void lengthIsCountedInUtf16UnitsAsStringLengthDoes() {
    String text = "x eq \"\uD83D\uDE00\""; // 9 chars, 8 code points
    assertThat(Filters.parse(text, FilterLimits.builder().maxLength(9).build())).isNotNull();
    assertThat(
            rejected(() -> Filters.parse(text, FilterLimits.builder().maxLength(8).build()))
                .position())
        .isEqualTo(8);
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** {@code userName eq "user0" or userName eq "user1" or ...}, at least {@code size} chars. */
  static String orChain(int size) {
    StringBuilder sb = new StringBuilder(size + 64);
    for (int i = 0; sb.length() < size; i++) {
      if (i > 0) {
        sb.append(" or ");
      }
      sb.append("userName eq \"user").append(i).append('"');
    }
    return sb.toString();
  }

  private static FilterParseException rejected(Supplier<?> parse) {
    FilterParseException e = catchThrowableOfType(FilterParseException.class, parse::get);
    assertThat(e).as("a FilterParseException").isNotNull();
    assertThat(e.position()).isBetween(0, e.input().length());
    return e;
  }

  private static FilterParseException onSmallStack(Supplier<?> parse) throws InterruptedException {
    Throwable thrown = runOnSmallStack(parse);
    assertThat(thrown).isInstanceOf(FilterParseException.class);
    return (FilterParseException) thrown;
  }

  private static boolean onSmallStackParses(Supplier<?> parse) throws InterruptedException {
    return runOnSmallStack(parse) == null;
  }

  private static Throwable runOnSmallStack(Supplier<?> parse) throws InterruptedException {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Runnable task =
        () -> {
          try {
            parse.get();
          } catch (Throwable t) {
            thrown.set(t);
          }
        };
    Thread thread = new Thread(null, task, "small-stack-parse", 256 * 1024);
    thread.start();
    thread.join();
    return thrown.get();
  }
}
