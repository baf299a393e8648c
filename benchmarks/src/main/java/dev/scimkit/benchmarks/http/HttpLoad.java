package dev.scimkit.benchmarks.http;

import com.sun.management.OperatingSystemMXBean;
import dev.scimkit.benchmarks.core.EntraUsers;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.store.ResourceStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

/**
 * A loopback HTTP load generator for Scimkit's JAX-RS endpoint (issue 4, "Speed"): it starts the
 * server in this JVM ({@link BenchServer}: Jersey in Undertow, {@code InMemoryStore},
 * organisation-token authentication on), loads 100,000 typical Entra users and 20 groups through
 * the engine, and then, for each number of connections, runs each scenario: a warm-up of a few
 * seconds, then a fixed number of requests (by default the warm-up's rate times {@code
 * --seconds}, printed with the results) over that many keep-alive connections of one {@code
 * java.net.http.HttpClient} (HTTP/1.1: Grizzly-style h2c upgrades are not offered), one platform
 * thread per connection sending synchronously.
 *
 * <p>Scenarios:
 *
 * <ul>
 *   <li>{@code bare}: the ceiling, {@code GET /bare/Users/{id}} of {@link BareUserResource},
 *       answering the bytes Scimkit answers for a user, no authentication;
 *   <li>{@code bare-auth}: the same with the bearer token checked by the same authenticator;
 *   <li>{@code get}: {@code GET /Users/{id}} of a random user;
 *   <li>{@code filter}: {@code GET /Users?filter=userName+eq+%22…%22} of a random user
 *       (form-encoded, as Entra sends it);
 *   <li>{@code post}: {@code POST /Users} of a new typical Entra user (the users created are
 *       deleted through the engine afterwards, unmeasured, so every scenario sees 100,000 users);
 *   <li>{@code patch}: Entra's group add-member {@code PATCH /Groups/{id}} ({@code 204}), each
 *       request adding another user to one of the 20 groups.
 * </ul>
 *
 * <p>For each it reports throughput, latency percentiles, and CPU per request split into the
 * server's threads (Undertow's {@code XNIO-*} I/O and worker threads, where Jersey and Scimkit
 * run), the load generator's threads, and the rest of the process (GC, JIT). Load generator and
 * server share the machine's cores, so throughput is that of the pair; server CPU per request is
 * the figure least disturbed by the load generator.
 *
 * <pre>
 * java -Xms3g -Xmx3g -cp benchmarks/target/benchmarks.jar dev.scimkit.benchmarks.http.HttpLoad \
 *     --connections 8,32 --warmup 5 --seconds 20 --prewarm 60
 * </pre>
 *
 * Options: {@code --connections 8,32}, {@code --users 100000}, {@code --warmup SECONDS}, {@code
 * --seconds SECONDS} (per measurement, used to size the fixed count), {@code --prewarm SECONDS}
 * (before anything is measured, every scenario in turn, twice; default 60: on two cores the JIT
 * needs more than a minute of load before the ceiling stops rising), {@code --requests N} (a
 * fixed count for every scenario instead), {@code --scenarios bare,bare-auth,get,filter,patch,post,bare},
 * {@code --audit-log FILE|stderr|off} (default: a file in the temporary directory).
 */
public final class HttpLoad {
  private static final int GROUPS = 20;
  private static final int KEYS = 4096;

  private HttpLoad() {}

  private record Scenario(String name, int expected, LongFunction<HttpRequest> request) {}

