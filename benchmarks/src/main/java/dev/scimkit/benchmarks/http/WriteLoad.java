package dev.scimkit.benchmarks.http;

import dev.scimkit.benchmarks.core.EntraUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Write throughput of a running SCIM server over loopback: {@code --connections} threads, each on
 * a keep-alive connection, send {@code POST /Users} of a new typical user, then (with {@code
 * --mix}) a {@code PATCH} of it, back to back for {@code --seconds} after a {@code --warmup}; it
 * prints writes per second and latency percentiles. It measures what a store's durability costs:
 * run it against the standalone server on the store to compare.
 *
 * <p>Every latency is that of one request, from sending it to its whole answer, with no
 * correction: wrk, by contrast, adds samples for the requests a constant-rate client would have
 * sent while one was delayed (its "coordinated omission" correction), so its percentiles weigh a
 * stall more. {@code --entra} sends the typical Entra user of {@link EntraUsers#userJson} (a new
 * {@code userName} every request) instead of a small user; {@code --result} adds a line in the
 * format of {@code benchmarks/wrk/lib.lua}'s {@code RESULT} line; {@code --slices K} measures K
 * windows of {@code --seconds} one after the other in the same process (its JIT warm), printing
 * each as it ends ({@code benchmarks/wrk/post-growth.sh} with {@code CLIENT=java} reads them).
 *
 * <pre>
 * java -jar examples/target/scimkit-server.jar --store h2:/tmp/h2-bench --token $TOKEN &amp;
 * java -cp benchmarks/target/benchmarks.jar dev.scimkit.benchmarks.http.WriteLoad \
 *     --url http://127.0.0.1:8080/scim/v2 --token $TOKEN --connections 8 --warmup 10 --seconds 20
 * </pre>
 */
public final class WriteLoad {
  private WriteLoad() {}

  public static void main(String[] args) throws Exception {
    String url = "http://127.0.0.1:8080/scim/v2";
    String token = null;
    int connections = 8;
    int warmup = 10;
    int seconds = 20;
    boolean mix = false;
    boolean entra = false;
    boolean result = false;
    int slices = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--token" -> token = args[++i];
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--mix" -> mix = true;
        case "--entra" -> entra = true;
        case "--result" -> result = true;
        case "--slices" -> slices = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (token == null) {
      throw new IllegalArgumentException("--token is required");
    }
    if (warmup > 0) {
      run(url, token, connections, warmup, "warm-up", mix, entra);
    }
    for (int slice = 1; slice <= slices; slice++) {
      Result r = run(url, token, connections, seconds, slices == 1 ? "measured" : "slice" + slice, mix, entra);
      System.out.println(r);
      if (result) {
        System.out.println(r.resultLine());
      }
      System.out.flush();
    }
  }

  record Result(
      String phase, int connections, long writes, long errors, long failures, double seconds, long[] sortedNanos) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%s: %d connections, %d writes in %.1f s = %.0f writes/s, p50 %.2f ms, p99 %.2f ms, errors %d",
          phase, connections, writes, seconds, writes / seconds, percentile(0.50), percentile(0.99),
          errors + failures);
    }

    /** The figures as {@code benchmarks/wrk/lib.lua} prints them, so that scripts read either. */
    String resultLine() {
      return String.format(Locale.ROOT,
          "RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d"
              + " non2xx=%d connect=0 read=%d write=0 timeout=0",
          writes + errors, Math.round(seconds * 1e6), writes / seconds, micros(0.50), micros(0.90), micros(0.99),
          micros(0.999), sortedNanos.length == 0 ? 0 : sortedNanos[sortedNanos.length - 1] / 1000,
          errors, failures);
    }

    private long micros(double p) {
      double millis = percentile(p);
      return Double.isNaN(millis) ? 0 : Math.round(millis * 1000);
    }

    double percentile(double p) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.floor(p * sortedNanos.length))] / 1e6;
    }
  }

  private static Result run(
      String url, String token, int connections, int seconds, String phase, boolean mix, boolean entra)
      throws InterruptedException {
    AtomicLong writes = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long started = System.nanoTime();
    String run = Long.toString(System.nanoTime(), 36);
    for (int c = 0; c < connections; c++) {
      long[][] mine = {new long[1 << 16]};
      int[] count = {0};
      int connection = c;
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      Thread t = new Thread(() -> {
        for (int n = 0; System.nanoTime() < end; n++) {
          String body = entra
              ? EntraUsers.userJson(n, phase + "." + run + "." + connection + "." + n + "@contoso.com")
              : "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
              + "\"userName\":\"" + phase + "-" + run + "-" + connection + "-" + n + "@example.com\","
              + "\"active\":true,\"displayName\":\"Write Load\",\"name\":{\"givenName\":\"Write\",\"familyName\":\"Load\"},"
              + "\"emails\":[{\"type\":\"work\",\"primary\":true,\"value\":\"w" + n + "@example.com\"}],"
              + "\"externalId\":\"" + run + "-" + connection + "-" + n + "\"}";
          String id = send(http, "POST", url + "/Users", token, body, 201, writes, errors, failures, mine, count);
          if (mix && id != null) {
            send(http, "PATCH", url + "/Users/" + id, token,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                    + "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}",
                200, writes, errors, failures, mine, count);
          }
        }
        synchronized (latencies) {
          latencies.add(Arrays.copyOf(mine[0], count[0]));
        }
      }, "write-load-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(phase, connections, writes.get(), errors.get(), failures.get(), elapsed, all);
  }

  /**
   * Sends one write; returns the created id for a POST, records its latency. An unexpected status
   * counts in {@code errors}, a request that got no answer in {@code failures}.
   */
  private static String send(HttpClient http, String method, String url, String token, String body, int expected,
      AtomicLong writes, AtomicLong errors, AtomicLong failures, long[][] latencies, int[] count) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/scim+json")
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .build();
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      long nanos = System.nanoTime() - t0;
      if (r.statusCode() != expected) {
        errors.incrementAndGet();
        return null;
      }
      writes.incrementAndGet();
      if (count[0] == latencies[0].length) {
        latencies[0] = Arrays.copyOf(latencies[0], latencies[0].length * 2);
      }
      latencies[0][count[0]++] = nanos;
      if (!method.equals("POST")) {
        return null;
      }
      int i = r.body().indexOf("\"id\":\"");
      return i < 0 ? null : r.body().substring(i + 6, r.body().indexOf('"', i + 6));
    } catch (Exception e) {
      failures.incrementAndGet();
      return null;
    }
  }
}
