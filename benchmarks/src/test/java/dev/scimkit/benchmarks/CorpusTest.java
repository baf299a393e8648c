package dev.scimkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The benchmark compares like with like only if every library really parses every corpus entry:
 * no exception, and a result that reads back as the input. Runs in the normal build; it does not
 * run any benchmark.
 */
class CorpusTest {

  @ParameterizedTest
  @EnumSource(Corpus.class)
  void scimkitParsesAndFormatsBackToTheInput(Corpus entry) throws Exception {
    assertEquals(entry.text(), Library.SCIMKIT.render(Library.SCIMKIT.parse(entry)));
  }

  @ParameterizedTest
  @EnumSource(Corpus.class)
  void scimpleParses(Corpus entry) throws Exception {
    Object parsed = Library.SCIMPLE.parse(entry);
    assertNotNull(parsed);
    if (entry.kind() == Corpus.Kind.PATH) {
      // SCIMple prints operators in upper case; otherwise the path reads back unchanged.
      assertEquals(entry.text().toLowerCase(), Library.SCIMPLE.render(parsed).toLowerCase());
    }
  }

  @ParameterizedTest
  @EnumSource(Corpus.class)
  void unboundidParses(Corpus entry) throws Exception {
    Object parsed = Library.UNBOUNDID.parse(entry);
    assertNotNull(parsed);
    if (entry.kind() == Corpus.Kind.PATH) {
      assertEquals(entry.text(), Library.UNBOUNDID.render(parsed));
    }
  }
}
