package dev.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client for the samples' tests: JSON in, JSON out, an optional bearer token. The
 * same as the one in {@code examples} (modules do not share test code); HTTP/1.1 there is for
 * Grizzly, and costs nothing here.
 */
public final class ScimClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI base;
  private final String token;

  private ScimClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** A client for the URLs under {@code base}, sending no token. */
  public static ScimClient at(URI base) {
    return new ScimClient(base, null);
  }

  /** This client, sending {@code Authorization: Bearer token}. */
  public ScimClient withBearer(String bearer) {
    return new ScimClient(base, bearer);
  }

  /** An answer: status, {@code Content-Type}, {@code Location}, body as text and as JSON. */
  public record Reply(int status, String contentType, String location, String body) {
    public JsonNode json() {
      try {
        return body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    /** The {@code id} of the resource in the body. */
    public String id() {
      return json().path("id").asText();
    }

    /** Asserts the status, showing the body if it differs. */
    public Reply expect(int expected) {
      assertThat(status).as("status of a reply with body %s", body).isEqualTo(expected);
      return this;
    }
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply post(String path, String json) {
    return send("POST", path, json);
  }

  public Reply patch(String path, String json) {
    return send("PATCH", path, json);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null);
  }

  /** Sends a request to {@code base + path}; {@code path} may carry an already-encoded query. */
  public Reply send(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/scim+json, text/plain")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/scim+json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("Location").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
