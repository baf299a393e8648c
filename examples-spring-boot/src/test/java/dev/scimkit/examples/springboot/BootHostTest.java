package dev.scimkit.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.scimkit.core.auth.OrganizationTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample as it runs: SCIM at /api/scim/v2 on the app's own database with a token from the
 * {@link OrganizationTokens} bean, and the app's own endpoints beside it keeping their answers,
 * their 404 and their 405.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootHostTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private ConfigurableApplicationContext context;
  private String root;
  private String token;

  @BeforeAll
  void start() {
    context =
        new SpringApplicationBuilder(BootHost.class)
            .properties("server.address=127.0.0.1", "server.port=0", "spring.main.banner-mode=off")
            .run();
    root = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    token = context.getBean(OrganizationTokens.class).create("acme", "Entra ID").secret();
  }

  @AfterAll
  void stop() {
    if (context != null) {
      context.close();
    }
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(root + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void scim_answersAtApiScimV2_onTheAppsDatabase_withATokenFromTheBean() throws Exception {
    String auth = "Bearer " + token;
    HttpResponse<String> created =
        send("POST", "/api/scim/v2/Users", "{\"userName\":\"bjensen@example.com\"}",
            "Authorization", auth, "Content-Type", "application/scim+json");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location").orElseThrow()).startsWith(root + "/api/scim/v2/Users/");
    HttpResponse<String> found =
        send("GET", "/api/scim/v2/Users?filter=userName%20eq%20%22BJENSEN@example.com%22", null, "Authorization", auth);
    assertThat(found.body()).contains("\"totalResults\":1");
    assertThat(send("GET", "/api/scim/v2/Users", null).statusCode()).isEqualTo(401);
    HttpResponse<String> unknown = send("GET", "/api/scim/v2/Nope/a/b", null, "Authorization", auth);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
  }

  @Test
  void theAppsOwnEndpoints_keepTheirAnswers_their404And405() throws Exception {
    HttpResponse<String> hello = send("GET", "/api/hello?name=Ada", null);
    assertThat(hello.statusCode()).isEqualTo(200);
    assertThat(hello.body()).isEqualTo("Hello, Ada!");
    assertThat(hello.headers().firstValue("Cache-Control")).isEmpty();

    for (String auth : new String[] {null, "Bearer " + token}) {
      String[] headers = auth == null ? new String[0] : new String[] {"Authorization", auth};
      HttpResponse<String> nope = send("GET", "/api/nope", null, headers);
      assertThat(nope.statusCode()).isEqualTo(404);
      assertThat(nope.headers().firstValue("WWW-Authenticate")).isEmpty();
      assertThat(nope.body()).doesNotContain("urn:ietf:params:scim");
      HttpResponse<String> post = send("POST", "/api/hello", "x", "Content-Type", "text/plain");
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.body()).doesNotContain("urn:ietf:params:scim");
    }
  }

  @Test
  void runsOnTheSpringBootItsModuleNames() {
    String expected = System.getProperty("scimkit.test.spring-boot.version");
    assertThat(SpringBootVersion.getVersion()).isEqualTo(expected);
    String jersey = org.glassfish.jersey.internal.Version.getVersion();
    assertThat(jersey).as("Jersey").startsWith(expected.startsWith("3.") ? "3.1." : "4.0.");
  }
}
