package dev.scimkit.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

  private static final String TOKEN = "standalone-test-token-0123456789abcdef";

  /** A server on the in-memory store with {@link #TOKEN} and these extra options. */
  private static StandaloneServer serve(String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("--port", "0", "--store", "memory", "--token", TOKEN));
    args.addAll(List.of(options));
    return StandaloneServer.start(ServerOptions.parse(args.toArray(String[]::new)));
  }

  /** What a raw exchange on a socket gave: the status, the head's lines and the body. */
  private record Raw(int status, String head, String body, long millis, boolean closed) {
    void assertScimError(int expected) {
      assertThat(status).as(head + body).isEqualTo(expected);
      assertThat(head.toLowerCase(Locale.ROOT)).contains("content-type: application/scim+json").contains("cache-control: no-store");
      assertThat(body).startsWith("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"" + expected + "\"");
    }
  }

  /**
   * Sends {@code request} as it is (a complete head, perhaps a body or part of one) and reads the
   * answer; {@code closed} tells whether the server then closed the connection within 5 s.
   */
  private static Raw raw(StandaloneServer server, String request) throws IOException {
    URI base = server.baseUri();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      long start = System.nanoTime();
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      String head = readHead(in);
      long millis = (System.nanoTime() - start) / 1_000_000;
      Matcher length = Pattern.compile("(?i)content-length: *([0-9]+)").matcher(head);
      String body = length.find() ? new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8) : "";
      socket.setSoTimeout(5_000);
      boolean closed;
      try {
        closed = in.read() == -1;
      } catch (SocketTimeoutException e) {
        closed = false;
      } catch (IOException e) {
        closed = true; // reset
      }
      return new Raw(Integer.parseInt(head.substring(9, 12)), head, body, millis, closed);
    }
  }

  private static String post(String path, String... headers) {
    return "POST /scim/v2" + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/scim+json\r\n"
        + String.join("", Arrays.stream(headers).map(h -> h + "\r\n").toList()) + "\r\n";
  }

  /** Reads an answer's head, up to and with the empty line that ends it. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("closed before the end of the answer's head: " + head);
      }
      head.append((char) b);
    }
    return head.toString();
  }

  /** Reads one answer (head and body, by its Content-Length) from {@code in}. */
  private static String[] readAnswer(InputStream in) throws IOException {
    String head = readHead(in);
    Matcher length = Pattern.compile("(?i)content-length: *([0-9]+)").matcher(head);
    int n = length.find() ? Integer.parseInt(length.group(1)) : 0;
    return new String[] {head, new String(in.readNBytes(n), StandardCharsets.UTF_8)};
  }

  @Test
  @Timeout(30)
  void oneConnection_carriesABody_thenPipelinedRequests_answeredInOrder() throws Exception {
    // responses are written by the connection's I/O thread (JerseyHandler); the next request on
    // the connection, already sent or sent at once, must still be read and answered in turn
    try (StandaloneServer server = serve()) {
      URI base = server.baseUri();
      try (Socket socket = new Socket(base.getHost(), base.getPort())) {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        socket.getOutputStream().write(
            (post("/Users", "Authorization: Bearer " + TOKEN, "Content-Length: " + USER.length()) + USER)
                .getBytes(StandardCharsets.ISO_8859_1));
        String[] created = readAnswer(in);
        assertThat(created[0]).startsWith("HTTP/1.1 201");
        String location = Pattern.compile("(?i)location: *http://[^/]+(\\S+)").matcher(created[0]).results()
            .findFirst().orElseThrow().group(1);
        String get = "GET " + location + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n";
        String unauthorized = "GET " + location + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
        socket.getOutputStream().write((get + unauthorized + get).getBytes(StandardCharsets.ISO_8859_1));

        String[] first = readAnswer(in);
        String[] second = readAnswer(in);
        String[] third = readAnswer(in);

        assertThat(first[0]).startsWith("HTTP/1.1 200");
        assertThat(first[1]).contains("\"userName\":\"bjensen\"");
        assertThat(second[0]).startsWith("HTTP/1.1 401");
        assertThat(third[0]).startsWith("HTTP/1.1 200");
        assertThat(third[1]).isEqualTo(first[1]);
      }
    }
  }

  @Test
  void head_answersTheLengthOfTheGet_withoutABody() throws Exception {
    try (StandaloneServer server = serve()) {
      String location = send("POST", at(server, "/Users"), TOKEN, USER).headers().firstValue("Location").orElseThrow();
      HttpResponse<String> get = send("GET", URI.create(location), TOKEN, null);
      // the same Host as the GET's, so that meta.location, and so the length, is the same
      Raw head = raw(server, "HEAD " + URI.create(location).getPath() + " HTTP/1.1\r\nHost: " + URI.create(location).getAuthority() + "\r\n"
          + "Authorization: Bearer " + TOKEN + "\r\nConnection: close\r\n\r\n");

      assertThat(head.status()).isEqualTo(200);
      assertThat(head.head().toLowerCase(Locale.ROOT))
          .contains("content-length: " + get.body().getBytes(StandardCharsets.UTF_8).length)
          .contains("etag: " + get.headers().firstValue("ETag").orElseThrow().toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void malformedEscapesInThePathOrQuery_areAScim400() throws Exception {
    try (StandaloneServer server = serve()) {
      for (String target : List.of("/Users/%zz", "/Users?filter=%zz", "/Us%zzers", "/Users?%zz=1", "/Users/abc%", "/Users?filter=a%2")) {
        Raw r = raw(server, "GET /scim/v2" + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            + "Authorization: Bearer " + TOKEN + "\r\n\r\n");
        r.assertScimError(400);
      }
    }
  }

  @Test
  void whatUndertowAndJerseyRefuse_isAScimErrorToo() throws Exception {
    try (StandaloneServer server = serve()) {
      for (String contentType : List.of(";;;==", "/", "application/")) {
        HttpResponse<String> r = HTTP.send(
            HttpRequest.newBuilder(at(server, "/Users"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(USER))
                .build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(contentType).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/scim+json");
        assertThat(r.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error").contains("\"status\":\"400\"");
      }
      Raw outside = raw(server, "GET /elsewhere HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      outside.assertScimError(404);
      assertThat(send("GET", at(server, "/Users"), TOKEN, null).statusCode()).as("still serving").isEqualTo(200);
    }
  }

  @Test
  @Timeout(30)
  void aHugeDeclaredLength_is413AtOnce_andTheConnectionIsClosedNotDrained() throws Exception {
    try (StandaloneServer server = serve()) {
      Raw r = raw(server, post("/Users", "Authorization: Bearer " + TOKEN, "Content-Length: " + (60L << 20)) + "{\"userName\":");

      r.assertScimError(413);
      assertThat(r.closed()).as("closed").isTrue();
      assertThat(r.millis()).isLessThan(5_000);
    }
  }

  @Test
  @Timeout(30)
  void aSlowBodyWithoutAValidToken_is401AtOnce_andTheConnectionIsClosed() throws Exception {
    try (StandaloneServer server = serve()) {
      for (String authorization : List.of("X-None: none", "Authorization: Bearer scimkit_not-a-valid-token-not-a-valid-token-0")) {
        Raw r = raw(server, post("/Users", authorization, "Content-Length: 100000") + "{");

        r.assertScimError(401);
        assertThat(r.closed()).as("closed, not drained").isTrue();
      }
    }
  }

  @Test
  @Timeout(30)
  void aSmallBodyRefusedUnread_butHereInFull_keepsTheConnection() throws Exception {
    // closing with unread data would reset the connection, and the client might lose its 401
    try (StandaloneServer server = serve()) {
      String body = "{\"userName\":\"x\"}";
      Raw r = raw(server, post("/Users", "Authorization: Bearer scimkit_not-valid", "Content-Length: " + body.length()) + body);

      r.assertScimError(401);
      assertThat(r.head().toLowerCase(Locale.ROOT)).doesNotContain("connection: close");
      assertThat(r.closed()).as("kept open").isFalse();
    }
  }

  @Test
  @Timeout(30)
  void aBodyThatDoesNotArriveInTime_closesTheConnection_andFreesTheWorker() throws Exception {
    try (StandaloneServer server = serve("--body-timeout", "1s")) {
      URI base = server.baseUri();
      try (Socket socket = new Socket(base.getHost(), base.getPort())) {
        socket.getOutputStream().write(
            (post("/Users", "Authorization: Bearer " + TOKEN, "Content-Length: 1000") + "{\"userName\":").getBytes(StandardCharsets.ISO_8859_1));
        socket.setSoTimeout(10_000);
        long start = System.nanoTime();
        byte[] rest = socket.getInputStream().readAllBytes(); // until the server closes
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("closed after the 1 s body timeout").isBetween(800L, 5_000L);
        assertThat(new String(rest, StandardCharsets.ISO_8859_1)).doesNotContain("201");
      }
      assertThat(send("POST", at(server, "/Users"), TOKEN, USER).statusCode()).isEqualTo(201);
    }
  }

  @Test
  @Timeout(30)
  void aHeadThatDoesNotEndInTime_closesTheConnection() throws Exception {
    try (StandaloneServer server = serve("--head-timeout", "1s")) {
      URI base = server.baseUri();
      try (Socket socket = new Socket(base.getHost(), base.getPort())) {
        socket.getOutputStream().write("GET /scim/v2/Users HTTP/1.1\r\nHost: local".getBytes(StandardCharsets.ISO_8859_1));
        socket.setSoTimeout(10_000);
        long start = System.nanoTime();

        assertThat(socket.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(800L, 5_000L);
      }
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
