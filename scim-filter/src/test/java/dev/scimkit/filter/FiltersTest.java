package dev.scimkit.filter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The entry points, the client shapes of CLIENTS.md, and parser-wide guarantees. */
class FiltersTest {

  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  // ---- client shapes -----------------------------------------------------------------------

  @Test
  void parse_entraValuePathForm_equalsRfcForm() {
    Filter entra = Filters.parse("emails[type eq \"work\"].value eq \"x@y\"");
    Filter rfc = Filters.parse("emails[type eq \"work\" and value eq \"x@y\"]");
    assertThat(entra).isEqualTo(rfc).hasSameHashCodeAs(rfc);
    assertThat(entra)
        .isEqualTo(
            new Filter.ValuePath(
                AttributePath.of("emails"),
                Filter.and(
                    Filter.compare("type", ComparisonOperator.EQ, FilterValue.of("work")),
                    Filter.compare("value", ComparisonOperator.EQ, FilterValue.of("x@y")))));
    assertThat(Filters.format(entra)).isEqualTo("emails[type eq \"work\" and value eq \"x@y\"]");
  }

  @Test
  void parse_entraValuePathFormWithLogicInside_keepsTheBracketedFilterIntact() {
    Filter entra = Filters.parse("emails[type eq \"work\" or primary eq true].value co \"@x\"");
    assertThat(entra)
        .isEqualTo(
            Filters.parse("emails[(type eq \"work\" or primary eq true) and value co \"@x\"]"));
    assertThat(Filters.parse("emails[type eq \"work\"].value pr and active eq true"))
        .isEqualTo(Filters.parse("emails[type eq \"work\" and value pr] and active eq true"));
  }

  @Test
  void parse_entraTestConnectionProbes_areSimpleComparisons() {
    for (String attribute : List.of("userName", "displayName", "externalId")) {
      String guid = "8f2d1c6e-4b7a-4e3f-9c1d-2a5b6c7d8e9f";
      Filter filter = Filters.parse(attribute + " eq \"" + guid + "\"");
      assertThat(filter)
          .isEqualTo(
              new Filter.Comparison(
                  AttributePath.of(attribute), ComparisonOperator.EQ, FilterValue.of(guid)));
    }
  }

  @Test
  void parse_entraManagerReferenceCheck_isAnAndOfTwoComparisons() {
    Filter filter = Filters.parse("id eq \"2819c223\" and manager eq \"902c246b\"");
    assertThat(filter)
        .isEqualTo(
            Filter.and(
                Filter.compare("id", ComparisonOperator.EQ, FilterValue.of("2819c223")),
                Filter.compare("manager", ComparisonOperator.EQ, FilterValue.of("902c246b"))));
  }

  @Test
  void parse_enterpriseExtensionAttribute_keepsItsSchema() {
    Filter.Comparison c =
        (Filter.Comparison) Filters.parse(ENTERPRISE + ":employeeNumber eq \"701984\"");
    assertThat(c.attribute()).isEqualTo(new AttributePath(ENTERPRISE, "employeeNumber", null));
  }

  @Test
  void parse_keywordsInAnyLetterCase_meanTheSame() {
    assertThat(
            Filters.parse(
                "userName Eq \"john\" AND title PR oR NOT (active eQ FALSE) and x eq NULL"))
        .isEqualTo(
            Filters.parse(
                "userName eq \"john\" and title pr or not (active eq false) and x eq null"));
  }

  // ---- grammar -----------------------------------------------------------------------------

  @Test
  void parse_notBindsTighterThanAndWhichBindsTighterThanOr() {
    Filter a = Filter.present("a");
    Filter b = Filter.present("b");
    Filter c = Filter.present("c");
    assertThat(Filters.parse("a pr or b pr and c pr")).isEqualTo(Filter.or(a, Filter.and(b, c)));
    assertThat(Filters.parse("a pr and b pr or c pr")).isEqualTo(Filter.or(Filter.and(a, b), c));
    assertThat(Filters.parse("(a pr or b pr) and c pr")).isEqualTo(Filter.and(Filter.or(a, b), c));
    assertThat(Filters.parse("not (a pr) and b pr")).isEqualTo(Filter.and(Filter.not(a), b));
    assertThat(Filters.parse("not (a pr and b pr)")).isEqualTo(Filter.not(Filter.and(a, b)));
  }

  @Test
  void parse_trailingText_isRejectedNotDropped() {
    // a known defect of an existing ANTLR-based SCIM parser: it stops at "junk" and returns the
    // rest
    for (String text :
        List.of(
            "userName eq \"a\" junk",
            "userName eq \"a\" title pr",
            "userName eq \"a\")",
            "title pr]",
            "userName eq \"a\" \"b\"",
            "emails[type eq \"work\"] x")) {
      assertThatThrownBy(() -> Filters.parse(text))
          .as(text)
          .isInstanceOf(FilterParseException.class)
          .hasMessageContaining("after the end of the filter");
    }
    assertThatThrownBy(() -> Filters.parsePath("members[value eq \"x\"] junk"))
        .isInstanceOf(FilterParseException.class)
        .hasMessageContaining("after the end of the path");
  }

