package dev.scimkit.jaxrs.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client of every HTTP test: the JDK's {@link HttpClient}, so no JAX-RS client is involved.
 *
 * <p>Every reply it receives is checked before the test sees it: no body may leak a stack trace
 * or an internal class name, no body or header may hold a secret a test handed out ({@link
 * Secrets}), and (unless the client was made {@link #lenient}) every response is
 * a SCIM response: {@code Cache-Control: no-store}, {@code X-Content-Type-Options: nosniff},
 * {@code application/scim+json} whenever there is a body, and a SCIM Error body on every failure.
 */
public final class ScimHttp {
  /** The default request media type: what Entra ID sends. */
  public static final String SCIM_UTF8 = "application/scim+json; charset=utf-8";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final String base;
  private final boolean scimChecks;
  private final String[] defaultHeaders;
  private final List<Reply> replies = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger checked = new AtomicInteger();

  private ScimHttp(URI base, boolean scimChecks, String... defaultHeaders) {
    String s = base.toString();
    this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    this.scimChecks = scimChecks;
    this.defaultHeaders = defaultHeaders.clone();
  }

  /**
   * This client, sending {@code Authorization: Bearer <token>} with every request that does not
   * name an {@code Authorization} header of its own.
   */
  public ScimHttp withBearer(String token) {
    return new ScimHttp(URI.create(base), scimChecks, "Authorization", "Bearer " + token);
  }

  /** A client of the SCIM endpoint at {@code base} that checks every reply is a SCIM reply. */
  public static ScimHttp of(URI base) {
    return new ScimHttp(base, true);
  }

  /**
   * A client that only checks for leaks, for servers that also answer non-SCIM requests (a
   * host's own resources).
   */
  public static ScimHttp lenient(URI base) {
    return new ScimHttp(base, false);
  }

  /** The base URI without a trailing slash. */
  public String base() {
    return base;
  }

  /** Every reply received so far, in order. */
  public List<Reply> replies() {
    synchronized (replies) {
      return List.copyOf(replies);
    }
  }

  /** How many replies went through the checks. */
  public int checkedCount() {
    return checked.get();
  }

  /**
   * A query parameter value encoded as HTML forms (and Entra ID) do: {@code +} for a space,
   * {@code %22} for a quote.
   */
  public static String form(String value) {
    return URLEncoder.encode(value, UTF_8);
  }

  /**
   * A query parameter value encoded as Okta does: {@code %20} for a space, {@code %22} for a
   * quote.
   */
  public static String percent(String value) {
    return URLEncoder.encode(value, UTF_8).replace("+", "%20");
  }

  public Reply get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  public Reply delete(String path, String... headers) {
    return send("DELETE", path, null, headers);
  }

  public Reply post(String path, String body, String... headers) {
    return send("POST", path, body, headers);
  }

  public Reply put(String path, String body, String... headers) {
    return send("PUT", path, body, headers);
  }

  public Reply patch(String path, String body, String... headers) {
    return send("PATCH", path, body, headers);
  }

  /**
   * Sends a request to {@code path} (relative to the base, or absolute when it starts with
   * {@code http}). A body goes with {@value #SCIM_UTF8} unless {@code headers} name a {@code
   * Content-Type}.
   *
   * @param headers name, value, name, value, ...
   */
  public Reply send(String method, String path, String body, String... headers) {
    return send(method, path, body == null ? null : body.getBytes(UTF_8), false, headers);
  }

  /** As {@link #send(String, String, String, String...)}, with the body sent chunked (no length). */
  public Reply sendChunked(String method, String path, String body, String... headers) {
    return send(method, path, body.getBytes(UTF_8), true, headers);
  }

  private Reply send(String method, String path, byte[] body, boolean chunked, String... headers) {
    if (headers.length % 2 != 0) {
      throw new IllegalArgumentException("headers come in name, value pairs");
    }
    URI uri = URI.create(path.startsWith("http") ? path : base + path);
    BodyPublisher publisher;
    if (body == null) {
      publisher = BodyPublishers.noBody();
    } else if (chunked) {
      publisher = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    } else {
      publisher = BodyPublishers.ofByteArray(body);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).method(method, publisher);
    boolean contentType = false;
    java.util.Set<String> named = new java.util.HashSet<>();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      contentType |= headers[i].equalsIgnoreCase("Content-Type");
      named.add(headers[i].toLowerCase(java.util.Locale.ROOT));
    }
    for (int i = 0; i < defaultHeaders.length; i += 2) {
      if (!named.contains(defaultHeaders[i].toLowerCase(java.util.Locale.ROOT))) {
        request.header(defaultHeaders[i], defaultHeaders[i + 1]);
      }
    }
    if (body != null && !contentType) {
      request.header("Content-Type", SCIM_UTF8);
    }
    long start = System.nanoTime();
    java.net.http.HttpResponse<String> response;
    try {
      response = CLIENT.send(request.build(), BodyHandlers.ofString(UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    Reply reply =
        new Reply(
            method,
            uri,
            body == null ? null : new String(body, UTF_8),
            response.statusCode(),
            response.headers(),
            response.body() == null ? "" : response.body(),
            elapsed);
    replies.add(reply);
    ScimAssertions.assertNoLeak(reply);
    Secrets.assertNoSecret(reply);
    if (scimChecks) {
      ScimAssertions.assertScimResponse(reply);
    }
    checked.incrementAndGet();
    return reply;
  }
}
