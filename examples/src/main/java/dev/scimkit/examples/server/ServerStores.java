package dev.scimkit.examples.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.TokenStore;
import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.store.jdbc.JdbcStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The resource and token stores that {@code --store} names, and the pool behind them. */
final class ServerStores implements AutoCloseable {
  /**
   * How the server opens its H2 database.
   *
   * <ul>
   *   <li>{@code WRITE_DELAY=0}: every commit is written to the database file before the commit
   *       returns, so a request answered 2xx survives {@code kill -9} of the server (by default
   *       H2 writes commits out up to half a second later, and a crash lost them). H2 does not
   *       {@code fsync} a commit, so a crash of the operating system or a power cut may still
   *       lose the last ones: use PostgreSQL where that matters. It also stops H2 from compacting
   *       the file in the background, which {@link H2Compaction} does instead.
   *   <li>{@code COMPRESS=TRUE}: every commit writes each page it changed again (for one new
   *       user, 55 KB in a new database and about 190 KB once it holds tens of thousands);
   *       compressed, 40 to 60% of that. It cost 13% and 47% more CPU per write in two rounds
   *       (2.6 and 3.5 ms against 2.3 and 2.4), and nothing measurable on reads, whose pages come
   *       from H2's cache.
   *   <li>{@code AUTO_SERVER=TRUE}: token commands may open the database while the server holds
   *       it. H2 does not allow it together with {@code DB_CLOSE_ON_EXIT=FALSE}, so H2's shutdown
   *       hook stays; the server handles SIGTERM and SIGINT itself and closes the database after
   *       the requests in flight, before the JVM's shutdown (see {@link StandaloneServer}).
   * </ul>
   */
  static final String H2_SETTINGS = ";WRITE_DELAY=0;AUTO_SERVER=TRUE;COMPRESS=TRUE";

  private final StoreProvider resources;
  private final TokenStore tokens;
  private final HikariDataSource dataSource;
  private final H2Compaction compaction;

  /** How often the H2 database is compacted (see {@link H2Compaction}). */
  static final Duration H2_COMPACTION_INTERVAL = Duration.ofSeconds(1);

  private ServerStores(
      StoreProvider resources, TokenStore tokens, HikariDataSource dataSource, H2Compaction compaction) {
    this.resources = resources;
    this.tokens = tokens;
    this.dataSource = dataSource;
    this.compaction = compaction;
  }

  /**
   * Opens the store: {@code memory}, {@code h2:PATH} (an H2 database in the folder PATH, created
   * when missing) or a PostgreSQL JDBC URL. Database schemas are created and migrated on open.
   */
  static ServerStores open(ServerOptions options) {
    String store = options.store();
    if (store.equals("memory")) {
      return new ServerStores(new InMemoryStore(), new InMemoryTokenStore(), null, null);
    }
    boolean h2 = store.startsWith("h2:");
    HikariConfig config = new HikariConfig();
    config.setPoolName("scimkit");
    config.setMaximumPoolSize(10);
    config.setMinimumIdle(2);
    if (h2) {
      Path folder = Path.of(store.substring(3)).toAbsolutePath().normalize();
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the data folder " + folder, e);
      }
      config.setJdbcUrl("jdbc:h2:file:" + folder.resolve("scimkit") + H2_SETTINGS);
      config.setUsername("sa");
      config.setPassword("");
    } else {
      config.setJdbcUrl(store);
      config.setUsername(options.dbUser());
      config.setPassword(options.dbPassword());
    }
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      JdbcStore jdbc = JdbcStore.builder(dataSource).build();
      H2Compaction compaction =
          h2 ? H2Compaction.start(dataSource, H2_COMPACTION_INTERVAL) : null;
      return new ServerStores(jdbc, jdbc.tokenStore(), dataSource, compaction);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  StoreProvider resources() {
    return resources;
  }

  TokenStore tokens() {
    return tokens;
  }

  @Override
  public void close() {
    if (compaction != null) {
      compaction.close();
    }
    if (dataSource != null) {
      dataSource.close();
    }
  }
}
