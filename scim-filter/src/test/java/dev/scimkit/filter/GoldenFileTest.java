package dev.scimkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the golden files under {@code src/test/resources/dev/scimkit/filter/}; their header comment
 * describes the format. Every record becomes one dynamic test named after its line.
 */
class GoldenFileTest {

  private static final String VALID_FILTERS = "valid-filters.txt";
  private static final String VALID_PATHS = "valid-paths.txt";
  private static final String INVALID = "invalid.txt";

  private static final Set<String> INPUT_KEYS = Set.of("filter", "path", "attribute");
  private static final Set<String> VALID_KEYS = Set.of("limits", "canonical");
  private static final Set<String> INVALID_KEYS = Set.of("limits", "reason", "position", "message");

  @Test
  void validFilters_holdAtLeast80Filters() {
    List<Golden> records = read(VALID_FILTERS, VALID_KEYS);
    assertThat(records).hasSizeGreaterThanOrEqualTo(80);
    assertThat(records).allSatisfy(r -> assertThat(r.kind()).isEqualTo("filter"));
  }

  @Test
  void validPaths_holdPatchPathsAndAttributePaths() {
    List<Golden> records = read(VALID_PATHS, VALID_KEYS);
    assertThat(records).filteredOn(r -> r.kind().equals("path")).hasSizeGreaterThanOrEqualTo(20);
    assertThat(records)
        .filteredOn(r -> r.kind().equals("attribute"))
        .hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void invalid_holdsAtLeast40InputsOfEachParser() {
    List<Golden> records = read(INVALID, INVALID_KEYS);
    assertThat(records).hasSizeGreaterThanOrEqualTo(40);
    assertThat(records).filteredOn(r -> r.kind().equals("filter")).hasSizeGreaterThanOrEqualTo(40);
    assertThat(records).filteredOn(r -> r.kind().equals("path")).hasSizeGreaterThanOrEqualTo(10);
    assertThat(records).filteredOn(r -> r.kind().equals("attribute")).isNotEmpty();
  }

  @Test
  void validFilters_includeEveryExampleOfRfc7644Section3422() {
    List<String> inputs = read(VALID_FILTERS, VALID_KEYS).stream().map(Golden::input).toList();
    assertThat(inputs)
        .contains(
            "userName Eq \"john\"",
            "Username eq \"john\"",
            "userName eq \"bjensen\"",
            "name.familyName co \"O'Malley\"",
            "userName sw \"J\"",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
            "title pr",
            "meta.lastModified gt \"2011-05-13T04:42:34Z\"",
            "meta.lastModified ge \"2011-05-13T04:42:34Z\"",
            "meta.lastModified lt \"2011-05-13T04:42:34Z\"",
            "meta.lastModified le \"2011-05-13T04:42:34Z\"",
            "title pr and userType eq \"Employee\"",
            "title pr or userType eq \"Intern\"",
            "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
            "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co"
                + " \"example.org\")",
            "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co"
                + " \"example.org\")",
            "userType eq \"Employee\" and (emails.type eq \"work\")",
            "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
            "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and"
                + " value co \"@foo.com\"]");
  }

  // ---- the reader fails loudly on a broken file ----------------------------------------------

  @Test
  void reader_missingFile_fails() {
    assertThatThrownBy(() -> read("no-such-golden-file.txt", VALID_KEYS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("missing");
  }

  @Test
  void reader_readsValuesLiterallyAndDecodesEscapes() {
    List<Golden> records =
        parseRecords(
            "t",
            "# comment\n"
                + "filter:    |  a eq \"<U+0009>\"<U+0020>\n"
                + "reason:    |r\n"
                + "position:  |3\n"
                + "message:   |line one\n"
                + "           |  line two<U+1F600>\n"
                + "\n"
                + "# another\n"
                + "path:      |p\n"
                + "limits:    |maxDepth=2 maxLength=9\n"
                + "reason:    |r\n"
                + "position:  |0\n"
                + "message:   |m\n",
            INVALID_KEYS);
    assertThat(records).hasSize(2);
    assertThat(records.get(0).input()).isEqualTo("  a eq \"\t\" ");
    assertThat(records.get(0).line()).isEqualTo(2);
    assertThat(records.get(0).required("message")).isEqualTo("line one\n  line two\uD83D\uDE00");
    assertThat(records.get(1).kind()).isEqualTo("path");
    assertThat(records.get(1).limits())
        .isEqualTo(FilterLimits.builder().maxDepth(2).maxLength(9).build());
  }

  @Test
  void reader_malformedRecords_fail() {
    List<String> broken =
        List.of(
            "filter:    |a pr\n", // no canonical
            "filter:    |a pr\ncanonical: |a pr\nreason:    |x\n", // key of the other file
            "canonical: |a pr\nfilter:    |a pr\n", // input key not first
            "filter:    |a pr\ncanonical: |a pr\ncanonical: |a pr\n", // duplicate
            "filter:    |a pr \ncanonical: |a pr\n", // trailing space
            "filter:    |a pr\ncanonical  |a pr\n", // no colon
            "filter:    |a pr\ncanonical: a pr\n", // no bar
            "           |a pr\n", // continuation outside a record
            "filter:    |a <U+12> pr\ncanonical: |a pr\n", // short escape
            "filter:    |a <U+110000> pr\ncanonical: |a pr\n", // beyond Unicode
            "filter:    |a pr\r\ncanonical: |a pr\r\n", // CRLF
            "attribute: |a\nlimits:    |maxDepth=1\ncanonical: |a\n"); // limits on attribute
    for (String text : broken) {
      assertThatThrownBy(() -> parseRecords("t", text, VALID_KEYS))
          .as("%s", text)
          .isInstanceOf(AssertionError.class);
    }
    assertThatThrownBy(
            () ->
                parseRecords("t", "path:      |a\nlimits:    |depth=1\ncanonical: |a\n", VALID_KEYS)
                    .get(0)
                    .limits())
        .isInstanceOf(AssertionError.class);
  }

  // ---- the golden records ---------------------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> validFilters_formatToTheirCanonicalText() {
    return read(VALID_FILTERS, VALID_KEYS).stream().map(r -> test(r, () -> checkValid(r)));
  }

  @TestFactory
  Stream<DynamicTest> validPaths_formatToTheirCanonicalText() {
    return read(VALID_PATHS, VALID_KEYS).stream().map(r -> test(r, () -> checkValid(r)));
  }

  @TestFactory
  Stream<DynamicTest> invalidInputs_failWithTheirExactError() {
    return read(INVALID, INVALID_KEYS).stream().map(r -> test(r, () -> checkInvalid(r)));
  }

  // ---- checks ------------------------------------------------------------------------------

  private static void checkValid(Golden r) {
    String canonical = r.required("canonical");
    Object parsed = parse(r.kind(), r.input(), r.limits());
    assertThat(format(parsed)).as("canonical text of %s", r.input()).isEqualTo(canonical);
    Object reparsed = parse(r.kind(), canonical, r.limits());
    assertThat(reparsed).as("the canonical text parses to the same AST").isEqualTo(parsed);
    assertThat(reparsed.hashCode()).isEqualTo(parsed.hashCode());
    assertThat(format(reparsed)).as("the canonical text is a fixed point").isEqualTo(canonical);
  }

  private static void checkInvalid(Golden r) {
    FilterParseException e =
        catchThrowableOfType(
            FilterParseException.class, () -> parse(r.kind(), r.input(), r.limits()));
    assertThat(e).as("%s %s must be rejected", r.kind(), r.input()).isNotNull();
    assertThat(e.input()).isEqualTo(r.input());
    assertThat(e.reason()).isEqualTo(r.required("reason"));
    assertThat(e.position()).isEqualTo(parseInt(r, "position"));
    assertThat(e.getMessage()).isEqualTo(r.required("message"));
  }

  private static Object parse(String kind, String input, FilterLimits limits) {
    return switch (kind) {
      case "filter" -> Filters.parse(input, limits);
      case "path" -> Filters.parsePath(input, limits);
      case "attribute" -> {
        assertThat(limits).as("limits of an attribute path").isEqualTo(FilterLimits.defaults());
        yield Filters.parseAttributePath(input);
      }
      default -> throw new AssertionError(kind);
    };
  }

  private static String format(Object parsed) {
    if (parsed instanceof Filter f) {
      return Filters.format(f);
    }
    if (parsed instanceof PatchPath p) {
      return Filters.format(p);
    }
    return Filters.format((AttributePath) parsed);
  }

  private static int parseInt(Golden r, String key) {
    String value = r.required(key);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new AssertionError(r.where() + ": " + key + " is not a number: " + value);
    }
  }

  private static DynamicTest test(Golden r, org.junit.jupiter.api.function.Executable check) {
    String shown = r.input().length() > 80 ? r.input().substring(0, 77) + "..." : r.input();
    return DynamicTest.dynamicTest(r.where() + " " + r.kind() + " " + shown, check);
  }

  // ---- reading ----------------------------------------------------------------------------

  /** The inputs of every golden record, valid and invalid, for tests of other guarantees. */
  static List<String> allInputs() {
    List<String> inputs = new ArrayList<>();
    read(VALID_FILTERS, VALID_KEYS).forEach(r -> inputs.add(r.input()));
    read(VALID_PATHS, VALID_KEYS).forEach(r -> inputs.add(r.input()));
    read(INVALID, INVALID_KEYS).forEach(r -> inputs.add(r.input()));
    return inputs;
  }

  /** The inputs of the valid filters. */
  static List<String> validFilterInputs() {
    return read(VALID_FILTERS, VALID_KEYS).stream().map(Golden::input).toList();
  }

  /** One record: its file and line, the parser it is for, and its other keys. */
  record Golden(String file, int line, String kind, String input, Map<String, String> fields) {

    String where() {
      return file + ":" + line;
    }

    String required(String key) {
      String value = fields.get(key);
      if (value == null) {
        throw new AssertionError(where() + ": the record has no '" + key + "'");
      }
      return value;
    }

    FilterLimits limits() {
      String spec = fields.get("limits");
      if (spec == null) {
        return FilterLimits.defaults();
      }
      FilterLimits.Builder builder = FilterLimits.builder();
      for (String setting : spec.trim().split(" +")) {
        String[] kv = setting.split("=", 2);
        if (kv.length != 2 || !kv[1].matches("[0-9]+")) {
          throw new AssertionError(where() + ": bad limits: " + spec);
        }
        switch (kv[0]) {
          case "maxLength" -> builder.maxLength(Integer.parseInt(kv[1]));
          case "maxDepth" -> builder.maxDepth(Integer.parseInt(kv[1]));
          default -> throw new AssertionError(where() + ": unknown limit " + kv[0]);
        }
      }
      return builder.build();
    }
  }

  private static final Pattern LINE = Pattern.compile("([a-z-]+):( *)\\|(.*)");
  private static final Pattern CONTINUATION = Pattern.compile(" +\\|(.*)");
  private static final Pattern ESCAPE = Pattern.compile("<U\\+([0-9A-Fa-f]{4,6})>");

  /** Reads a golden file; any deviation from the format is an {@link AssertionError}. */
  static List<Golden> read(String file, Set<String> allowedKeys) {
    return parseRecords(file, load(file), allowedKeys);
  }

  static List<Golden> parseRecords(String file, String text, Set<String> allowedKeys) {
    if (text.contains("\r")) {
      fail(file + ": carriage returns in the file; spell them <U+000D>");
    }
    List<String> lines = List.of(text.split("\n", -1));
    List<Golden> records = new ArrayList<>();
    Map<String, String> fields = null;
    String lastKey = null;
    int start = 0;
    for (int i = 0; i <= lines.size(); i++) {
      String line = i < lines.size() ? lines.get(i) : "";
      int number = i + 1;
      if (line.startsWith("#")) {
        continue;
      }
      if (line.endsWith(" ") || line.endsWith("\t")) {
        fail(file + ":" + number + ": ends with whitespace; write it as <U+0020>");
      }
      if (line.isEmpty()) {
        if (fields != null) {
          records.add(toGolden(file, start, fields, allowedKeys));
          fields = null;
        }
        continue;
      }
      Matcher continuation = CONTINUATION.matcher(line);
      if (continuation.matches()) {
        if (fields == null) {
          fail(file + ":" + number + ": a continuation line outside a record");
        }
        fields.merge(lastKey, "\n" + unescape(continuation.group(1), file, number), String::concat);
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        fail(file + ":" + number + ": not 'key: |value': " + line);
      }
      if (fields == null) {
        fields = new LinkedHashMap<>();
        start = number;
        if (!INPUT_KEYS.contains(m.group(1))) {
          fail(file + ":" + number + ": a record must start with filter:, path: or attribute:");
        }
      }
      lastKey = m.group(1);
      if (fields.put(lastKey, unescape(m.group(3), file, number)) != null) {
        fail(file + ":" + number + ": '" + lastKey + "' appears twice in one record");
      }
    }
    return records;
  }

  private static Golden toGolden(
      String file, int line, Map<String, String> fields, Set<String> allowedKeys) {
    var it = fields.entrySet().iterator();
    var first = it.next();
    Map<String, String> rest = new LinkedHashMap<>();
    while (it.hasNext()) {
      var e = it.next();
      if (!allowedKeys.contains(e.getKey())) {
        fail(file + ":" + line + ": key '" + e.getKey() + "' does not belong in " + file);
      }
      rest.put(e.getKey(), e.getValue());
    }
    for (String key : allowedKeys) {
      if (!key.equals("limits") && !rest.containsKey(key)) {
        fail(file + ":" + line + ": the record has no '" + key + "'");
      }
    }
    if (rest.containsKey("limits") && first.getKey().equals("attribute")) {
      fail(file + ":" + line + ": limits do not apply to attribute paths");
    }
    return new Golden(file, line, first.getKey(), first.getValue(), rest);
  }

  private static String unescape(String value, String file, int line) {
    Matcher m = ESCAPE.matcher(value);
    StringBuilder out = new StringBuilder(value.length());
    int from = 0;
    while (true) {
      boolean found = m.find();
      String literal = value.substring(from, found ? m.start() : value.length());
      if (literal.contains("<U+")) {
        fail(file + ":" + line + ": malformed <U+XXXX> escape");
      }
      out.append(literal);
      if (!found) {
        return out.toString();
      }
      int codePoint = Integer.parseInt(m.group(1), 16);
      if (codePoint > Character.MAX_CODE_POINT) {
        fail(file + ":" + line + ": no such code point: " + m.group());
      }
      out.appendCodePoint(codePoint);
      from = m.end();
    }
  }

  private static String load(String file) {
    try (InputStream in = GoldenFileTest.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new AssertionError("golden file missing from the test class path: " + file);
      }
      // Strict decoding: a file saved in another encoding must fail, not turn into U+FFFD.
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(in.readAllBytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError(file + " is not UTF-8", e);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }
}
