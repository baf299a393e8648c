package dev.scimkit.benchmarks.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.Filters;
import dev.scimkit.store.jdbc.JdbcStore;
import dev.scimkit.store.jdbc.UserTable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * What users in a host's own table cost ({@code JdbcStore.Builder.userTable}): on a five-column
 * {@code users} table into which the host inserted 100,000 rows itself, the first read that
 * adopts them all, a {@code userName eq} lookup (the column folded in SQL, so the table's rows
 * are read), a read by id, and a create (whose {@code userName} is checked against the table).
 * A plain harness like {@link JdbcStoreBenchmark}, whose figures for Scimkit's own user table are
 * the comparison. It reports, it never fails.
 *
 * <pre>
 * mvn -B -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.scimkit.benchmarks.jdbc.UserTableBenchmark postgres
 * java -cp benchmarks/target/benchmarks.jar dev.scimkit.benchmarks.jdbc.UserTableBenchmark h2
 * </pre>
 *
 * <p>Sizes: {@code -Dscimkit.bench.users=…}, {@code .lookups}, {@code .creates}.
 */
public final class UserTableBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final int USERS = Integer.getInteger("scimkit.bench.users", 100_000);
  private static final int LOOKUPS = Integer.getInteger("scimkit.bench.lookups", 200);
  private static final int CREATES = Integer.getInteger("scimkit.bench.creates", 200);

  private UserTableBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("postgres")) {
      try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on").start();
          HikariDataSource ds = JdbcStoreBenchmark.pool(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
        run("PostgreSQL (embedded, fsync on)", ds, System.out);
      }
    } else {
      Path dir = Files.createTempDirectory("scimkit-bench-h2");
      try (HikariDataSource ds =
          JdbcStoreBenchmark.pool("jdbc:h2:file:" + dir.resolve("app") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "")) {
        run("H2 " + org.h2.engine.Constants.VERSION + " (file)", ds, System.out);
      }
    }
  }

  static void run(String label, DataSource ds, PrintStream out) throws Exception {
    out.printf(Locale.ROOT, "%n== users in a host's table, %s, %d cores ==%n", label, Runtime.getRuntime().availableProcessors());
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id VARCHAR(64) PRIMARY KEY, email VARCHAR(320) NOT NULL,"
          + " first_name VARCHAR(100), last_name VARCHAR(100), active BOOLEAN)");
    }
    long t = System.nanoTime();
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO users VALUES (?, ?, ?, ?, TRUE)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < USERS; i++) {
        ps.setString(1, "h" + i);
        ps.setString(2, "user" + i + "@example.com");
        ps.setString(3, "Given" + i);
        ps.setString(4, "Family" + (i % 977));
        ps.addBatch();
        if (i % 1000 == 999) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
      c.commit();
    }
    out.printf(Locale.ROOT, "setup: %,d rows inserted by the host in %.1f s%n", USERS, JdbcStoreBenchmark.seconds(t));
    JdbcStore store = JdbcStore.builder(ds).userTable(UserTable.named("users").id("id")
        .column("userName", "email").column("name.givenName", "first_name")
        .column("name.familyName", "last_name").column("active", "active").tenant("acme").build()).build();
    ResourceStore users = store.storeFor(Schemas.userType());
    RequestContext acme = RequestContext.of("acme");

    t = System.nanoTime();
    int total = users.search(SearchRequest.of(null, 1), acme).totalResults();
    out.printf(Locale.ROOT, "first read of all %,d rows (adopts every one): %.1f s%n", total, JdbcStoreBenchmark.seconds(t));
    JdbcStoreBenchmark.analyze(ds);

    Random random = new Random(1);
    JdbcStoreBenchmark.measure(out, "userName eq (store.search)", LOOKUPS, () -> JdbcStoreBenchmark.expectOne(
        users.search(SearchRequest.of(Filters.parse("userName eq \"User" + random.nextInt(USERS) + "@Example.com\""), 100), acme)
            .resources().size()));
    JdbcStoreBenchmark.measure(out, "get by id (store.get)", LOOKUPS,
        () -> users.get("h" + random.nextInt(USERS), acme).orElseThrow());
    AtomicInteger next = new AtomicInteger();
    JdbcStoreBenchmark.measure(out, "create (store.create)", CREATES,
        () -> users.create(new StoredResource("n" + next.get(), 1, T0, T0, user(next.getAndIncrement())), acme));
  }

  private static ObjectNode user(int i) {
    ObjectNode u = JSON.createObjectNode();
    u.putArray("schemas").add(Schemas.USER);
    u.put("userName", "new" + i + "@example.com");
    u.putObject("name").put("givenName", "New").put("familyName", "User" + i);
    u.put("active", true);
    return u;
  }
}
