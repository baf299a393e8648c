package dev.scimkit.examples.server;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.auth.Authenticated;
import dev.scimkit.core.auth.Authenticator;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link BodyReadAhead} in front of a handler that reads bodies as a servlet does (blocking, on a
 * worker thread), on an Undertow with two worker threads.
 */
class BodyReadAheadTest {
  private static final String VALID = "valid-token-0123456789";
  private static final Authenticator TOKENS =
      token -> token.equals(VALID) ? Optional.of(new Authenticated("t", "p")) : Optional.empty();

  private Undertow server;
  private BodyReadAhead readAhead;
  private int port;

  /** Answers the number of body bytes it read, or 401 without reading for a request with no valid token. */
  private static final HttpHandler BLOCKING_READER =
      exchange -> {
        if (exchange.isInIoThread()) {
          exchange.dispatch(BodyReadAheadTest.BLOCKING_READER);
          return;
        }
        if (!("Bearer " + VALID).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
          exchange.setStatusCode(401);
          exchange.setPersistent(false);
          exchange.getResponseSender().send("no");
          return;
        }
        exchange.startBlocking();
        long n = exchange.getInputStream().readAllBytes().length;
        exchange.getResponseSender().send(Long.toString(n));
      };

  private void start(long budgetBytes) {
    server =
        Undertow.builder()
            .addHttpListener(0, "127.0.0.1")
            .setWorkerThreads(2)
            .setHandler(readAhead = new BodyReadAhead(BLOCKING_READER, TOKENS, 1 << 20, budgetBytes))
            .build();
    server.start();
    port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private Socket send(String head, String body) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(10_000);
    s.getOutputStream().write((head + body).getBytes(ISO_8859_1));
    return s;
  }

  private static String post(String authorization, long length, String... extra) {
    return "POST /x HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization + "\r\nContent-Length: " + length
        + "\r\n" + String.join("", java.util.Arrays.stream(extra).map(h -> h + "\r\n").toList()) + "\r\n";
  }

  private static String answer(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    StringBuilder text = new StringBuilder();
    while (!text.toString().contains("\r\n\r\n")) {
      int b = in.read();
      if (b == -1) {
        break;
      }
      text.append((char) b);
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: ([0-9]+)").matcher(text);
    if (m.find()) {
      text.append(new String(in.readNBytes(Integer.parseInt(m.group(1))), ISO_8859_1));
    }
    return text.toString();
  }

  @Test
  @Timeout(30)
  void slowBodiesWithAValidToken_holdNoWorker() throws Exception {
    start(64L << 20);
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) { // five times the worker threads
        slow.add(send(post("Bearer " + VALID, 1000), "{\"a\":"));
      }
      Thread.sleep(300);
      long start = System.nanoTime();
      try (Socket quick = send(post("Bearer " + VALID, 7), "{\"a\":1}")) {
        String answer = answer(quick);

        assertThat(answer).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n7");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
      }
      Socket first = slow.get(0);
      first.getOutputStream().write(("1" + " ".repeat(994) + "}").getBytes(ISO_8859_1));
      assertThat(answer(first)).as("a slow body, once whole, is served").endsWith("\r\n\r\n1000");
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  @Timeout(30)
  void manyBodiesOnOneKeepAliveConnection_registerOneCloseListener() throws Exception {
    start(64L << 20);
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      for (int i = 0; i < 200; i++) {
        s.getOutputStream().write((post("Bearer " + VALID, 7) + "{\"a\":1}").getBytes(ISO_8859_1));
        assertThat(answer(s)).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n7");
      }
      assertThat(readAhead.connectionsHooked()).as("close listeners, 200 requests on one connection").isEqualTo(1);
      assertThat(readAhead.buffered()).isZero();
    }
    try (Socket other = send(post("Bearer " + VALID, 7), "{\"a\":1}")) {
      assertThat(answer(other)).startsWith("HTTP/1.1 200");
      assertThat(readAhead.connectionsHooked()).isEqualTo(2);
    }
  }

  @Test
  @Timeout(30)
  void aConnectionClosedMidBody_givesBackWhatItsBodyHeld() throws Exception {
    start(64L << 20);
    try (Socket done = send(post("Bearer " + VALID, 7), "{\"a\":1}")) {
      assertThat(answer(done)).startsWith("HTTP/1.1 200"); // an earlier request on the connection
      done.getOutputStream().write((post("Bearer " + VALID, 100_000) + "x".repeat(20_000)).getBytes(ISO_8859_1));
      for (int i = 0; i < 100 && readAhead.buffered() == 0; i++) {
        Thread.sleep(50);
      }
      assertThat(readAhead.buffered()).as("held while the body arrives").isPositive();
    }
    for (int i = 0; i < 100 && readAhead.buffered() != 0; i++) {
      Thread.sleep(50);
    }
    assertThat(readAhead.buffered()).as("given back when the connection closed").isZero();
  }

  @Test
  @Timeout(30)
  void aBodyWithoutAValidToken_isNotReadAhead() throws Exception {
    start(64L << 20);
    try (Socket s = send(post("Bearer not-valid", 100_000), "{")) {
      assertThat(answer(s)).startsWith("HTTP/1.1 401");
    }
  }

  @Test
  @Timeout(30)
  void expectContinue_isAnsweredBeforeTheBodyIsRead() throws Exception {
    start(64L << 20);
    try (Socket s = send(post("Bearer " + VALID, 7, "Expect: 100-continue"), "")) {
      assertThat(answer(s)).startsWith("HTTP/1.1 100");
      s.getOutputStream().write("{\"a\":1}".getBytes(ISO_8859_1));
      assertThat(answer(s)).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n7");
    }
  }

  @Test
  @Timeout(30)
  void beyondTheMemoryBudget_is503_andTheConnectionCloses() throws Exception {
    start(40 * 1024); // two or three of Undertow's 16 KiB buffers
    try (Socket holder = send(post("Bearer " + VALID, 100_000), "x".repeat(20_000))) {
      Thread.sleep(500); // the holder's 20 KB fill two buffers, and it waits for the rest
      assertThat(holder.isConnected()).isTrue();
      try (Socket refused = send(post("Bearer " + VALID, 1_000), "x".repeat(1_000))) {
        String answer = answer(refused);

        assertThat(answer).startsWith("HTTP/1.1 503").contains("application/scim+json").contains("\"status\":\"503\"");
        assertThat(refused.getInputStream().read()).as("closed").isEqualTo(-1);
      }
    }
  }
}