  private record Result(
      String scenario,
      int connections,
      long requests,
      long errors,
      double seconds,
      long[] latencies,
      long serverCpu,
      long clientCpu,
      long otherCpu,
      String firstError) {
    double rps() {
      return requests / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    String audit = opts.getOrDefault("audit-log",
        System.getProperty("java.io.tmpdir") + "/scimkit-httpload-audit.log");
    if (audit.equals("off")) {
      System.setProperty("org.slf4j.simpleLogger.log.dev.scimkit.audit", "warn");
    } else if (!audit.equals("stderr")) {
      System.setProperty("org.slf4j.simpleLogger.logFile", audit);
    }
    int[] connections = Arrays.stream(opts.getOrDefault("connections", "8,32").split(",")).mapToInt(Integer::parseInt).toArray();
    int users = Integer.parseInt(opts.getOrDefault("users", "100000"));
    double warmup = Double.parseDouble(opts.getOrDefault("warmup", "5"));
    double seconds = Double.parseDouble(opts.getOrDefault("seconds", "20"));
    long fixed = Long.parseLong(opts.getOrDefault("requests", "0"));
    double prewarm = Double.parseDouble(opts.getOrDefault("prewarm", "60"));
    List<String> scenarioNames = List.of(opts.getOrDefault("scenarios", "bare,bare-auth,get,filter,patch,post,bare").split(","));

    try (BenchServer server = BenchServer.start("127.0.0.1", 0)) {
      ScimEngine engine = server.engine;
      RequestContext ctx = RequestContext.defaultTenant();
      ResponseOptions at = ResponseOptions.at(server.baseUri.toString());
      long t0 = System.nanoTime();
      String[] ids = new String[users];
      for (int i = 0; i < users; i++) {
        ids[i] = engine.create("User", EntraUsers.parse(EntraUsers.userJson(i)), ctx, at).id();
      }
      String[] groupIds = new String[GROUPS];
      for (int g = 0; g < GROUPS; g++) {
        groupIds[g] = engine.create("Group", EntraUsers.parse(EntraUsers.groupJson("Group " + g)), ctx, at).id();
      }
      System.out.printf("loaded %d users and %d groups through the engine in %.1f s%n", users, GROUPS, (System.nanoTime() - t0) / 1e9);

      HttpClient client =
          HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
      String base = server.baseUri.toString();
      String bearer = "Bearer " + server.token;

      // the ceiling answers exactly what GET /Users/{id} answers
      HttpResponse<byte[]> sample =
          client.send(get(base + "/Users/" + ids[0], bearer), HttpResponse.BodyHandlers.ofByteArray());
      if (sample.statusCode() != 200) {
        throw new IllegalStateException("GET /Users/{id} answered " + sample.statusCode());
      }
      server.bare.body = sample.body();
      System.out.printf("GET /Users/{id} body: %d bytes; headers %s%n", sample.body().length, sample.headers().map().keySet());

      SplittableRandom random = new SplittableRandom(7);
      int[] pick = new int[KEYS];
      for (int k = 0; k < KEYS; k++) {
        pick[k] = random.nextInt(users);
      }
      HttpRequest[] bareRequests = new HttpRequest[KEYS];
      HttpRequest[] bareAuthRequests = new HttpRequest[KEYS];
      HttpRequest[] getRequests = new HttpRequest[KEYS];
      HttpRequest[] filterRequests = new HttpRequest[KEYS];
      for (int k = 0; k < KEYS; k++) {
        String id = ids[pick[k]];
        bareRequests[k] = get(base + "/bare/Users/" + id, null);
        bareAuthRequests[k] = get(base + "/bare-auth/Users/" + id, bearer);
        getRequests[k] = get(base + "/Users/" + id, bearer);
        String filter = "userName eq \"" + EntraUsers.userName(pick[k]) + "\"";
        filterRequests[k] = get(base + "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), bearer);
      }
      AtomicLong postSeq = new AtomicLong(users);
      AtomicLong patchSeq = new AtomicLong();
      Queue<String> created = new ConcurrentLinkedQueue<>();
      Map<String, Scenario> scenarios = new HashMap<>();
      scenarios.put("bare", new Scenario("bare", 200, i -> bareRequests[(int) (i & (KEYS - 1))]));
      scenarios.put("bare-auth", new Scenario("bare-auth", 200, i -> bareAuthRequests[(int) (i & (KEYS - 1))]));
      scenarios.put("get", new Scenario("get", 200, i -> getRequests[(int) (i & (KEYS - 1))]));
      scenarios.put("filter", new Scenario("filter", 200, i -> filterRequests[(int) (i & (KEYS - 1))]));
      scenarios.put("post", new Scenario("post", 201,
          i -> send("POST", base + "/Users", bearer, EntraUsers.userJson((int) postSeq.getAndIncrement()))));
      scenarios.put("patch", new Scenario("patch", 204, i -> {
        long n = patchSeq.getAndIncrement();
        String group = groupIds[(int) (n % GROUPS)];
        String member = ids[(int) ((n / GROUPS) % users)];
        return send("PATCH", base + "/Groups/" + group, bearer, EntraUsers.addMemberJson(member));
      }));

      printMachine();
      // JIT warm-up of every code path before anything is measured: each scenario in turn, twice
      List<String> distinct = scenarioNames.stream().distinct().toList();
      for (int round = 0; round < 2; round++) {
        for (String name : distinct) {
          run(client, scenarios.get(name), connections[0], Long.MAX_VALUE, prewarm / (2.0 * distinct.size()),
              name.equals("post") ? created : null);
          for (String id; (id = created.poll()) != null; ) {
            engine.delete("User", id, ResourceStore.ANY_VERSION, ctx);
          }
        }
      }
      System.out.printf("pre-warmed every scenario for %.0f s in all%n", prewarm);
      List<Result> results = new ArrayList<>();
      for (int c : connections) {
        for (String name : scenarioNames) {
          Scenario s = scenarios.get(name);
          if (s == null) {
            throw new IllegalArgumentException("no scenario " + name);
          }
          Result w = run(client, s, c, Long.MAX_VALUE, warmup, name.equals("post") ? created : null);
          long count = fixed > 0 ? fixed : Math.max(1000, Math.round(w.rps() * seconds / 1000) * 1000);
          Result r = run(client, s, c, count, Double.MAX_VALUE, name.equals("post") ? created : null);
          results.add(r);
          print(r, w);
          for (String id; (id = created.poll()) != null; ) {
            engine.delete("User", id, ResourceStore.ANY_VERSION, ctx);
          }
        }
      }
      System.out.println();
      table(results);
    }
  }

  private static HttpRequest get(String uri, String bearer) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).GET().header("Accept", "application/scim+json");
    if (bearer != null) {
      b.header("Authorization", bearer);
    }
    return b.build();
  }

