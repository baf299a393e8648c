package dev.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.Keyset;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.StoredResource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Keyset pages are pushed into SQL: a seek on the index of {@code seq} with a {@code LIMIT}, never
 * an {@code OFFSET}, never a count; checked on the statement the store really sends and on the
 * plan each database makes of it.
 */
class KeysetSqlTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final RequestContext ACME = RequestContext.of("acme");

  @Test
  void keysetPage_onPostgres_isAnIndexSeekWithALimit() throws Exception {
    try (HikariDataSource ds = TestDatabases.postgres(4)) {
      String plan = planOfADeepKeysetPage(ds, "EXPLAIN ");
      assertThat(plan).contains("Index Scan using scim_resource_seq").contains("Limit");
      assertThat(plan).doesNotContain("Sort").doesNotContain("Seq Scan");
    }
  }

  @Test
  void keysetPage_onH2_usesTheIndexOfSeq() throws Exception {
    try (HikariDataSource ds = TestDatabases.h2(4)) {
      String plan = planOfADeepKeysetPage(ds, "EXPLAIN ");
      assertThat(plan.toUpperCase(java.util.Locale.ROOT)).contains("SCIM_RESOURCE_SEQ");
    }
  }

  /**
   * Fills a tenant, walks to a page deep into it while recording the statements the store
   * prepares, checks the keyset statement's text and returns the database's plan of it, with the
   * same parameters.
   */
  private static String planOfADeepKeysetPage(HikariDataSource ds, String explain) throws Exception {
    List<Recorded> recorded = new ArrayList<>();
    ResourceStore users = JdbcStore.builder(recording(ds, recorded)).build().storeFor(Schemas.userType());
    for (int i = 0; i < 2_000; i++) {
      users.create(new StoredResource("u" + i, 1, T0, T0, user(i)), ACME);
    }
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
    SearchResult first = users.search(SearchRequest.page(null, Keyset.first(), 1_500), ACME);
    recorded.clear();
    SearchResult deep = users.search(
        SearchRequest.page(null, Keyset.after(first.positions().get(1_499)), 6), ACME);
    assertThat(deep.resources()).extracting(StoredResource::id).containsExactly("u1500", "u1501", "u1502", "u1503", "u1504", "u1505");

    Recorded page = recorded.stream().filter(r -> r.sql().contains("r.seq >")).findFirst().orElseThrow();
    assertThat(page.sql()).contains("ORDER BY r.seq LIMIT ?").doesNotContain("OFFSET").doesNotContain("COUNT(");
    assertThat(recorded).noneMatch(r -> r.sql().contains("COUNT(") || r.sql().contains("OFFSET"));
    StringBuilder plan = new StringBuilder();
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(explain + page.sql())) {
      for (Map.Entry<Integer, Object> p : page.parameters().entrySet()) {
        ps.setObject(p.getKey(), p.getValue());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }

  private static ObjectNode user(int i) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.putArray("schemas").add(Schemas.USER);
    doc.put("userName", "user" + i + "@example.com");
    return doc;
  }

  /** A statement as the store prepared it, with the parameters it bound. */
  private record Recorded(String sql, Map<Integer, Object> parameters) {}

  /** A DataSource that records every statement prepared through it. */
  private static DataSource recording(DataSource ds, List<Recorded> recorded) {
    return (DataSource) Proxy.newProxyInstance(
        KeysetSqlTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          Object result = invoke(ds, method, args);
          return result instanceof Connection c ? connection(c, recorded) : result;
        });
  }

  private static Connection connection(Connection c, List<Recorded> recorded) {
    return (Connection) Proxy.newProxyInstance(
        KeysetSqlTest.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          Object result = invoke(c, method, args);
          if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")) {
            Recorded r = new Recorded((String) args[0], new TreeMap<>());
            recorded.add(r);
            return statement(ps, r);
          }
          return result;
        });
  }

  private static PreparedStatement statement(PreparedStatement ps, Recorded r) {
    return (PreparedStatement) Proxy.newProxyInstance(
        KeysetSqlTest.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
          if (method.getName().startsWith("set") && args != null && args.length == 2 && args[0] instanceof Integer i) {
            r.parameters().put(i, args[1]);
          }
          return invoke(ps, method, args);
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
