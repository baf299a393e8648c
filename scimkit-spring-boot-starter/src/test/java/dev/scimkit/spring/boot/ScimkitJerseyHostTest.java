package dev.scimkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.auth.OrganizationTokens;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The starter in an app whose own API is Jersey (spring-boot-starter-jersey at {@code /api}),
 * with SCIM under the same prefix at {@code /api/scim/v2}: the two Jersey applications never
 * share a request, and the app's resources keep their 401, 404 and 405.
 */
class ScimkitJerseyHostTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void scimBesideTheAppsJerseyResources_underTheSamePrefix() throws Exception {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(App.class)
            .properties(
                "server.address=127.0.0.1",
                "server.port=0",
                "spring.main.banner-mode=off",
                "spring.jersey.application-path=/api",
                "scimkit.base-path=/api/scim/v2")
            .run()) {
      String root = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
      String auth = "Bearer " + context.getBean(OrganizationTokens.class).create("acme", "Entra ID").secret();

      HttpResponse<String> created =
          send(root, "POST", "/api/scim/v2/Users", "{\"userName\":\"bjensen\"}",
              "Authorization", auth, "Content-Type", "application/scim+json");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      HttpResponse<String> anonymous = send(root, "GET", "/api/scim/v2/Users", null);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");

      HttpResponse<String> hello = send(root, "GET", "/api/hello", null);
      assertThat(hello.statusCode()).isEqualTo(200);
      assertThat(hello.body()).isEqualTo("hello from Jersey");
      for (String[] headers : new String[][] {{}, {"Authorization", auth}}) {
        HttpResponse<String> account = send(root, "GET", "/api/account", null, headers);
        assertThat(account.statusCode()).isEqualTo(401);
        assertThat(account.headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"app\"");
        assertThat(account.body()).doesNotContain("urn:ietf:params:scim");
        HttpResponse<String> nope = send(root, "GET", "/api/nope", null, headers);
        assertThat(nope.statusCode()).isEqualTo(404);
        assertThat(nope.body()).doesNotContain("urn:ietf:params:scim");
        HttpResponse<String> post = send(root, "POST", "/api/hello", "x", headers);
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.body()).doesNotContain("urn:ietf:params:scim");
      }
    }
  }

  private static HttpResponse<String> send(String root, String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(root + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An app whose API is a Jersey application of its own. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    ResourceConfig hostApi() {
      return new ResourceConfig(Hello.class, Account.class);
    }
  }

  @Path("hello")
  public static class Hello {
    @GET
    @Produces("text/plain")
    public String hello() {
      return "hello from Jersey";
    }
  }

  /** The app's own sign-in: nobody is signed in here. */
  @Path("account")
  public static class Account {
    @GET
    public Response account() {
      return Response.status(401).header("WWW-Authenticate", "Basic realm=\"app\"").entity("Sign in first").build();
    }
  }
}
