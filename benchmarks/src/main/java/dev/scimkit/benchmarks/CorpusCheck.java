package dev.scimkit.benchmarks;

/**
 * Prints what each library makes of each corpus entry, or its error. Run it from the benchmark
 * jar:
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.scimkit.benchmarks.CorpusCheck</pre>
 */
public final class CorpusCheck {
  private CorpusCheck() {}

  public static void main(String[] args) {
    for (Corpus entry : Corpus.values()) {
      System.out.println(entry + " (" + entry.kind().name().toLowerCase() + "): " + entry.text());
      for (Library library : Library.values()) {
        String shown;
        try {
          shown = library.render(library.parse(entry));
        } catch (Exception e) {
          shown = "FAILS: " + e;
        }
        System.out.printf("  %-9s %s%n", library, shown);
      }
    }
  }
}
