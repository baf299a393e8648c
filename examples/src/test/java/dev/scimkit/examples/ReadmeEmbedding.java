package dev.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The README's embedding section, for the tests that prove it: its dependency block and its
 * snippet as the README has them now, the host app they are added to ({@code
 * examples/src/test/readme-host/Host.java}), run as a process, and what that app must answer.
 */
final class ReadmeEmbedding implements AutoCloseable {
  /** The host app's source: compiled with the snippet, in the default package as the snippet is. */
  static final Path HOST_SOURCE = ServerJar.ROOT.resolve("examples/src/test/readme-host/Host.java");

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final Process process;
  private final String api;
  private final String token;

  private ReadmeEmbedding(Process process, String api, String token) {
    this.process = process;
    this.api = api;
    this.token = token;
  }

  /** The README's code blocks of one language, in order. */
  static List<String> blocks(String language) throws IOException {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(ServerJar.ROOT.resolve("README.md")));
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** The first {@code xml} block: the BOM import and the modules. */
  static String dependencyBlock() throws IOException {
    return blocks("xml").get(0);
  }

  /** The {@code java} block that declares {@code class Scim}. */
  static String snippet() throws IOException {
    return blocks("java").stream().filter(b -> b.contains("class Scim")).findFirst()
        .orElseThrow(() -> new AssertionError("no java block of the README declares class Scim"));
  }

  /**
   * Runs the host ({@code command}, in {@code work}, its stderr to {@code work/host-stderr.txt})
   * and waits until it has printed its base URI and token.
   */
  static ReadmeEmbedding start(Path work, List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(work.toFile())
        .redirectError(work.resolve("host-stderr.txt").toFile()).start();
    try {
      ServerJar.Lines out = new ServerJar.Lines(process);
      String api = out.await("api ").substring("api ".length());
      String token = out.await("token ").substring("token ".length());
      return new ReadmeEmbedding(process, api, token);
    } catch (AssertionError | RuntimeException e) {
      process.destroyForcibly();
      throw new AssertionError("the host did not start: " + Files.readString(work.resolve("host-stderr.txt")), e);
    }
  }

  /**
   * SCIM answers under {@code /api/scim/v2}: a create with the organisation's token is {@code
   * 201} at a location under it, and a request without a token is a SCIM {@code 401}.
   */
  void checkScim() throws IOException, InterruptedException {
    HttpResponse<String> created = send("POST", api + "/scim/v2/Users", "{\"userName\":\"bjensen\"}",
        "Authorization", "Bearer " + token, "Content-Type", "application/scim+json");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location").orElseThrow()).startsWith(api + "/scim/v2/Users/");
    HttpResponse<String> anonymous = send("GET", api + "/scim/v2/Users", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).contains("scim");
  }

  /**
   * The host keeps its own answers, with and without a SCIM token: {@code /api/hello}, its own
   * {@code 401} with its own {@code WWW-Authenticate}, and {@code 404} and {@code 405} with no
   * SCIM body or media type.
   */
  void checkTheHostsOwnAnswers() throws IOException, InterruptedException {
    assertThat(send("GET", api + "/hello", null).body()).isEqualTo("hello");
    for (String[] auth : new String[][] {{}, {"Authorization", "Bearer " + token}}) {
      HttpResponse<String> unauthorized = send("GET", api + "/private", null, auth);
      assertThat(unauthorized.statusCode()).isEqualTo(401);
      assertThat(unauthorized.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"app\"");
      HttpResponse<String> notFound = send("GET", api + "/nope", null, auth);
      assertThat(notFound.statusCode()).isEqualTo(404);
      assertThat(notFound.headers().firstValue("WWW-Authenticate")).isEmpty();
      String[] textBody = Stream.concat(Stream.of(auth), Stream.of("Content-Type", "text/plain")).toArray(String[]::new);
      HttpResponse<String> wrongMethod = send("POST", api + "/hello", "x", textBody);
      assertThat(wrongMethod.statusCode()).isEqualTo(405);
      for (HttpResponse<String> r : List.of(unauthorized, notFound, wrongMethod)) {
        assertThat(r.body()).as("%s", r).doesNotContain("urn:ietf:params:scim");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as("%s", r).doesNotContain("scim");
      }
    }
  }

  private static HttpResponse<String> send(String method, String uri, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Closes the host's standard input, which stops it, and waits for it to end. */
  @Override
  public void close() throws IOException {
    process.getOutputStream().close();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the host did not stop within 20 s of its standard input ending");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
