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

/** The resource and token stores that {@code --store} names, and the pool behind them. */
final class ServerStores implements AutoCloseable {
  private final StoreProvider resources;
  private final TokenStore tokens;
  private final HikariDataSource dataSource;

  private ServerStores(StoreProvider resources, TokenStore tokens, HikariDataSource dataSource) {
    this.resources = resources;
    this.tokens = tokens;
    this.dataSource = dataSource;
  }

  /**
   * Opens the store: {@code memory}, {@code h2:PATH} (an H2 database in the folder PATH, created
   * when missing) or a PostgreSQL JDBC URL. Database schemas are created and migrated on open.
   */
  static ServerStores open(ServerOptions options) {
    String store = options.store();
    if (store.equals("memory")) {
      return new ServerStores(new InMemoryStore(), new InMemoryTokenStore(), null);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("scimkit");
    config.setMaximumPoolSize(10);
    config.setMinimumIdle(2);
    if (store.startsWith("h2:")) {
      Path folder = Path.of(store.substring(3)).toAbsolutePath().normalize();
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the data folder " + folder, e);
      }
      // AUTO_SERVER: token commands may open the database while the server holds it
      config.setJdbcUrl("jdbc:h2:file:" + folder.resolve("scimkit") + ";AUTO_SERVER=TRUE");
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
      return new ServerStores(jdbc, jdbc.tokenStore(), dataSource);
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
    if (dataSource != null) {
      dataSource.close();
    }
  }
}
