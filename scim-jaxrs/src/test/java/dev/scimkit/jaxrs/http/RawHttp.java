package dev.scimkit.jaxrs.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for what {@link ScimHttp}'s client refuses to send (a malformed
 * {@code %zz} escape, a head whose body never comes) and for watching the connection itself: when
 * the answer arrives, and whether the server then closes the connection.
 */
public final class RawHttp implements AutoCloseable {
  private final URI base;
  private final Socket socket;
  private final InputStream in;

  private RawHttp(URI base) throws IOException {
    this.base = base;
    this.socket = new Socket();
    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
    socket.setSoTimeout(10_000);
    this.in = socket.getInputStream();
  }

  /** A connection to the server of the SCIM base URI {@code base}. */
  public static RawHttp connect(URI base) {
    try {
      return new RawHttp(base);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to " + base, e);
    }
  }

  /**
   * Sends a request head for {@code method} and {@code target} (appended, unencoded, to the base
   * path), with {@code headers} (name, value, ...), then {@code body} if not null. {@code Host}
   * and {@code Connection: keep-alive} are added.
   */
  public RawHttp send(String method, String target, byte[] body, String... headers) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(base.getRawPath()).append(target).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
    for (int i = 0; i < headers.length; i += 2) {
      head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    head.append("\r\n");
    try {
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * Reads one response (a body by {@code Content-Length}, chunked, or up to the end of the
   * connection), as a {@link Reply} that the SCIM assertions accept. Fails if it takes longer than
   * {@code within}.
   */
  public Reply read(String method, Duration within) {
    long start = System.nanoTime();
    try {
      socket.setSoTimeout((int) Math.max(1, within.toMillis()));
      String statusLine = line();
      if (statusLine == null) {
        throw new IOException("the server closed the connection without answering");
      }
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String line = line(); line != null && !line.isEmpty(); line = line()) {
        int colon = line.indexOf(':');
        headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
      }
      byte[] body;
      String length = first(headers, "Content-Length");
      String encoding = first(headers, "Transfer-Encoding");
      if (method.equals("HEAD") || status == 204 || status == 304) {
        body = new byte[0];
      } else if (length != null) {
        body = in.readNBytes(Integer.parseInt(length));
      } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
        body = chunked();
      } else {
        body = in.readAllBytes();
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      return new Reply(
          method,
          URI.create(base.toString()),
          null,
          status,
          HttpHeaders.of(headers, (a, b) -> true),
          new String(body, UTF_8),
          elapsed);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no complete answer within " + within, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the server closes the connection (the next read ends) within {@code within}, rather
   * than keeping it open for another request.
   */
  public boolean closedWithin(Duration within) {
    try {
      socket.setSoTimeout((int) Math.max(1, within.toMillis()));
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by the server
    }
  }

  private byte[] chunked() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String size = line(); size != null; size = line()) {
      int n = Integer.parseInt(size.split(";")[0].trim(), 16);
      if (n == 0) {
        for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
          // trailers are not needed
        }
        break;
      }
      out.write(in.readNBytes(n));
      line(); // the CRLF after the chunk
    }
    return out.toByteArray();
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        String s = line.toString(ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(ISO_8859_1);
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a test connection: nothing to do
    }
  }
}
