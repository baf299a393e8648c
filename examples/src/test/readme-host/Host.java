import dev.scimkit.core.auth.OrganizationTokens;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The host of the README's embedding section: a Jersey app at {@code /api} with its own
 * {@code /api/hello} and its own authentication of {@code /api/private}, to which SCIM is added
 * by the README's {@code Scim.addTo}, on an H2 database in memory.
 *
 * <p>A test fixture in the default package, where the README's snippet is: {@code
 * ReadmeEmbeddingTest} compiles it with javac, {@code ReadmeMavenProjectIT} in a new Maven
 * project. Both run it as a process and read what it prints.
 */
public final class Host {
  private Host() {}

  /** The app as it was before Scimkit. */
  @Path("/")
  public static final class Api {
    @GET
    @Path("hello")
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
      return "hello";
    }

    @GET
    @Path("private")
    @Produces(MediaType.TEXT_PLAIN)
    public String secret() {
      return "secret";
    }
  }

  /** The app's own authentication of its private area: no credential gets in. */
  public static final class Auth implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      if (request.getUriInfo().getPath().equals("private")) {
        request.abortWith(Response.status(401).header("WWW-Authenticate", "Basic realm=\"app\"").build());
      }
    }
  }

  /**
   * Serves the app on a free port of 127.0.0.1; prints {@code api <base URI>} and then {@code
   * token <secret>} (a token for the organisation {@code acme}), and stops when standard input
   * ends.
   */
  public static void main(String[] args) throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:host;DB_CLOSE_DELAY=-1");
    ResourceConfig app = new ResourceConfig(Api.class, Auth.class);
    OrganizationTokens tokens = Scim.addTo(app, dataSource);
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/api/"), app);
    try {
      System.out.println("api http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/api");
      System.out.println("token " + tokens.create("acme", "Entra ID").secret());
      System.out.flush();
      while (System.in.read() != -1) {
        // the test that started this process closes its standard input to stop it
      }
    } finally {
      server.shutdownNow();
    }
  }
}
