package dev.scimkit.benchmarks;

import dev.scimkit.filter.Filters;
import java.util.concurrent.TimeUnit;
import org.apache.directory.scim.spec.patch.PatchOperationPath;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Filter and PATCH path parse throughput of Scimkit, Apache SCIMple 1.0.0-M1 and the UnboundID /
 * Ping SCIM 2 SDK 6.0.0, side by side in one run, over the fixed {@link Corpus}. Each
 * benchmark method parses the entry named by {@link #entry} with one library's public entry
 * point (see {@link Library}); filter entries go to the filter parser, PATCH path entries to the
 * path parser. Before measuring, the setup checks that all three libraries parse the entry, so no
 * figure is ever the cost of throwing an exception.
 *
 * <p>Build and run (from the repository root; the run takes about 6 minutes: 21 forks of 10 s
 * warm-up and 5 s measurement):
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar FilterParse -rf json -rff filter-parse.json
 * </pre>
 *
 * <p>{@code -p entry=PATCH_MEMBER} runs one entry, {@code FilterParseBenchmark.scimkit} one
 * library, {@code -prof gc} adds allocation per operation. The warm-up is long because on 2 cores
 * the JIT compilers compete with the benchmark thread: with 3 s, some forks were still compiling.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class FilterParseBenchmark {

  @Param({
    "SIMPLE",
    "LONG_LOGIC",
    "VALUE_PATH",
    "TWO_VALUE_PATHS",
    "PATCH_MEMBER",
    "PATCH_SUB_ATTRIBUTE",
    "PATCH_URN"
  })
  public Corpus entry;

  private String text;
  private boolean path;

  @Setup
  public void setUp() throws Exception {
    text = entry.text();
    path = entry.kind() == Corpus.Kind.PATH;
    for (Library library : Library.values()) {
      if (library.parse(entry) == null) {
        throw new IllegalStateException(library + " returned null for " + entry);
      }
    }
  }

  @Benchmark
  public void scimkit(Blackhole bh) {
    bh.consume(path ? Filters.parsePath(text) : Filters.parse(text));
  }

  @Benchmark
  public void scimple(Blackhole bh) throws Exception {
    bh.consume(
        path
            ? PatchOperationPath.fromString(text)
            : new org.apache.directory.scim.spec.filter.Filter(text));
  }

  @Benchmark
  public void unboundid(Blackhole bh) throws Exception {
    bh.consume(
        path
            ? com.unboundid.scim2.common.Path.fromString(text)
            : com.unboundid.scim2.common.filters.Filter.fromString(text));
  }
}
