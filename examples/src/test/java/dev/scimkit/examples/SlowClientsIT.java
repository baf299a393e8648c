package dev.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scimkit.examples.SlowClients.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The denial-of-service attacks of issue 11, against the real server ({@code java -jar
 * scimkit-server.jar}) with its timeouts lowered through its own options so that the test takes
 * seconds: 5,000 connections that never finish their request head and 64 that send a head
 * promising 100,000 bytes of body (a quarter with no token, a quarter with a bad one, half with a
 * valid one) and then a byte every 2 s, each reopened once the server has closed it; then 3,000 idle connections on top, beyond {@code
 * --max-connections}. Meanwhile a client with a valid token must get every answer, with a p99
 * under 100 ms (or under twice its p99 without the attack, when other builds load the machine so
 * much that this is higher), and the server's open file descriptors (counted in {@code /proc})
 * must stay under the connection limit.
 *
 * <p>The figures are printed: {@code mvn -pl examples -am verify -Dit.test=SlowClientsIT}.
 */
class SlowClientsIT {
  private static final String TOKEN = "slow-clients-it-token-0123456789abcdef";
  private static final int HEADS = 5_000;
  private static final int BODIES = 64;
  /** The 64 slow bodies: a quarter without a token, a quarter with a bad one, half with a valid one. */
  private static final List<Kind> SLOW_BODIES =
      List.of(Kind.SLOW_BODY, Kind.SLOW_BODY_BAD_TOKEN, Kind.SLOW_BODY_VALID_TOKEN, Kind.SLOW_BODY_VALID_TOKEN);
  private static final int IDLE = 3_000;
  private static final int MAX_CONNECTIONS = 6_000;
  private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(4);
  private static final Duration P99_LIMIT = Duration.ofMillis(100);
  /** Enough for 5,064 connections within 2 s and to replace each as the server closes it. */
  private static final int CONNECTS_PER_SECOND = 2_500;
  /** The valid client's connections: as many as the machine (CI: 2 cores) has cores. */
  private static final int CLIENT_CONNECTIONS = 2;

  @TempDir Path work;

