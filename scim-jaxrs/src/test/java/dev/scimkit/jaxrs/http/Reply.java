package dev.scimkit.jaxrs.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;

/**
 * One HTTP exchange as the client saw it.
 *
 * @param method the request method
 * @param uri the request URI
 * @param requestBody the request body, or {@code null}
 * @param status the response status
 * @param headers the response headers
 * @param body the response body as text (empty when there was none)
 * @param elapsed the time from sending the request to having read the whole response
 */
public record Reply(
    String method,
    URI uri,
    String requestBody,
    int status,
    HttpHeaders headers,
    String body,
    Duration elapsed) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The first value of a response header, or {@code null}. */
  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  /** The body parsed as JSON. */
  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + this, e);
    }
  }

  /** The {@code id} of the resource in the body. */
  public String id() {
    return json().path("id").asText();
  }

  @Override
  public String toString() {
    return method + " " + uri + " -> " + status + " " + headers.map() + " " + body;
  }
}
