package dev.scimkit.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.store.jdbc.JdbcStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample as it runs, through the starter: SCIM at {@code scimkit.base-path} (/api/scim/v2)
 * on the app's own database with a token from the {@link OrganizationTokens} bean; the app's own
 * endpoints beside it keeping their answers, their 401, their 404 and their 405; Actuator's
 * health with the {@code scimkit} indicator, UP and then DOWN when the database goes away; and
 * the {@code scimkit.requests} timer in Actuator's metrics, with no token in any tag.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BootHostTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigurableApplicationContext context;
  private String root;
  private String token;

  @BeforeAll
  void start() {
    context =
        new SpringApplicationBuilder(BootHost.class)
            .properties(
                "server.address=127.0.0.1",
                "server.port=0",
                "spring.main.banner-mode=off",
                "management.endpoints.web.exposure.include=health,metrics",
                "management.endpoint.health.show-details=always")
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
  void scim_answersAtTheBasePathProperty_onTheAppsDatabase_withATokenFromTheBean() throws Exception {
    assertThat(context.getEnvironment().getProperty("scimkit.base-path")).isEqualTo("/api/scim/v2");
    assertThat(context.getBean(JdbcStore.class)).isNotNull();
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
    // Only the base path is Scimkit's: the default /scim/v2 is the app's (and it has nothing there).
    HttpResponse<String> defaultPath = send("GET", "/scim/v2/Users", null, "Authorization", auth);
    assertThat(defaultPath.statusCode()).isEqualTo(404);
    assertThat(defaultPath.body()).doesNotContain("urn:ietf:params:scim");
  }

  @Test
  void theAppsOwnEndpoints_keepTheirAnswers_their401_404And405() throws Exception {
    HttpResponse<String> hello = send("GET", "/api/hello?name=Ada", null);
    assertThat(hello.statusCode()).isEqualTo(200);
    assertThat(hello.body()).isEqualTo("Hello, Ada!");
    assertThat(hello.headers().firstValue("Cache-Control")).isEmpty();

    for (String auth : new String[] {null, "Bearer " + token}) {
      String[] headers = auth == null ? new String[0] : new String[] {"Authorization", auth};
      HttpResponse<String> account = send("GET", "/api/account", null, headers);
      assertThat(account.statusCode()).isEqualTo(401);
      assertThat(account.headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"app\"");
      assertThat(account.body()).isEqualTo("Sign in to the app first");
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
  void health_hasTheScimkitIndicator_upOnTheJdbcStore() throws Exception {
    HttpResponse<String> health = send("GET", "/actuator/health", null);
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    JsonNode scimkit = JSON.readTree(health.body()).path("components").path("scimkit");
    assertThat(scimkit.path("status").asText()).as(health.body()).isEqualTo("UP");
    assertThat(scimkit.path("details").path("store").asText()).isEqualTo("JdbcStore");
    // The indicator of this Boot's own health API: Boot 4 moved it to another package.
    String major = SpringBootVersion.getVersion().substring(0, 1);
    assertThat(context.getBean("scimkitHealthIndicator").getClass().getSimpleName())
        .isEqualTo("Boot" + major + "StoreHealthIndicator");
  }

  @Test
  void metrics_timeScimRequests_byResourceTypeOperationStatusAndTenant_withoutTokens() throws Exception {
    String auth = "Bearer " + token;
    String created = "tag=resource.type:User&tag=operation:create&tag=status:201&tag=tenant:acme";
    String refused = "tag=resource.type:Group&tag=operation:search&tag=status:401&tag=tenant:none";
    double createdBefore = count(created);
    double refusedBefore = count(refused);

    assertThat(send("POST", "/api/scim/v2/Users", "{\"userName\":\"metrics@example.com\"}",
        "Authorization", auth, "Content-Type", "application/scim+json").statusCode()).isEqualTo(201);
    assertThat(send("GET", "/api/scim/v2/Groups", null, "Authorization", "Bearer scimkit_not-a-token-of-this-app").statusCode())
        .isEqualTo(401);
    assertThat(send("GET", "/api/scim/v2/ResourceTypes", null, "Authorization", auth).statusCode()).isEqualTo(200);

    assertThat(count(created)).isEqualTo(createdBefore + 1);
    assertThat(count(refused)).isEqualTo(refusedBefore + 1);
    assertThat(count("tag=resource.type:discovery&tag=operation:get&tag=tenant:acme")).isGreaterThanOrEqualTo(1);
    HttpResponse<String> all = send("GET", "/actuator/metrics/scimkit.requests", null);
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).doesNotContain(token).doesNotContain("scimkit_");
    for (JsonNode tag : JSON.readTree(all.body()).path("availableTags")) {
      if (tag.path("tag").asText().equals("tenant")) {
        for (JsonNode value : tag.path("values")) {
          assertThat(value.asText()).isIn("acme", "none");
        }
      }
    }
  }

  /** The {@code COUNT} of {@code scimkit.requests} with these tags, from Actuator's metrics endpoint. */
  private double count(String tags) throws Exception {
    HttpResponse<String> metric =
        send("GET", "/actuator/metrics/scimkit.requests?" + tags.replace(":", URLEncoder.encode(":", StandardCharsets.UTF_8)), null);
    if (metric.statusCode() == 404) {
      return 0; // no request with these tags yet
    }
    assertThat(metric.statusCode()).as(metric.body()).isEqualTo(200);
    for (JsonNode measurement : JSON.readTree(metric.body()).path("measurements")) {
      if (measurement.path("statistic").asText().equals("COUNT")) {
        return measurement.path("value").asDouble();
      }
    }
    throw new AssertionError("no COUNT in " + metric.body());
  }

  @Test
  void runsOnTheSpringBootItsModuleNames() {
    String expected = System.getProperty("scimkit.test.spring-boot.version");
    assertThat(SpringBootVersion.getVersion()).isEqualTo(expected);
    String jersey = org.glassfish.jersey.internal.Version.getVersion();
    assertThat(jersey).as("Jersey").startsWith(expected.startsWith("3.") ? "3.1." : "4.0.");
  }

  /** Last: the database goes away for good. */
  @Test
  @Order(Integer.MAX_VALUE)
  void health_isDown_whenTheDatabaseIsGone() throws Exception {
    context.getBean(HikariDataSource.class).close();

    HttpResponse<String> health = send("GET", "/actuator/health", null);
    assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
    JsonNode scimkit = JSON.readTree(health.body()).path("components").path("scimkit");
    assertThat(scimkit.path("status").asText()).as(health.body()).isEqualTo("DOWN");
    assertThat(scimkit.path("details").path("store").asText()).isEqualTo("JdbcStore");
  }
}
