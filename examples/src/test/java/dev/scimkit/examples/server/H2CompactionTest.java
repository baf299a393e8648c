package dev.scimkit.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.SearchParameters;
import dev.scimkit.store.jdbc.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 file under the server's settings ({@code WRITE_DELAY=0}): without compaction its chunks
 * stay a few percent full and the file grows with every write; with it, the space of rewritten
 * chunks is reused and every resource is still there.
 */
@Timeout(120)
class H2CompactionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RequestContext CTX = RequestContext.defaultTenant();

  @Test
  void rewritesEmptiedChunks_reusesTheirSpace_andLosesNothing(@TempDir Path data) throws Exception {
    // H2 keeps a chunk 45 s after its last use before reusing its space; not in a test
    try (HikariDataSource db = open(data, ServerStores.H2_SETTINGS + ";RETENTION_TIME=0");
        H2Compaction compaction = H2Compaction.start(db, Duration.ofHours(1))) {
      ScimEngine engine = ScimEngine.builder().storeProvider(JdbcStore.builder(db).build()).build();
      Path file = data.resolve("scimkit.mv.db");

      List<String> ids = createUsers(engine, 0, 1_500);
      long grownByFirst = Files.size(file);
      int chunks = setting(db, "info.CHUNK_COUNT");
      assertThat(setting(db, "info.CHUNKS_FILL_RATE"))
          .as("chunks left mostly empty by later commits")
          .isLessThan(15);
      assertThat(setting(db, "info.FILL_RATE")).as("no free space in the file").isGreaterThan(90);

      int runs = 0;
      while (compaction.runOnce() && runs < 100) {
        runs++;
      }
      assertThat(runs).as("runs that rewrote chunks").isPositive();
      engine.create("User", user(-1), CTX, ResponseOptions.defaults()); // a commit frees them
      assertThat(setting(db, "info.CHUNK_COUNT")).as("chunks after compaction, of %,d", chunks).isLessThan(chunks / 4);
      assertThat(setting(db, "info.FILL_RATE")).as("free space in the file").isLessThan(50);

      ids.addAll(createUsers(engine, 1_500, 1_500));
      long grownBySecond = Files.size(file) - grownByFirst;
      assertThat(grownBySecond)
          .as("the second 1,500 users grew the file by %,d bytes, the first by %,d", grownBySecond, grownByFirst)
          .isLessThan(grownByFirst / 2);

      for (String id : ids) {
        assertThat(engine.get("User", id, CTX, ResponseOptions.defaults()).id()).isEqualTo(id);
      }
      assertThat(engine.search("User", SearchParameters.filter("userName sw \"user\""), CTX, "").totalResults())
          .isEqualTo(3_001);
    }
  }

  @Test
  void doesNothing_onAnInMemoryDatabase() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:compaction;DB_CLOSE_DELAY=-1");
    try (HikariDataSource db = new HikariDataSource(config);
        H2Compaction compaction = H2Compaction.start(db, Duration.ofHours(1))) {
      assertThat(compaction.runOnce()).isFalse();
    }
  }

  private static List<String> createUsers(ScimEngine engine, int from, int count) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      ids.add(engine.create("User", user(i), CTX, ResponseOptions.defaults()).id());
    }
    return ids;
  }

  private static JsonNode user(int i) throws Exception {
    return JSON.readTree(
        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"user" + i
            + "@example.com\",\"displayName\":\"User " + i + "\",\"emails\":[{\"type\":\"work\","
            + "\"value\":\"user" + i + "@example.com\",\"primary\":true}]}");
  }

  private static HikariDataSource open(Path folder, String settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:file:" + folder.resolve("scimkit") + settings);
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  private static int setting(HikariDataSource db, String name) throws SQLException {
    try (Connection c = db.getConnection();
        var ps = c.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return Integer.parseInt(rs.getString(1));
      }
    }
  }
}
