package dev.scimkit.benchmarks.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.SearchParameters;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.GroupStore;
import dev.scimkit.core.store.Member;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.Filters;
import dev.scimkit.store.jdbc.JdbcStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The JDBC store's speed figures (issue "Speed"): on a database of 100,000 users, the latency of
 * a {@code userName eq} lookup and of Entra's {@code emails[type eq "work"].value eq} lookup,
 * adding one member to a group of 10 and of 100,000, and users created per second by a bulk
 * import of 10,000 through the engine. A plain harness, not JMH: each figure is the mean, median
 * and 99th percentile of many timed calls after a warm-up. It reports, it never fails.
 *
 * <p>Run from the benchmarks jar:
 *
 * <pre>
 * mvn -B -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.scimkit.benchmarks.jdbc.JdbcStoreBenchmark postgres
 * java -cp benchmarks/target/benchmarks.jar dev.scimkit.benchmarks.jdbc.JdbcStoreBenchmark h2
 * java -cp ... dev.scimkit.benchmarks.jdbc.JdbcStoreBenchmark jdbc:postgresql://host/db user password
 * </pre>
 *
 * <p>{@code postgres} starts an embedded PostgreSQL 14 (its settings are printed with the
 * figures); {@code h2} uses an H2 file database in a temporary folder. Sizes can be lowered with
 * {@code -Dscimkit.bench.users=…}, {@code .import}, {@code .lookups}, {@code .emailLookups},
 * {@code .memberAdds}.
 */