  private static HttpRequest send(String method, String uri, String bearer, String body) {
    return HttpRequest.newBuilder(URI.create(uri))
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .header("Accept", "application/scim+json")
        .header("Content-Type", "application/scim+json; charset=utf-8")
        .header("Authorization", bearer)
        .build();
  }

  /**
   * Sends {@code count} requests of {@code s} (or as many as fit in {@code maxSeconds}) over
   * {@code connections} threads.
   */
  private static Result run(
      HttpClient client, Scenario s, int connections, long count, double maxSeconds, Queue<String> created)
      throws InterruptedException {
    int capacity = (int) Math.min(count, 4_000_000L);
    long[] latencies = new long[capacity];
    AtomicLong next = new AtomicLong();
    AtomicLong done = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    long deadline = maxSeconds == Double.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + (long) (maxSeconds * 1e9);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < connections; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (long i; (i = next.getAndIncrement()) < count && i < capacity; ) {
                    if (System.nanoTime() > deadline) {
                      break;
                    }
                    HttpRequest request = s.request().apply(i);
                    long begin = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    latencies[(int) i] = System.nanoTime() - begin;
                    done.incrementAndGet();
                    if (response.statusCode() != s.expected()) {
                      errors.incrementAndGet();
                      firstError.compareAndSet(null, response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
                    } else if (created != null) {
                      response.headers().firstValue("Location").ifPresent(l -> created.add(l.substring(l.lastIndexOf('/') + 1)));
                    }
                  }
                } catch (Exception e) {
                  errors.incrementAndGet();
                  firstError.compareAndSet(null, e.toString());
                }
              },
              "load-" + t);
      threads.add(thread);
      thread.start();
    }
    Cpu before = Cpu.now();
    long begin = System.nanoTime();
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - begin) / 1e9;
    Cpu after = Cpu.now();
    long n = done.get();
    long[] measured = new long[(int) n];
    int j = 0;
    for (int i = 0; i < capacity && j < n; i++) {
      if (latencies[i] != 0) {
        measured[j++] = latencies[i];
      }
    }
    measured = Arrays.copyOf(measured, j);
    Arrays.sort(measured);
    return new Result(
        s.name(), connections, n, errors.get(), elapsed, measured,
        after.server - before.server, after.client - before.client,
        (after.process - before.process) - (after.server - before.server) - (after.client - before.client),
        firstError.get());
  }

  /** CPU time so far of the server's threads, the load generator's threads, and the process. */
  private record Cpu(long server, long client, long process) {
    static Cpu now() {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long server = 0;
      long client = 0;
      long[] ids = threads.getAllThreadIds();
      ThreadInfo[] infos = threads.getThreadInfo(ids);
      for (int i = 0; i < ids.length; i++) {
        if (infos[i] == null) {
          continue;
        }
        long cpu = threads.getThreadCpuTime(ids[i]);
        if (cpu < 0) {
          continue;
        }
        String name = infos[i].getThreadName();
        if (name.startsWith("XNIO-")) {
          server += cpu;
        } else if (name.startsWith("load-") || name.startsWith("HttpClient-")) {
          client += cpu;
        }
      }
      long process = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
      return new Cpu(server, client, process);
    }
  }

  private static void print(Result r, Result warm) {
    System.out.printf(Locale.ROOT,
        "%-9s c=%-3d n=%-8d (warm-up %d in %.1f s)  %8.0f req/s  p50 %.3f ms  p99 %.3f ms  server %.0f us/req  client %.0f us/req  other %.0f us/req  errors %d%s%n",
        r.scenario(), r.connections(), r.requests(), warm.requests(), warm.seconds(), r.rps(),
        pct(r, 0.50), pct(r, 0.99), r.serverCpu() / 1e3 / r.requests(), r.clientCpu() / 1e3 / r.requests(),
        r.otherCpu() / 1e3 / r.requests(), r.errors(), r.firstError() == null ? "" : " first: " + r.firstError());
  }

  private static double pct(Result r, double p) {
    long[] l = r.latencies();
    if (l.length == 0) {
      return Double.NaN;
    }
    return l[(int) Math.min(l.length - 1, Math.ceil(p * l.length) - 1)] / 1e6;
  }

  private static void table(List<Result> results) {
    System.out.println("| scenario | conns | requests | seconds | req/s | p50 ms | p99 ms | p99.9 ms | server CPU us/req | client CPU us/req | other CPU us/req | errors |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.0f | %.3f | %.3f | %.3f | %.0f | %.0f | %.0f | %d |%n",
          r.scenario(), r.connections(), r.requests(), r.seconds(), r.rps(), pct(r, 0.5), pct(r, 0.99), pct(r, 0.999),
          r.serverCpu() / 1e3 / r.requests(), r.clientCpu() / 1e3 / r.requests(), r.otherCpu() / 1e3 / r.requests(),
          r.errors());
    }
    System.out.println();
    Map<Integer, Map<String, Result>> by = new LinkedHashMap<>();
    for (Result r : results) {
      by.computeIfAbsent(r.connections(), k -> new LinkedHashMap<>()).putIfAbsent(r.scenario(), r);
    }
    System.out.println("| conns | vs | get req/s | filter req/s | get server-CPU ratio | filter server-CPU ratio |");
    System.out.println("|---:|---|---:|---:|---:|---:|");
    for (Map.Entry<Integer, Map<String, Result>> e : by.entrySet()) {
      Map<String, Result> m = e.getValue();
      for (String ceiling : List.of("bare", "bare-auth")) {
        Result c = m.get(ceiling);
        Result g = m.get("get");
        Result f = m.get("filter");
        if (c == null || g == null || f == null) {
          continue;
        }
        double cs = c.serverCpu() / (double) c.requests();
        System.out.printf(Locale.ROOT, "| %d | %s | %.0f%% | %.0f%% | %.0f%% | %.0f%% |%n", e.getKey(), ceiling,
            100 * g.rps() / c.rps(), 100 * f.rps() / c.rps(),
            100 * cs / (g.serverCpu() / (double) g.requests()), 100 * cs / (f.serverCpu() / (double) f.requests()));
      }
    }
  }

  private static void printMachine() {
    System.out.printf("JVM %s %s, %d processors, max heap %d MiB%n", System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
  }

  /** {@code --name value} and {@code --name=value} pairs; the load tools of this package share them. */
  static Map<String, String> options(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      int eq = a.indexOf('=');
      if (eq > 0) {
        m.put(a.substring(2, eq), a.substring(eq + 1));
      } else {
        m.put(a.substring(2), args[++i]);
      }
    }
    return m;
  }
}
