package dev.scimkit.benchmarks.jdbc;

import dev.scimkit.core.ListResponse;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.SearchParameters;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.Keyset;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.SortOrder;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.core.store.TransactionMode;
import dev.scimkit.store.jdbc.JdbcStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What a page costs at the start and at the end of a walk through 1,000,000 users on PostgreSQL,
 * paged by cursor (RFC 9865, keyset in SQL) and by index ({@code startIndex}/{@code count}):
 * page 1 against page 10,000 at {@code count=100}. A plain harness, not JMH: the users are loaded
 * through the store (units of work of 1,000 creates), the whole walk is made once by cursor
 * through the engine (checking that it returns every user once), then the first and last pages
 * are timed alternately, many times, and reported as median, 10th to 90th percentile and
 * extremes. It reports, it never fails.
 *
 * <p>Run from the benchmarks jar (about 10 minutes on two busy cores, most of it loading):
 *
 * <pre>
 * mvn -B -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.scimkit.benchmarks.jdbc.CursorPagingBenchmark
 * </pre>
 *
 * <p>It starts an embedded PostgreSQL 14 like {@link JdbcStoreBenchmark} (durable unless {@code
 * -Dscimkit.bench.durable=false}). {@code -Dscimkit.bench.users=…} and {@code .pageSize}, {@code
 * .cursorRepeats}, {@code .indexRepeats} change the sizes.
 */
public final class CursorPagingBenchmark {
  static final int USERS = Integer.getInteger("scimkit.bench.users", 1_000_000);
  static final int PAGE = Integer.getInteger("scimkit.bench.pageSize", 100);
  static final int CURSOR_REPEATS = Integer.getInteger("scimkit.bench.cursorRepeats", 200);
  static final int INDEX_REPEATS = Integer.getInteger("scimkit.bench.indexRepeats", 15);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private CursorPagingBenchmark() {}

  public static void main(String[] args) throws Exception {
    JdbcStoreBenchmark.onEmbeddedPostgres(System.out, CursorPagingBenchmark::run);
  }

  static void run(String label, DataSource ds, PrintStream out) throws Exception {
    out.printf(Locale.ROOT, "%n== %s, %d cores, %,d users, pages of %d ==%n",
        label, Runtime.getRuntime().availableProcessors(), USERS, PAGE);
    load(out, "at start");
    JdbcStore store = JdbcStore.builder(ds).build();
    ScimEngine engine = ScimEngine.builder().storeProvider(store).cursorTimeout(Duration.ofDays(1)).build();
    ResourceStore users = store.storeFor(Schemas.userType());
    RequestContext bench = RequestContext.of("bench");

    long t = System.nanoTime();
    int batch = 1_000;
    JdbcStoreBenchmark.parallel(4, USERS / batch, b -> store.transaction(bench, TransactionMode.READ_WRITE, () -> {
      for (int i = b * batch; i < (b + 1) * batch; i++) {
        users.create(new StoredResource("u" + i, 1, T0, T0, JdbcStoreBenchmark.userDocument(i)), bench);
      }
      return null;
    }));
    out.printf(Locale.ROOT, "setup: %,d users stored in %.0f s (store.create, units of %,d, 4 threads)%n",
        USERS, JdbcStoreBenchmark.seconds(t), batch);
    try (var c = ds.getConnection(); var s = c.createStatement()) {
      s.execute("VACUUM ANALYZE"); // as autovacuum would after a load
    }

    // The whole walk by cursor through the engine, once: every user exactly once.
    int lastPage = (USERS + PAGE - 1) / PAGE;
    String secondCursor = null;
    String lastCursor = null;
    Set<String> seen = new HashSet<>(USERS * 2);
    String cursor = "";
    int pages = 0;
    t = System.nanoTime();
    while (cursor != null) {
      ListResponse page = engine.search("User", cursorPage(cursor), bench, "");
      pages++;
      page.resources().forEach(r -> seen.add(r.get("id").asText()));
      if (pages == 1) {
        secondCursor = page.nextCursor();
      }
      if (pages == lastPage - 1) {
        lastCursor = page.nextCursor();
      }
      cursor = page.nextCursor();
    }
    double walk = JdbcStoreBenchmark.seconds(t);
    out.printf(Locale.ROOT, "walk by cursor through the engine: %,d pages, %,d distinct users of %,d, in %.1f s (%.2f ms a page)%n",
        pages, seen.size(), USERS, walk, walk * 1000 / pages);
    seen.clear();

    // Store positions of the first and last pages, from a walk through the store.
    Keyset lastKeyset = Keyset.first();
    Keyset keyset = Keyset.first();
    for (int p = 1; p < lastPage; p++) {
      SearchResult r = users.search(SearchRequest.page(null, keyset, PAGE), bench);
      keyset = Keyset.after(r.positions().get(r.positions().size() - 1));
      if (p == lastPage - 1) {
        lastKeyset = keyset;
      }
    }
    Keyset endOfWalk = lastKeyset;

    out.printf(Locale.ROOT, "%nstore.search, page 1 against page %,d (alternating; median, p10-p90, min-max):%n", lastPage);
    compare(out, "keyset (cursor paging)", CURSOR_REPEATS,
        () -> expect(users.search(SearchRequest.page(null, Keyset.first(), PAGE), bench).resources().size()),
        () -> expectAny(users.search(SearchRequest.page(null, endOfWalk, PAGE), bench).resources().size()));
    int lastStart = (lastPage - 1) * PAGE + 1;
    compare(out, "index (startIndex, count)", INDEX_REPEATS,
        () -> expect(users.search(new SearchRequest(null, null, SortOrder.ASCENDING, 1, PAGE), bench).resources().size()),
        () -> expectAny(users.search(new SearchRequest(null, null, SortOrder.ASCENDING, lastStart, PAGE), bench).resources().size()));

    // What OFFSET alone costs, without the count every index page of the store also makes: the
    // store's ORDER BY, in plain SQL (for comparison only; no store path sends exactly this).
    String offsetSql = "SELECT r.id, r.version, r.created_ns, r.modified_ns, r.document FROM scim_resource r"
        + " WHERE r.tenant = 'bench' AND r.resource_type = 'User' ORDER BY r.seq LIMIT " + PAGE + " OFFSET ";
    compare(out, "plain SQL OFFSET, no count (reference)", INDEX_REPEATS,
        () -> expect(rows(ds, offsetSql + 0)),
        () -> expectAny(rows(ds, offsetSql + (lastStart - 1))));

    String second = secondCursor;
    String last = lastCursor;
    out.printf(Locale.ROOT, "%nengine.search (parse, unit of work, render), start against page %,d:%n", lastPage);
    compare(out, "cursor: page 2 (a seek)", CURSOR_REPEATS,
        () -> expect(engine.search("User", cursorPage(second), bench, "").itemsPerPage()),
        () -> expectAny(engine.search("User", cursorPage(last), bench, "").itemsPerPage()));
    compare(out, "cursor: page 1 (counts totalResults once)", INDEX_REPEATS,
        () -> expect(engine.search("User", cursorPage(""), bench, "").itemsPerPage()),
        () -> expectAny(engine.search("User", cursorPage(last), bench, "").itemsPerPage()));
    compare(out, "index: page 1", INDEX_REPEATS,
        () -> expect(engine.search("User", indexPage(1), bench, "").itemsPerPage()),
        () -> expectAny(engine.search("User", indexPage(lastStart), bench, "").itemsPerPage()));
    load(out, "at end");
  }

