package dev.scimkit.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimkit.benchmarks.core.EntraUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads a running SCIM server over HTTP for the {@code wrk} benchmark ({@code benchmarks/wrk}):
 * {@code --users} typical Entra users ({@link EntraUsers#userJson}, {@code POST /Users}), then
 * {@code --groups} groups ({@code POST /Groups}, no members), each given {@code --group-size}
 * members by Entra's add-member {@code PATCH} (in batches of up to 1,000), the first groups taking
 * the first users. Any SCIM server will do: the same bodies load Scimkit and the SCIMple peer.
 *
 * <p>Writes into {@code --out}: {@code ids.txt} and {@code usernames.txt} (every user, in order),
 * {@code groups.txt} (the group ids) and {@code free.txt} (the ids of the users in no group, the
 * pool the member PATCH script adds and removes).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.scimkit.benchmarks.http.HttpSeed \
 *     --base http://127.0.0.1:8080/scim/v2 --token "$TOKEN" --users 10000 --groups 501 --group-size 10 --out /tmp/seed
 * </pre>
 *
 * Options: {@code --threads 8} (connections used to load), {@code --token} (omit for a server
 * without authentication), {@code --sizes 10,100000} (groups of these sizes, in this order,
 * instead of {@code --groups} groups of {@code --group-size}).
 */
public final class HttpSeed {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 1_000;

  private HttpSeed() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = HttpLoad.options(args);
    String base = required(opts, "base");
    String token = opts.get("token");
    int users = Integer.parseInt(opts.getOrDefault("users", "10000"));
    int[] sizes;
    if (opts.containsKey("sizes")) {
      sizes = Arrays.stream(opts.get("sizes").split(",")).mapToInt(Integer::parseInt).toArray();
    } else {
      sizes = new int[Integer.parseInt(opts.getOrDefault("groups", "501"))];
      Arrays.fill(sizes, Integer.parseInt(opts.getOrDefault("group-size", "10")));
    }
    int groups = sizes.length;
    int inGroups = Arrays.stream(sizes).sum();
    int threads = Integer.parseInt(opts.getOrDefault("threads", "8"));
    Path out = Path.of(required(opts, "out"));
    if (inGroups > users) {
      throw new IllegalArgumentException("the groups need more members than there are users");
    }
    Files.createDirectories(out);
    HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    Http http = new Http(client, base, token);

    long t0 = System.nanoTime();
    String[] ids = new String[users];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < users; ) {
            ids[i] = http.send("POST", "/Users", EntraUsers.userJson(i), 201).get("id").asText();
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    System.out.printf("created %d users in %.1f s%n", users, (System.nanoTime() - t0) / 1e9);

    String[] groupIds = new String[groups];
    int first = 0;
    for (int g = 0; g < groups; g++) {
      groupIds[g] = http.send("POST", "/Groups", EntraUsers.groupJson("Load group " + g), 201).get("id").asText();
      for (int from = first; from < first + sizes[g]; from += BATCH) {
        int to = Math.min(first + sizes[g], from + BATCH);
        http.send("PATCH", "/Groups/" + groupIds[g], addMembers(Arrays.copyOfRange(ids, from, to)), 200, 204);
      }
      first += sizes[g];
    }
    System.out.printf("created %d groups (%d members in all); %.1f s in all%n", groups, inGroups, (System.nanoTime() - t0) / 1e9);

    List<String> names = new ArrayList<>(users);
    for (int i = 0; i < users; i++) {
      names.add(EntraUsers.userName(i));
    }
    Files.write(out.resolve("ids.txt"), Arrays.asList(ids));
    Files.write(out.resolve("usernames.txt"), names);
    Files.write(out.resolve("groups.txt"), Arrays.asList(groupIds));
    Files.write(out.resolve("free.txt"), Arrays.asList(ids).subList(inGroups, users));
  }

  /** Entra's add-member PATCH for several members at once. */
  private static String addMembers(String[] memberIds) {
    StringBuilder values = new StringBuilder();
    for (String id : memberIds) {
      values.append(values.isEmpty() ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
    }
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
        + "{\"op\":\"Add\",\"path\":\"members\",\"value\":[" + values + "]}]}";
  }

  private record Http(HttpClient client, String base, String token) {
    JsonNode send(String method, String path, String body, int... expected) throws IOException, InterruptedException {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path))
              .method(method, HttpRequest.BodyPublishers.ofString(body))
              .header("Content-Type", "application/scim+json; charset=utf-8")
              .header("Accept", "application/scim+json");
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      for (int status : expected) {
        if (r.statusCode() == status) {
          return r.body().isEmpty() ? null : JSON.readTree(r.body());
        }
      }
      throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  private static String required(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }
}
