package dev.scimkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.StoreProvider;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The starter in a Spring MVC app with no {@code DataSource}, over HTTP: SCIM at the default
 * {@code /scim/v2} on the in-memory store, the app's own endpoints untouched beside it, and every
 * request timed with bounded tags and no token in any of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScimkitWebTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  private ConfigurableApplicationContext context;
  private String root;
  private String token;

  @BeforeAll
  void start() {
    context =
        new SpringApplicationBuilder(App.class)
            .properties("server.address=127.0.0.1", "server.port=0", "spring.main.banner-mode=off")
            .run();
    root = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    token = context.getBean(OrganizationTokens.class).create("acme", "Okta").secret();
  }

  @AfterAll
  void stop() {
    if (context != null) {
      context.close();
    }
  }

  @Test
  void scimAnswersAtTheDefaultBasePath_onTheMemoryStore_andTheAppKeepsItsOwnAnswers() throws Exception {
    assertThat(context.getBean(StoreProvider.class)).isInstanceOf(InMemoryStore.class);
    String auth = "Bearer " + token;

    HttpResponse<String> created =
        send("POST", "/scim/v2/Users", "{\"userName\":\"bjensen@example.com\"}",
            "Authorization", auth, "Content-Type", "application/scim+json");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location").orElseThrow()).startsWith(root + "/scim/v2/Users/");
    Matcher id = ID.matcher(created.body());
    assertThat(id.find()).isTrue();
    assertThat(send("GET", "/scim/v2/Users/" + id.group(1), null, "Authorization", auth).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/scim/v2/Users?filter=userName%20eq%20%22BJENSEN@example.com%22", null, "Authorization", auth).body())
        .contains("\"totalResults\":1");
    assertThat(send("GET", "/scim/v2/ServiceProviderConfig", null, "Authorization", auth).statusCode()).isEqualTo(200);
    assertThat(send("DELETE", "/scim/v2/Users/" + id.group(1), null, "Authorization", auth).statusCode()).isEqualTo(204);
    HttpResponse<String> anonymous = send("GET", "/scim/v2/Users", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(send("GET", "/scim/v2/Nope/a/b", null, "Authorization", auth).statusCode()).isEqualTo(404);

    HttpResponse<String> hello = send("GET", "/hello", null);
    assertThat(hello.statusCode()).isEqualTo(200);
    assertThat(hello.body()).isEqualTo("hello");
    for (String[] headers : new String[][] {{}, {"Authorization", auth}}) {
      HttpResponse<String> nope = send("GET", "/nope", null, headers);
      assertThat(nope.statusCode()).isEqualTo(404);
      assertThat(nope.body()).doesNotContain("urn:ietf:params:scim");
      HttpResponse<String> post = send("POST", "/hello", "x", headers);
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.body()).doesNotContain("urn:ietf:params:scim");
    }
  }

  @Test
  void everyScimRequestIsTimed_byResourceTypeOperationStatusAndTenant_withoutTokens() throws Exception {
    MeterRegistry meters = context.getBean(MeterRegistry.class);
    String[][] expected = {
      {"Group", "create", "201", "acme"},
      {"Group", "search", "200", "acme"},
      {"discovery", "get", "200", "acme"},
      {"Group", "search", "401", "none"},
      // no resource method takes PUT /Groups: the 405 comes before authentication
      {"Group", "other", "405", "none"},
      {"unknown", "other", "404", "acme"},
    };
    long[] before = new long[expected.length];
    for (int i = 0; i < expected.length; i++) {
      before[i] = count(meters, expected[i]);
    }

    String auth = "Bearer " + token;
    send("POST", "/scim/v2/Groups", "{\"displayName\":\"Metrics\"}", "Authorization", auth, "Content-Type", "application/scim+json");
    send("GET", "/scim/v2/Groups?count=1", null, "Authorization", auth);
    send("GET", "/scim/v2/Schemas", null, "Authorization", auth);
    send("GET", "/scim/v2/Groups", null, "Authorization", "Bearer scimkit_not-a-real-token");
    send("PUT", "/scim/v2/Groups", "{}", "Authorization", auth, "Content-Type", "application/scim+json");
    send("GET", "/scim/v2/whatever-a-client-sends/x", null, "Authorization", auth);
    send("GET", "/hello", null);

    for (int i = 0; i < expected.length; i++) {
      assertThat(count(meters, expected[i]) - before[i]).as(String.join(" ", expected[i])).isEqualTo(1);
    }
    Timer created = meters.find("scimkit.requests").tags(tags(expected[0])).timer();
    assertThat(created.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    for (Meter meter : meters.find("scimkit.requests").meters()) {
      for (Tag tag : meter.getId().getTags()) {
        assertThat(tag.getValue()).doesNotContain(token).doesNotContain("scimkit_").doesNotContain("whatever");
      }
      assertThat(meter.getId().getTag("tenant")).isIn("acme", "none");
      assertThat(meter.getId().getTag("resource.type"))
          .isIn("User", "Group", "discovery", "Bulk", "Me", "all", "unknown");
      assertThat(meter.getId().getTag("operation"))
          .isIn("search", "get", "create", "replace", "patch", "delete", "bulk", "other");
    }
  }

  private static long count(MeterRegistry meters, String[] tags) {
    Timer timer = meters.find("scimkit.requests").tags(tags(tags)).timer();
    return timer == null ? 0 : timer.count();
  }

  private static String[] tags(String[] values) {
    return new String[] {"resource.type", values[0], "operation", values[1], "status", values[2], "tenant", values[3]};
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

  /** An app of its own endpoints and a meter registry, and no DataSource. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Hello.class)
  static class App {
    @Bean
    SimpleMeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @RestController
  public static class Hello {
    @GetMapping(path = "/hello", produces = "text/plain")
    public String hello() {
      return "hello";
    }
  }
}