  private static int rows(DataSource ds, String sql) throws Exception {
    int n = 0;
    try (var c = ds.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rs.getString(5);
        n++;
      }
    }
    return n;
  }

  private static SearchParameters cursorPage(String cursor) {
    return new SearchParameters(null, null, null, null, Integer.toString(PAGE), null, null, cursor);
  }

  private static SearchParameters indexPage(int startIndex) {
    return new SearchParameters(null, null, null, Integer.toString(startIndex), Integer.toString(PAGE), null, null);
  }

  /** Times {@code start} and {@code end} alternately (after a warm-up), so drift hits both alike. */
  private static void compare(PrintStream out, String name, int repeats, JdbcStoreBenchmark.Call start,
      JdbcStoreBenchmark.Call end) throws Exception {
    for (int i = 0; i < Math.max(3, repeats / 10); i++) {
      start.run();
      end.run();
    }
    long[] first = new long[repeats];
    long[] last = new long[repeats];
    for (int i = 0; i < repeats; i++) {
      long a = System.nanoTime();
      start.run();
      long b = System.nanoTime();
      end.run();
      long c = System.nanoTime();
      first[i] = b - a;
      last[i] = c - b;
    }
    out.printf(Locale.ROOT, "  %-42s n=%3d  start %s%n", name, repeats, spread(first));
    out.printf(Locale.ROOT, "  %-42s        end   %s   end/start (medians) %.2fx%n", "", spread(last),
        (double) JdbcStoreBenchmark.percentile(last, 50) / JdbcStoreBenchmark.percentile(first, 50));
  }

  private static String spread(long[] nanos) {
    long[] sorted = nanos.clone();
    java.util.Arrays.sort(sorted);
    return String.format(Locale.ROOT, "median %8.2f ms  p10-p90 %8.2f-%8.2f ms  min-max %8.2f-%8.2f ms",
        JdbcStoreBenchmark.percentile(nanos, 50) / 1e6, JdbcStoreBenchmark.percentile(nanos, 10) / 1e6,
        JdbcStoreBenchmark.percentile(nanos, 90) / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
  }

  private static void expect(int n) {
    if (n != PAGE) {
      throw new IllegalStateException("expected a full page, got " + n);
    }
  }

  private static void expectAny(int n) {
    if (n < 1) {
      throw new IllegalStateException("expected a page, got none");
    }
  }

  /** The machine's load, which the figures depend on: it is shared with other builds. */
  private static void load(PrintStream out, String when) throws Exception {
    out.printf(Locale.ROOT, "load average %s: %s%n", when, Files.readString(Path.of("/proc/loadavg")).trim());
  }
}