public final class JdbcStoreBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static final int USERS = Integer.getInteger("scimkit.bench.users", 100_000);
  static final int IMPORT = Integer.getInteger("scimkit.bench.import", 10_000);
  static final int LOOKUPS = Integer.getInteger("scimkit.bench.lookups", 2_000);
  static final int EMAIL_LOOKUPS = Integer.getInteger("scimkit.bench.emailLookups", 300);
  static final int MEMBER_ADDS = Integer.getInteger("scimkit.bench.memberAdds", 1_000);

  private JdbcStoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    String target = args.length == 0 ? "h2" : args[0];
    if (target.equals("h2")) {
      runOnH2(System.out);
    } else if (target.equals("postgres")) {
      runOnEmbeddedPostgres(System.out);
    } else {
      try (HikariDataSource ds = pool(target, args.length > 1 ? args[1] : null, args.length > 2 ? args[2] : null)) {
        run("JDBC " + target, ds, System.out);
      }
    }
  }

  /** An H2 file database in a temporary folder, as the standalone server runs it. */
  static void runOnH2(PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("scimkit-bench-h2");
    try (HikariDataSource ds = pool("jdbc:h2:file:" + dir.resolve("scim") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "")) {
      run("H2 " + org.h2.engine.Constants.VERSION + " (file)", ds, out);
    }
  }

  /**
   * A dedicated embedded PostgreSQL. The embedding library turns durability off by default;
   * unless {@code -Dscimkit.bench.durable=false}, it is turned back on as in production (every
   * commit flushed to disk).
   */
  static void runOnEmbeddedPostgres(PrintStream out) throws Exception {
    onEmbeddedPostgres(out, JdbcStoreBenchmark::run);
  }

  /** What a benchmark runs on a database: its label, the pool, where figures go. */
  @FunctionalInterface
  interface Workload {
    void run(String label, DataSource ds, PrintStream out) throws Exception;
  }

  /** Runs {@code workload} on a dedicated embedded PostgreSQL, as {@link #runOnEmbeddedPostgres}. */
  static void onEmbeddedPostgres(PrintStream out, Workload workload) throws Exception {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (Boolean.parseBoolean(System.getProperty("scimkit.bench.durable", "true"))) {
      builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on");
    }
    try (EmbeddedPostgres pg = builder.start();
        HikariDataSource ds = pool(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
      StringBuilder label = new StringBuilder("PostgreSQL ");
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        label.append(c.getMetaData().getDatabaseProductVersion()).append(" (embedded");
        for (String setting : List.of("fsync", "synchronous_commit", "shared_buffers")) {
          try (var rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            label.append(", ").append(setting).append('=').append(rs.getString(1));
          }
        }
      }
      workload.run(label.append(')').toString(), ds, out);
    }
  }

  static HikariDataSource pool(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(8);
    return new HikariDataSource(config);
  }

  static void run(String label, DataSource ds, PrintStream out) throws Exception {
    out.printf(Locale.ROOT, "%n== %s, %d cores ==%n", label, Runtime.getRuntime().availableProcessors());
    JdbcStore store = JdbcStore.builder(ds).build();
    ScimEngine engine = ScimEngine.builder().storeProvider(store).build();
    ResourceStore users = store.storeFor(Schemas.userType());
    GroupStore groups = (GroupStore) store.storeFor(Schemas.groupType());

    // Bulk import through the engine (normalise, validate, store), as POST /Users does.
    importUsers(engine, RequestContext.of("import-1"), IMPORT, 1, out);
    importUsers(engine, RequestContext.of("import-4"), IMPORT, 4, out);

    // 100,000 users straight into the store (setup, timed for information).
    RequestContext bench = RequestContext.of("bench");
    long t = System.nanoTime();
    parallel(4, USERS, i -> users.create(new StoredResource("u" + i, 1, T0, T0, userDocument(i)), bench));
    out.printf(Locale.ROOT, "setup: %,d users stored in %.1f s (store.create, 4 threads)%n", USERS, seconds(t));
    analyze(ds);

    Random random = new Random(1);
    measure(out, "userName eq (store.search)", LOOKUPS, () -> {
      int k = random.nextInt(USERS);
      Filter f = Filters.parse("userName eq \"User" + k + "@Example.com\"");
      expectOne(users.search(SearchRequest.of(f, 100), bench).resources().size());
    });
    measure(out, "userName eq (engine.search, parse+render)", LOOKUPS, () -> {
      int k = random.nextInt(USERS);
      expectOne(engine.search("User", SearchParameters.filter("userName eq \"user" + k + "@example.com\""), bench, "")
          .resources().size());
    });
    measure(out, "emails[type eq \"work\"].value eq (store.search)", EMAIL_LOOKUPS, () -> {
      int k = random.nextInt(USERS);
      Filter f = Filters.parse("emails[type eq \"work\"].value eq \"user" + k + "@work.example.com\"");
      expectOne(users.search(SearchRequest.of(f, 100), bench).resources().size());
    });

    // Membership: one member added to a group of 10 and to a group of 100,000.
    StoredResource small = groups.create(new StoredResource("g-small", 1, T0, T0, groupDocument("Small")), bench);
    StoredResource large = groups.create(new StoredResource("g-large", 1, T0, T0, groupDocument("Large")), bench);
    List<Member> ten = new ArrayList<>();
    List<Member> all = new ArrayList<>(USERS);
    for (int i = 0; i < USERS; i++) {
      all.add(new Member("u" + i, "User"));
      if (i < 10) {
        ten.add(new Member("u" + i, "User"));
      }
    }
    groups.replaceMembers(small.id(), ten, bench);
    t = System.nanoTime();
    groups.replaceMembers(large.id(), all, bench);
    out.printf(Locale.ROOT, "setup: group of %,d members written in %.1f s (one replaceMembers)%n", USERS, seconds(t));
    analyze(ds);
    // the members added below must exist: membership rows reference their resources
    parallel(4, 2 * (MEMBER_ADDS + 100), i -> {
      String id = (i % 2 == 0 ? "extra-s" : "extra-l") + (i / 2 - 100);
      ObjectNode doc = userDocument(USERS + i);
      doc.put("userName", id + "@example.com");
      users.create(new StoredResource(id, 1, T0, T0, doc), bench);
    });
    long[] smallTimes = new long[MEMBER_ADDS];
    long[] largeTimes = new long[MEMBER_ADDS];
    for (int i = -100; i < MEMBER_ADDS; i++) { // 100 warm-up rounds, alternating to cancel drift
      long a = System.nanoTime();
      groups.addMembers(small.id(), List.of(new Member("extra-s" + i, "User")), bench);
      long b = System.nanoTime();
      groups.addMembers(large.id(), List.of(new Member("extra-l" + i, "User")), bench);
      long c = System.nanoTime();
      if (i >= 0) {
        smallTimes[i] = b - a;
        largeTimes[i] = c - b;
      }
    }
    report(out, "add 1 member, group of 10", smallTimes);
    report(out, "add 1 member, group of " + String.format(Locale.ROOT, "%,d", USERS), largeTimes);
    out.printf(Locale.ROOT, "  ratio large/small: mean %.2fx, median %.2fx%n",
        mean(largeTimes) / mean(smallTimes), (double) percentile(largeTimes, 50) / percentile(smallTimes, 50));
  }

  private static void importUsers(ScimEngine engine, RequestContext tenant, int count, int threads, PrintStream out)
      throws Exception {
    long t = System.nanoTime();
    parallel(threads, count, i -> engine.create("User", userBody(i), tenant, ResponseOptions.defaults()));
    double s = seconds(t);
    out.printf(Locale.ROOT, "bulk import of %,d users via engine.create, %d thread%s: %.1f s = %,.0f users/s%n",
        count, threads, threads == 1 ? "" : "s", s, count / s);
  }

  static ObjectNode userDocument(int i) {
    ObjectNode u = JSON.createObjectNode();
    u.putArray("schemas").add(Schemas.USER).add(Schemas.ENTERPRISE_USER);
    u.put("userName", "user" + i + "@example.com");
    u.put("externalId", "ext-" + i);
    u.putObject("name").put("givenName", "Given" + i).put("familyName", "Family" + (i % 977));
    u.put("displayName", "Given" + i + " Family" + (i % 977));
    u.put("active", true);
    var emails = u.putArray("emails");
    emails.addObject().put("type", "work").put("value", "user" + i + "@work.example.com").put("primary", true);
    emails.addObject().put("type", "home").put("value", "user" + i + "@home.example.org");
    u.putObject(Schemas.ENTERPRISE_USER).put("employeeNumber", String.valueOf(100000 + i)).put("department", "D" + (i % 50));
    return u;
  }

  private static ObjectNode userBody(int i) {
    return userDocument(i);
  }

  private static ObjectNode groupDocument(String name) {
    ObjectNode g = JSON.createObjectNode();
    g.putArray("schemas").add(Schemas.GROUP);
    g.put("displayName", name);
    return g;
  }

  static void analyze(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("ANALYZE"); // as autovacuum would after a load
    }
  }

  static void expectOne(int n) {
    if (n != 1) {
      throw new IllegalStateException("expected one result, got " + n);
    }
  }

  @FunctionalInterface
  interface Task {
    void run(int i) throws Exception;
  }

  static void parallel(int threads, int count, Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < count; ) {
            task.run(i);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @FunctionalInterface
  interface Call {
    void run() throws Exception;
  }

  static void measure(PrintStream out, String name, int n, Call call) throws Exception {
    for (int i = 0; i < Math.max(20, n / 10); i++) {
      call.run();
    }
    long[] times = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      call.run();
      times[i] = System.nanoTime() - t;
    }
    report(out, name, times);
  }

  static void report(PrintStream out, String name, long[] nanos) {
    out.printf(Locale.ROOT, "%-52s n=%5d  mean %8.3f ms  median %8.3f ms  p99 %8.3f ms%n",
        name, nanos.length, mean(nanos) / 1e6, percentile(nanos, 50) / 1e6, percentile(nanos, 99) / 1e6);
  }

  static double mean(long[] nanos) {
    return Arrays.stream(nanos).average().orElse(0);
  }

  static long percentile(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
