package dev.scimkit.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.auth.OrganizationTokens;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedding section does what it says: its dependency block names the modules this
 * build makes, at this build's version, through the BOM; its snippet compiles as it stands (with
 * its imports) against those modules and Jersey; and, added to a Jersey app at {@code /api} that
 * has its own {@code /api/hello} and its own {@code 401}, it serves SCIM at {@code /api/scim/v2}
 * while the app's {@code 401}, {@code 404} and {@code 405} stay the app's.
 */
class ReadmeEmbeddingTest {
  private static final Path ROOT = ServerJar.ROOT;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path work;

  /** The host app as it was before Scimkit: {@code GET /hello}, and a private area of its own. */
  @jakarta.ws.rs.Path("/")
  public static class HostResource {
    @GET
    @jakarta.ws.rs.Path("hello")
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
      return "hello";
    }

    @GET
    @jakarta.ws.rs.Path("private")
    @Produces(MediaType.TEXT_PLAIN)
    public String secret() {
      return "secret";
    }
  }

  /** The host's own authentication of its private area. */
  public static class HostAuth implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      if (request.getUriInfo().getPath().equals("private")) {
        request.abortWith(Response.status(401).header("WWW-Authenticate", "Basic realm=\"app\"").build());
      }
    }
  }

  static List<String> blocks(String language) throws IOException {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(ROOT.resolve("README.md")));
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void dependencyBlock_importsTheBomAtThisVersion_andNamesModulesThisBuildPublishes() throws IOException {
    String block = blocks("xml").get(0);
    String version = text(Files.readString(ROOT.resolve("scim-bom/pom.xml")), "version");

    assertThat(block).contains("<artifactId>scim-bom</artifactId>", "<version>" + version + "</version>",
        "<type>pom</type>", "<scope>import</scope>");
    Matcher artifact = Pattern.compile("<artifactId>(scim-[a-z-]+)</artifactId>").matcher(block);
    int modules = 0;
    while (artifact.find()) {
      String pom = Files.readString(ROOT.resolve(artifact.group(1)).resolve("pom.xml"));
      assertThat(pom).contains("<artifactId>" + artifact.group(1) + "</artifactId>");
      assertThat(Files.readString(ROOT.resolve("scim-bom/pom.xml"))).contains("<artifactId>" + artifact.group(1) + "</artifactId>");
      modules++;
    }
    assertThat(modules).as("the BOM and the modules").isEqualTo(3);
    assertThat(block.split("<version>", -1)).as("one version, the BOM's: it manages the others").hasSize(2);
  }

  @Test
  void snippet_compilesAsItStands_andServesScimBesideTheAppsOwnApi() throws Exception {
    String snippet = blocks("java").stream().filter(b -> b.contains("class Scim")).findFirst().orElseThrow();
    assertThat(snippet.lines().filter(l -> !l.isBlank() && !l.startsWith("import ")).count())
        .as("ten lines of code and a few of declaration").isLessThanOrEqualTo(16);
    Path source = work.resolve("Scim.java");
    Files.writeString(source, snippet, UTF_8);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"),
        "-d", work.toString(), "-Xlint:all", "-Werror", source.toString());
    assertThat(status).as("javac of the README's snippet").isZero();

    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:readme;DB_CLOSE_DELAY=-1");
    ResourceConfig app = new ResourceConfig(HostResource.class, HostAuth.class);
    OrganizationTokens tokens;
    try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {work.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> scim = loader.loadClass("Scim");
      tokens = (OrganizationTokens) scim.getMethod("addTo", ResourceConfig.class, DataSource.class)
          .invoke(null, app, dataSource);
      HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/api/"), app, false);
      server.start();
      try {
        String api = "http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/api";
        String token = tokens.create("acme", "Entra ID").secret();
        checkScim(api, token);
        checkTheAppsOwnAnswers(api, token);
      } finally {
        server.shutdownNow();
      }
    }
  }

  private static void checkScim(String api, String token) throws Exception {
    HttpResponse<String> created = send("POST", api + "/scim/v2/Users", "{\"userName\":\"bjensen\"}",
        "Authorization", "Bearer " + token, "Content-Type", "application/scim+json");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location").orElseThrow()).startsWith(api + "/scim/v2/Users/");
    HttpResponse<String> anonymous = send("GET", api + "/scim/v2/Users", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
  }

  private static void checkTheAppsOwnAnswers(String api, String token) throws Exception {
    assertThat(send("GET", api + "/hello", null).body()).isEqualTo("hello");
    for (String[] auth : new String[][] {{}, {"Authorization", "Bearer " + token}}) {
      HttpResponse<String> unauthorized = send("GET", api + "/private", null, auth);
      assertThat(unauthorized.statusCode()).isEqualTo(401);
      assertThat(unauthorized.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"app\"");
      HttpResponse<String> notFound = send("GET", api + "/nope", null, auth);
      assertThat(notFound.statusCode()).isEqualTo(404);
      assertThat(notFound.headers().firstValue("WWW-Authenticate")).isEmpty();
      HttpResponse<String> wrongMethod = send("POST", api + "/hello", "x", "Content-Type", "text/plain");
      assertThat(wrongMethod.statusCode()).isEqualTo(405);
      for (HttpResponse<String> r : List.of(unauthorized, notFound, wrongMethod)) {
        assertThat(r.body()).as("%s", r).doesNotContain("urn:ietf:params:scim");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).doesNotContain("scim");
      }
    }
  }

  private static HttpResponse<String> send(String method, String uri, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String text(String xml, String element) {
    Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
