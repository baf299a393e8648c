package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.Fixtures.user;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.jaxrs.ScimHttpConfig;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Scimkit under a sub-path of a host's own application ({@link HostApplication}: the host at
 * {@code /api}, SCIM at {@code /api/scim/v2}, with token authentication): SCIM answers there, and
 * everything else stays the host's, its {@code 401}, {@code 404}, {@code 405} and {@code 415}
 * included, with or without a SCIM token, and its own catch-all exception mapper still sees its
 * own failures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ScimUnderHostPathSuite {
  private final OrganizationTokens tokens = OrganizationTokens.builder(new InMemoryTokenStore()).build();
  private final String token = Secrets.issue(tokens, "host-path");

  private ScimServer server;
  private ScimHttp scim;
  private ScimHttp anonymousScim;
  private ScimHttp host;
  private ScimHttp hostWithScimToken;

  /** The runtime to serve on. */
  protected abstract ScimRuntime runtime();

  @BeforeAll
  void start() {
    ScimHttpConfig config =
        ScimHttpConfig.builder(ScimEngine.builder().build()).authenticator(tokens.authenticator()).build();
    server = runtime().serve(new HostApplication(config), HostApplication.PATH);
    URI scimBase = URI.create(server.baseUri() + "/" + HostApplication.SCIM_PATH);
    scim = ScimHttp.of(scimBase).withBearer(token);
    anonymousScim = ScimHttp.of(scimBase);
    host = ScimHttp.lenient(server.baseUri());
    hostWithScimToken = host.withBearer(token);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  // ---- SCIM, under /api/scim/v2 ----------------------------------------------------------------

  @Test
  void scim_answersUnderTheSubPath_withLocationsThere() {
    Reply created = scim.post("/Users", user(unique()));

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo(scim.base() + "/Users/" + created.id());
    assertThat(created.json().path("meta").path("location").asText()).isEqualTo(created.header("Location"));
    assertThat(scim.get("/Users/" + created.id()).status()).isEqualTo(200);
    assertThat(scim.get("/ServiceProviderConfig").status()).isEqualTo(200);
  }

  @Test
  void scim_withoutAToken_isTheScim401() {
    Reply r = anonymousScim.get("/Users");

    assertScimError(r, 401, null);
    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer realm=\"scim\"");
  }

  @Test
  void scimsOwnRuntimeFailures_areScimErrors_despiteTheHostsCatchAllMapper() {
    assertScimError(scim.get("/Users/a/b/c"), 404, null);
    assertScimError(scim.get("/"), 404, null);
    Reply wrongMethod = scim.delete("/Users");
    assertScimError(wrongMethod, 405, null);
    assertThat(wrongMethod.header("Allow")).contains("GET");
    assertScimError(scim.post("/Users", user(unique()), "Content-Type", "text/plain"), 415, null);
    assertScimError(scim.get("/Users", "Accept", "text/html"), 406, null);
    assertScimError(scim.post("/Users", user(unique()), "Content-Type", "application/json; q=x"), 400, null);
  }

  // ---- the host, everywhere else under /api ------------------------------------------------------

  @Test
  void hostResource_answersAsBefore_withoutScimHeaders() {
    for (ScimHttp client : new ScimHttp[] {host, hostWithScimToken}) {
      Reply r = client.get("/hello");

      assertThat(r.status()).as("%s", r).isEqualTo(200);
      assertThat(r.body()).isEqualTo("hello from the host");
      assertThat(r.header("Content-Type")).startsWith("text/plain");
      assertThat(r.header("Cache-Control")).isNull();
      assertThat(r.header("X-Content-Type-Options")).isNull();
    }
  }

  @Test
  void unknownHostPath_isTheHosts404_withOrWithoutAScimToken() {
    for (ScimHttp client : new ScimHttp[] {host, hostWithScimToken}) {
      Reply r = client.get("/nope");

      assertHostError(r, 404);
      assertThat(r.header("WWW-Authenticate")).isNull();
    }
    assertHostError(host.get("/Users"), 404);
    assertHostError(host.get("/scim"), 404);
    assertHostError(host.get("/scim/v2x/Users"), 404);
  }

  @Test
  void wrongMethodOnAHostResource_isTheHosts405() {
    for (ScimHttp client : new ScimHttp[] {host, hostWithScimToken}) {
      Reply r = client.post("/hello", "hi", "Content-Type", "text/plain");

      assertHostError(r, 405);
      assertThat(r.header("Allow")).contains("GET");
    }
  }

  @Test
  void hostsOwn401_staysTheHosts_evenWithAScimToken() {
    for (ScimHttp client : new ScimHttp[] {host, hostWithScimToken}) {
      Reply r = client.get("/private/report");

      assertThat(r.status()).as("%s", r).isEqualTo(401);
      assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic realm=\"host\"");
      assertThat(r.body()).isEqualTo("host: log in first");
    }
    assertThat(host.get("/private/report", "Authorization", "Basic aG9zdDpob3N0").body())
        .isEqualTo("the host's private report");
  }

  @Test
  void hostsMediaTypes_stayTheHosts() {
    assertThat(host.post("/echo", "ping", "Content-Type", "text/plain").body()).isEqualTo("ping");
    assertHostError(host.post("/echo", "{}", "Content-Type", "application/json"), 415);
    Reply malformed = host.post("/echo", "ping", "Content-Type", "application/json; q=x");
    assertThat(malformed.status()).as("%s", malformed).isBetween(400, 599);
    assertThat(malformed.body()).doesNotContain("urn:ietf:params:scim");
    assertThat(String.valueOf(malformed.header("Content-Type"))).doesNotContain("scim");
  }

  /** The host's own failure, as its catch-all mapper writes it: nothing of SCIM in it. */
  private static void assertHostError(Reply r, int status) {
    assertThat(r.status()).as("%s", r).isEqualTo(status);
    assertThat(r.body()).as("%s", r).isEqualTo("{\"hostError\":" + status + "}");
    assertThat(r.header("Content-Type")).as("%s", r).startsWith("application/json");
    assertThat(r.header("Cache-Control")).as("%s", r).isNull();
  }

  private static String unique() {
    return "host-path-" + System.nanoTime();
  }
}
