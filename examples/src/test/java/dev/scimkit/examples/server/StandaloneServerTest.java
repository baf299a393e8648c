package dev.scimkit.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"bjensen\"}";

  private static HttpResponse<String> send(String method, URI uri, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "application/scim+json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/scim+json");
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI at(StandaloneServer server, String path) {
    return URI.create(server.baseUri() + path);
  }

  @Test
  void withoutConfiguredTokens_generatesOneForTheDefaultTenant_andRequiresIt() throws Exception {
    try (StandaloneServer server = StandaloneServer.start(ServerOptions.parse("--port", "0", "--store", "memory"))) {
      assertThat(server.baseUri().toString()).startsWith("http://127.0.0.1:").endsWith("/scim/v2");
      String token = server.generatedToken().orElseThrow().secret();
      assertThat(token).startsWith("scimkit_");
      assertThat(send("GET", at(server, "/Users"), null, null).statusCode()).isEqualTo(401);
      assertThat(send("GET", at(server, "/Users"), "scimkit_wrong", null).statusCode()).isEqualTo(401);
      HttpResponse<String> created = send("POST", at(server, "/Users"), token, USER);
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(created.headers().firstValue("Location").orElseThrow()).startsWith(server.baseUri() + "/Users/");
      assertThat(send("GET", at(server, "/Users?filter=userName%20eq%20%22BJENSEN%22"), token, null).body())
          .contains("\"totalResults\":1");
    }
  }

  @Test
  void tenantTokens_keepOrganisationsApart() throws Exception {
    String acme = "acme-secret-token-0123456789abcdef";
    String globex = "globex-secret-token-0123456789abcdef";
    try (StandaloneServer server = StandaloneServer.start(ServerOptions.parse(
        "--port", "0", "--store", "memory", "--base-path", "/v1.0/scim-2", "--tenant", "acme=" + acme, "--tenant", "globex=" + globex))) {
      assertThat(server.generatedToken()).isEmpty();
      HttpResponse<String> created = send("POST", at(server, "/Users"), acme, USER);
      String location = created.headers().firstValue("Location").orElseThrow();
      assertThat(location).contains("/v1.0/scim-2/Users/");
      assertThat(send("GET", URI.create(location), acme, null).statusCode()).isEqualTo(200);
      assertThat(send("GET", URI.create(location), globex, null).statusCode()).isEqualTo(404);
      assertThat(send("POST", at(server, "/Users"), globex, USER).statusCode()).isEqualTo(201);
    }
  }

  @Test
  void h2Store_keepsResourcesAndTokensAcrossRestarts(@TempDir Path data) throws Exception {
    ServerOptions options = ServerOptions.parse("--port", "0", "--store", "h2:" + data);
    String token;
    try (StandaloneServer first = StandaloneServer.start(options)) {
      token = first.generatedToken().orElseThrow().secret();
      assertThat(send("POST", at(first, "/Users"), token, USER).statusCode()).isEqualTo(201);
    }
    try (StandaloneServer second = StandaloneServer.start(options)) {
      assertThat(second.generatedToken()).as("the first token is still active").isEmpty();
      HttpResponse<String> found = send("GET", at(second, "/Users?filter=userName%20eq%20%22bjensen%22"), token, null);
      assertThat(found.statusCode()).isEqualTo(200);
      assertThat(found.body()).contains("\"totalResults\":1");
    }
  }
}