  @Test
  void parse_keywordAsBareAttributeName_isRejected() {
    // Known limitation: the lexer reads these words as keywords wherever they stand, so an
    // attribute named exactly "pr" or "and" cannot be filtered on without a schema prefix.
    for (String keyword : FilterArbitraries.KEYWORDS) {
      assertThatThrownBy(() -> Filters.parse(keyword + " eq \"x\""))
          .as(keyword)
          .isInstanceOf(FilterParseException.class);
    }
  }

  @Test
  void parse_keywordInsideALongerPath_isAName() {
    assertThat(Filters.parse("co.pr eq \"x\""))
        .isEqualTo(Filter.compare("co.pr", ComparisonOperator.EQ, FilterValue.of("x")));
    assertThat(Filters.parse("urn:x:and pr"))
        .isEqualTo(new Filter.Present(new AttributePath("urn:x", "and", null)));
    assertThat(Filters.parse("andrew pr or notes pr")).isInstanceOf(Filter.Or.class);
  }

  @Test
  void parse_whitespaceBetweenTokensIsFlexible() {
    Filter expected = Filters.parse("userName eq \"x\" and title pr");
    assertThat(Filters.parse(" \t userName\teq\"x\"\r\nand\n\ntitle   pr \n")).isEqualTo(expected);
    assertThat(Filters.parse("(userName eq \"x\")and(title pr)")).isEqualTo(expected);
  }

  // ---- entry points ------------------------------------------------------------------------

  @Test
  void entryPoints_rejectNullWithTheArgumentsName() {
    assertThatThrownBy(() -> Filters.parse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text == null");
    assertThatThrownBy(() -> Filters.parse(null, FilterLimits.defaults()))
        .hasMessage("text == null");
    assertThatThrownBy(() -> Filters.format((Filter) null)).hasMessage("filter == null");
    assertThatThrownBy(() -> Filters.format((AttributePath) null)).hasMessage("path == null");
    assertThatThrownBy(() -> Filters.format((FilterValue) null)).hasMessage("value == null");
  }

  @Test
  void format_writesMinimalParentheses() {
    assertThat(Filters.format(Filters.parse("((a pr) and ((b pr)))"))).isEqualTo("a pr and b pr");
    assertThat(Filters.format(Filters.parse("(a pr and b pr) or c pr")))
        .isEqualTo("a pr and b pr or c pr");
    assertThat(Filters.format(Filters.parse("(a pr or b pr) and c pr")))
        .isEqualTo("(a pr or b pr) and c pr");
    assertThat(Filters.format(Filters.parse("not ((a pr))"))).isEqualTo("not (a pr)");
    assertThat(Filters.format(Filters.parse("x[(a pr or b pr)]"))).isEqualTo("x[a pr or b pr]");
  }

  // ---- never prints, safe across threads -----------------------------------------------------

  @Test
  void parse_neverWritesToTheConsole() throws Exception {
    List<String> inputs = new ArrayList<>(GoldenFileTest.allInputs());
    inputs.addAll(List.of("(".repeat(100), "x eq \"\u0000\"", "\ud800", "a pr junk", "'"));

    // A fresh class loader, so that the parser's class initialization (where ANTLR checks its
    // version and could complain) also happens while the console is captured.
    URL classes = Filters.class.getProtectionDomain().getCodeSource().getLocation();
    URL antlr =
        org.antlr.v4.runtime.Token.class.getProtectionDomain().getCodeSource().getLocation();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    int rejected = 0;
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes, antlr}, ClassLoader.getPlatformClassLoader())) {
      Class<?> filters = loader.loadClass(Filters.class.getName());
      Method parse = filters.getMethod("parse", String.class);
      Method parsePath = filters.getMethod("parsePath", String.class);
      PrintStream capture = new PrintStream(captured, true, UTF_8);
      System.setOut(capture);
      System.setErr(capture);
      try {
        for (String input : inputs) {
          rejected += invoke(parse, input) + invoke(parsePath, input);
        }
      } finally {
        System.setOut(out);
        System.setErr(err);
      }
    }
    assertThat(rejected).isGreaterThan(100);
    assertThat(captured.toString(UTF_8)).isEmpty();
  }

  /** 1 if the parse threw a FilterParseException, 0 if it succeeded; anything else fails. */
  private static int invoke(Method parse, String input) throws Exception {
    try {
      parse.invoke(null, input);
      return 0;
    } catch (InvocationTargetException e) {
      assertThat(e.getCause().getClass().getName()).isEqualTo(FilterParseException.class.getName());
      return 1;
    }
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void parse_isSafeToCallFromManyThreadsAtOnce() throws Exception {
    List<String> texts = GoldenFileTest.validFilterInputs();
    List<Filter> expected = texts.stream().map(Filters::parse).toList();

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int offset = t;
        Callable<Boolean> task =
            () -> {
              for (int round = 0; round < 20; round++) {
                for (int i = 0; i < texts.size(); i++) {
                  int k = (i + offset) % texts.size();
                  if (!Filters.parse(texts.get(k)).equals(expected.get(k))) {
                    return false;
                  }
                }
              }
              return true;
            };
        results.add(pool.submit(task));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
