package dev.scimkit.examples.customstore;

import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.auth.IssuedToken;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.jaxrs.ScimApplication;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.store.jdbc.JdbcStore;
import java.net.URI;
import javax.sql.DataSource;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A host that already has its own users table serves it over SCIM: users are rows of {@code
 * users} ({@link UserTableStore}), groups and tokens live in Scimkit's tables beside it. An
 * identity provider's changes land in the host's table, and users the host creates itself are
 * visible to the identity provider.
 *
 * <pre>
 * java -cp examples/target/scimkit-server.jar dev.scimkit.examples.customstore.CustomStoreHost
 * </pre>
 *
 * <p>The line that matters is the engine's store provider in {@link #start}: {@link
 * UserTableStore#open} gives a JDBC store whose users are the host's rows. The rest is the usual
 * mounting (Scimkit's own application at {@code /scim/v2} on Jersey and Grizzly) and
 * organisation tokens.
 */
public final class CustomStoreHost implements AutoCloseable {
  private final HttpServer server;
  private final OrganizationTokens tokens;
  private final URI scimUri;

  private CustomStoreHost(HttpServer server, OrganizationTokens tokens, URI scimUri) {
    this.server = server;
    this.tokens = tokens;
    this.scimUri = scimUri;
  }

  /** Serves the users of {@code hostDatabase} over SCIM at {@code http://host:port/scim/v2}. */
  public static CustomStoreHost start(DataSource hostDatabase, String host, int port) {
    JdbcStore store = UserTableStore.open(hostDatabase); // users in the host's own table
    ScimEngine engine = ScimEngine.builder().storeProvider(store).build();
    OrganizationTokens tokens = OrganizationTokens.builder(store.tokenStore()).build();
    ScimHttpConfig config =
        ScimHttpConfig.builder(engine).authenticator(tokens.authenticator()).build();
    ResourceConfig app =
        ResourceConfig.forApplication(new ScimApplication(config))
            .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    HttpServer server =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://" + host + ":" + port + "/scim/v2"), app);
    int actualPort = server.getListener("grizzly").getPort();
    return new CustomStoreHost(
        server, tokens, URI.create("http://" + host + ":" + actualPort + "/scim/v2"));
  }

  /** The SCIM base URL. */
  public URI scimUri() {
    return scimUri;
  }

  /** The organisation tokens: what the host's admin console would call. */
  public OrganizationTokens tokens() {
    return tokens;
  }

  @Override
  public void close() {
    server.shutdownNow();
  }

  /**
   * Starts on {@code 127.0.0.1:8080} over an in-memory H2 database and prints the SCIM URL and a
   * token for the host's organisation.
   */
  public static void main(String[] args) {
    JdbcConnectionPool db = HostDatabase.open("jdbc:h2:mem:app;DB_CLOSE_DELAY=-1");
    CustomStoreHost host = start(db, "127.0.0.1", 8080);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  host.close();
                  db.dispose();
                }));
    IssuedToken token = host.tokens().create(UserTableStore.ORGANISATION, "sample");
    System.out.println("SCIM URL: " + host.scimUri());
    System.out.println("Token for organisation '" + UserTableStore.ORGANISATION + "' (shown once): " + token.secret());
  }
}
