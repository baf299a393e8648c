package dev.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.SearchParameters;
import dev.scimkit.core.auth.TokenStore;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.GroupStore;
import dev.scimkit.core.store.Member;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.Filters;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A database that cannot be reached answers 503, never 500, and never leaks its message; service
 * resumes by itself when it comes back.
 */
class UnavailableDatabaseTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final RequestContext ACME = RequestContext.of("acme");

  /** A DataSource in front of a real one that can be switched off, like a database outage. */
  static final class Switchable implements DataSource {
    final DataSource delegate;
    final AtomicBoolean up = new AtomicBoolean(true);
    final AtomicBoolean breakOpenConnections = new AtomicBoolean(false);

    Switchable(DataSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (!up.get()) {
        throw new SQLTransientConnectionException("Connection is not available, request timed out after 30000ms.");
      }
      Connection real = delegate.getConnection();
      if (!breakOpenConnections.get()) {
        return real;
      }
      // A connection handed out just before the database went away: every call fails with 08006.
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            if (method.getName().equals("close")) {
              real.close();
              return null;
            }
            if (method.getName().equals("getAutoCommit") || method.getName().equals("setAutoCommit")
                || method.getName().equals("rollback")) {
              return method.invoke(real, args);
            }
            throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
          });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }

  private static void assert503(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(ScimException.class)
        .satisfies(e -> {
          assertThat(((ScimException) e).status()).isEqualTo(503);
          assertThat(e.getMessage()).doesNotContain("backend").doesNotContain("30000ms");
        });
  }

  private static StoredResource user(String id, String userName) {
    var doc = new ObjectMapper().createObjectNode();
    doc.putArray("schemas").add(Schemas.USER);
    doc.put("userName", userName);
    return new StoredResource(id, 1, T0, T0, doc);
  }

  @Test
  void build_onAnUnreachableDatabase_is503() {
    Switchable ds = new Switchable(TestDatabases.h2(2));
    ds.up.set(false);
    assert503(() -> JdbcStore.builder(ds).build());
  }

  @Test
  void everyOperation_whileTheDatabaseIsDown_is503_andServiceResumesWhenItIsBack() {
    try (HikariDataSource h2 = TestDatabases.h2(4)) {
      Switchable ds = new Switchable(h2);
      JdbcStore store = JdbcStore.builder(ds).build();
      ResourceStore users = store.storeFor(Schemas.userType());
      GroupStore groups = (GroupStore) store.storeFor(Schemas.groupType());
      TokenStore tokens = store.tokenStore();
      users.create(user("u1", "bjensen"), ACME);

      for (AtomicBoolean failure : List.of(ds.up, ds.breakOpenConnections)) {
        boolean down = failure == ds.up ? false : true;
        failure.set(down);
        assert503(() -> users.get("u1", ACME));
        assert503(() -> users.create(user("u2", "jsmith"), ACME));
        assert503(() -> users.replace(user("u1", "b2"), 1, ACME));
        assert503(() -> users.delete("u1", 1, ACME));
        assert503(() -> users.search(SearchRequest.of(Filters.parse("userName eq \"bjensen\""), 10), ACME));
        assert503(() -> groups.addMembers("g1", List.of(new Member("u1", "User")), ACME));
        assert503(() -> groups.members("g1", ACME));
        assert503(() -> groups.groupsOf("u1", ACME));
        assert503(() -> tokens.findByHash("h"));
        failure.set(!down);
        assertThat(users.get("u1", ACME)).isPresent();
      }
    }
  }

  @Test
  void engine_answers503_whileTheDatabaseIsDown() throws Exception {
    try (HikariDataSource h2 = TestDatabases.h2(4)) {
      Switchable ds = new Switchable(h2);
      ScimEngine engine = ScimEngine.builder().storeProvider(JdbcStore.builder(ds).build()).build();
      var body = new ObjectMapper().readTree("{\"schemas\":[\"" + Schemas.USER + "\"],\"userName\":\"bjensen\"}");
      String id = engine.create("User", body, ACME, ResponseOptions.defaults()).id();
      ds.up.set(false);
      assert503(() -> engine.get("User", id, ACME, ResponseOptions.defaults()));
      assert503(() -> engine.search("User", SearchParameters.filter("userName eq \"bjensen\""), ACME, ""));
      ds.up.set(true);
      assertThat(engine.search("User", SearchParameters.filter("userName eq \"BJENSEN\""), ACME, "").totalResults())
          .isEqualTo(1);
    }
  }

  @Test
  @Timeout(120)
  void postgres_stoppedAndStartedAgain_503sMeanwhile_thenServesTheSameData() throws Exception {
    Path data = Files.createTempDirectory("scimkit-pg-restart");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    EmbeddedPostgres pg = start(data, port);
    try (HikariDataSource ds = TestDatabases.pool(pg.getJdbcUrl("postgres", "postgres"), 4)) {
      ds.setConnectionTimeout(1_000);
      JdbcStore store = JdbcStore.builder(ds).build();
      ResourceStore users = store.storeFor(Schemas.userType());
      users.create(user("u1", "bjensen"), ACME);

      pg.close();
      assert503(() -> users.get("u1", ACME));
      assert503(() -> users.search(SearchRequest.of(null, 10), ACME));
      assert503(() -> users.create(user("u2", "jsmith"), ACME));

      pg = start(data, port);
      StoredResource back = null;
      for (int attempt = 0; attempt < 50 && back == null; attempt++) {
        try {
          back = users.get("u1", ACME).orElseThrow();
        } catch (ScimException e) {
          assertThat(e.status()).isEqualTo(503);
          Thread.sleep(100);
        }
      }
      assertThat(back).isNotNull();
      assertThat(back.document().get("userName").asText()).isEqualTo("bjensen");
      users.create(user("u2", "jsmith"), ACME);
      assertThat(users.search(SearchRequest.of(null, 10), ACME).totalResults()).isEqualTo(2);
    } finally {
      pg.close();
    }
  }

  private static EmbeddedPostgres start(Path data, int port) throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("fsync", "off")
        .start();
  }
}