  @Test
  @Timeout(240)
  void slowHeadsAndSlowBodies_leaveOtherClientsFast_andDescriptorsBounded() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "counts descriptors in /proc");
    int port = ServerJar.freePort();
    Process server =
        ServerJar.start(
            work,
            List.of("--port", Integer.toString(port),
                "--store", "memory", "--token", TOKEN,
                "--head-timeout", HEAD_TIMEOUT.toSeconds() + "s", "--body-timeout", "3s", "--idle-timeout", "4s",
                "--max-connections", Integer.toString(MAX_CONNECTIONS)));
    try {
      new ServerJar.Lines(server).await("Scimkit SCIM server listening at");
      Client client = new Client(URI.create("http://127.0.0.1:" + port + "/scim/v2"));
      client.run(Duration.ofSeconds(4)); // warm up: JIT and the first connections
      Latencies quiet = client.run(Duration.ofSeconds(3));
      long quietDescriptors = descriptors(server);
      System.out.println("SlowClientsIT quiet: " + quiet + ", " + quietDescriptors + " descriptors");

      try (SlowClients attack = new SlowClients(port, CONNECTS_PER_SECOND, TOKEN);
          DescriptorPeak peak = new DescriptorPeak(server)) {
        attack.add(Kind.SLOW_HEAD, HEADS);
        for (Kind body : SLOW_BODIES) {
          attack.add(body, BODIES / SLOW_BODIES.size());
        }
        Thread.sleep(1_000L * (HEADS + BODIES) / CONNECTS_PER_SECOND + 1_000); // all connected and trickling

        Latencies attacked = client.run(HEAD_TIMEOUT.multipliedBy(2).plusSeconds(1));

        long attackPeak = peak.get();
        System.out.println("SlowClientsIT under " + HEADS + " slow heads and " + BODIES + " slow bodies: " + attacked
            + "; server descriptors peak " + attackPeak + "; slow heads closed by the server " + attack.closedByServer(Kind.SLOW_HEAD)
            + "; slow bodies without a valid token answered " + (attack.answered(Kind.SLOW_BODY) + attack.answered(Kind.SLOW_BODY_BAD_TOKEN))
            + " and closed " + (attack.closedByServer(Kind.SLOW_BODY) + attack.closedByServer(Kind.SLOW_BODY_BAD_TOKEN))
            + "; slow bodies with a valid token closed " + attack.closedByServer(Kind.SLOW_BODY_VALID_TOKEN));
        assertThat(attacked.failures()).as("failed requests of the client with a token").isZero();
        // 100 ms, the bar; on a machine so busy (other builds) that the client's p99 is
        // over half of that with no attack at all, twice that quiet p99 instead
        Duration limit = P99_LIMIT.compareTo(quiet.p99().multipliedBy(2)) >= 0 ? P99_LIMIT : quiet.p99().multipliedBy(2);
        assertThat(attacked.p99()).as("p99 of the client with a token (limit %s ms)", limit.toMillis()).isLessThan(limit);
        assertThat(attack.closedByServer(Kind.SLOW_HEAD)).as("slow heads closed after the head timeout").isGreaterThanOrEqualTo(HEADS);
        for (Kind refused : List.of(Kind.SLOW_BODY, Kind.SLOW_BODY_BAD_TOKEN)) {
          assertThat(attack.answered(refused)).as("%s answered before the body came", refused).isGreaterThanOrEqualTo(BODIES / 4);
          assertThat(attack.closedByServer(refused)).as("%s closed, not drained", refused).isGreaterThanOrEqualTo(BODIES / 4);
        }
        assertThat(attack.closedByServer(Kind.SLOW_BODY_VALID_TOKEN)).as("slow bodies with a token closed after the body timeout")
            .isGreaterThanOrEqualTo(BODIES / 4);
        assertThat(attackPeak).as("descriptors under attack").isLessThan(MAX_CONNECTIONS + quietDescriptors);

        attack.add(Kind.IDLE, IDLE); // now more connections than --max-connections
        Thread.sleep(HEAD_TIMEOUT.toMillis());
        long overLimitPeak = peak.get();
        System.out.println("SlowClientsIT with " + (HEADS + BODIES + IDLE) + " attacking connections (limit "
            + MAX_CONNECTIONS + "): server descriptors peak " + overLimitPeak);
        assertThat(overLimitPeak).as("descriptors beyond the connection limit").isLessThan(MAX_CONNECTIONS + quietDescriptors);
      }

      // the attack is over: the server serves again and lets go of the attackers' descriptors
      client.awaitServing(Duration.ofSeconds(15));
      Latencies after = client.run(Duration.ofSeconds(2));
      assertThat(after.failures()).isZero();
      long afterDescriptors = awaitDescriptorsAtMost(server, quietDescriptors + 50, Duration.ofSeconds(15));
      System.out.println("SlowClientsIT after: " + after + ", " + afterDescriptors + " descriptors");
    } finally {
      server.destroy();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stops within its grace period").isTrue();
    }
  }

  /** Open file descriptors of a process, from {@code /proc/<pid>/fd}. */
  static long descriptors(Process p) {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(p.pid()), "fd"))) {
      return fds.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long awaitDescriptorsAtMost(Process p, long most, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    long now = descriptors(p);
    while (now > most && System.nanoTime() < deadline) {
      Thread.sleep(200);
      now = descriptors(p);
    }
    assertThat(now).as("descriptors once the attackers are gone").isLessThanOrEqualTo(most);
    return now;
  }

  /** The highest descriptor count of a process, sampled every 100 ms while open. */
  private static final class DescriptorPeak implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    DescriptorPeak(Process p) {
      sampler = new Thread(() -> {
        while (running) {
          peak.accumulateAndGet(descriptors(p), Math::max);
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "descriptor-peak");
      sampler.setDaemon(true);
      sampler.start();
    }

    long get() {
      return peak.get();
    }

    @Override
    public void close() {
      running = false;
      sampler.interrupt();
    }
  }

  /** Latencies of one run of the client with a valid token. */
  record Latencies(List<Duration> samples, int failures) {
    Duration percentile(double p) {
      List<Duration> sorted = new ArrayList<>(samples);
      Collections.sort(sorted);
      return sorted.isEmpty() ? Duration.ZERO : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    Duration p99() {
      return percentile(0.99);
    }

    @Override
    public String toString() {
      return samples.size() + " requests, p50 " + percentile(0.5).toMillis() + " ms, p99 " + p99().toMillis()
          + " ms, max " + percentile(1.0).toMillis() + " ms, " + failures + " failed";
    }
  }

  /**
   * An identity provider with a valid token: two connections, each creating a user, reading it
   * and looking it up by filter, one request after another, for a while.
   */
  private static final class Client {
    private final URI base;
    private final HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger names = new AtomicInteger();

    Client(URI base) {
      this.base = base;
    }

    Latencies run(Duration duration) throws Exception {
      ExecutorService threads = Executors.newFixedThreadPool(CLIENT_CONNECTIONS);
      try {
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Latencies>> runs = new ArrayList<>();
        for (int t = 0; t < CLIENT_CONNECTIONS; t++) {
          runs.add(threads.submit(() -> loop(end)));
        }
        List<Duration> all = new ArrayList<>();
        int failures = 0;
        for (Future<Latencies> run : runs) {
          all.addAll(run.get().samples());
          failures += run.get().failures();
        }
        return new Latencies(all, failures);
      } finally {
        threads.shutdownNow();
      }
    }

    /**
     * Waits for one answer: once the attackers are gone, the connections they filled are freed by
     * the server's timeouts, and the client's own pooled connections may have idled out.
     */
    void awaitServing(Duration within) throws InterruptedException {
      long deadline = System.nanoTime() + within.toNanos();
      while (true) {
        HttpResponse<String> r = timed(new ArrayList<>(), request("/ServiceProviderConfig").GET());
        if (r != null && r.statusCode() == 200) {
          return;
        }
        assertThat(System.nanoTime()).as("serving again within %s", within).isLessThan(deadline);
        Thread.sleep(200);
      }
    }

    private Latencies loop(long end) {
      List<Duration> samples = new ArrayList<>();
      int failures = 0;
      while (System.nanoTime() < end) {
        String userName = "user-" + names.incrementAndGet();
        HttpResponse<String> created =
            timed(samples, request("/Users").POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"" + userName + "\"}")));
        if (created == null || created.statusCode() != 201) {
          failures++;
          continue;
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> read = timed(samples, request(location.substring(base.toString().length())).GET());
        HttpResponse<String> found =
            timed(samples, request("/Users?filter=userName%20eq%20%22" + userName + "%22").GET());
        failures += (read == null || read.statusCode() != 200 ? 1 : 0) + (found == null || found.statusCode() != 200 ? 1 : 0);
      }
      return new Latencies(samples, failures);
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + TOKEN)
          .header("Content-Type", "application/scim+json");
    }

    private HttpResponse<String> timed(List<Duration> samples, HttpRequest.Builder request) {
      long start = System.nanoTime();
      try {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        samples.add(Duration.ofNanos(System.nanoTime() - start));
        return r;
      } catch (IOException e) {
        samples.add(Duration.ofNanos(System.nanoTime() - start));
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }
}
