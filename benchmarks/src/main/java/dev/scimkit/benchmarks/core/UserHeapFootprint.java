package dev.scimkit.benchmarks.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.store.InMemoryStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;

/**
 * Heap bytes per stored user in {@link InMemoryStore}: the used heap after full collections,
 * before and after creating {@code N} typical Entra users ({@link EntraUsers#userJson}: work
 * email, work address, two phones, enterprise extension) through {@link ScimEngine#create}, each
 * parsed from its own JSON text as the HTTP layer would (so no strings are shared between users),
 * divided by {@code N}. For comparison it also measures the same {@code N} bodies held only as
 * parsed Jackson trees, and prints the size of one body as JSON text.
 *
 * <p>Not a JMH benchmark: a figure of memory, not of time. Run:
 *
 * <pre>
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar dev.scimkit.benchmarks.core.UserHeapFootprint 100000
 * </pre>
 */
public final class UserHeapFootprint {
  private UserHeapFootprint() {}

  public static void main(String[] args) throws InterruptedException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    System.setProperty("org.slf4j.simpleLogger.log.dev.scimkit.audit", "warn");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    RequestContext ctx = RequestContext.defaultTenant();

    // warm the classes and JIT out of the measured window
    ScimEngine warm = ScimEngine.builder().storeProvider(new InMemoryStore()).auditListener(e -> {}).build();
    for (int i = 0; i < 2_000; i++) {
      warm.create("User", EntraUsers.parse(EntraUsers.userJson(i)), ctx, ResponseOptions.defaults());
    }
    warm = null;

    InMemoryStore store = new InMemoryStore();
    ScimEngine engine = ScimEngine.builder().storeProvider(store).auditListener(e -> {}).build();
    long before = usedAfterGc(memory);
    for (int i = 0; i < n; i++) {
      engine.create("User", EntraUsers.parse(EntraUsers.userJson(i)), ctx, ResponseOptions.defaults());
    }
    long after = usedAfterGc(memory);
    double perUser = (after - before) / (double) n;
    // keep the store reachable until after the measurement
    int stored = engine.search("User", dev.scimkit.core.SearchParameters.filter(
        "userName eq \"" + EntraUsers.userName(n - 1) + "\""), ctx, null).totalResults();

    JsonNode[] trees = new JsonNode[n];
    long beforeTrees = usedAfterGc(memory);
    for (int i = 0; i < n; i++) {
      trees[i] = EntraUsers.parse(EntraUsers.userJson(i));
    }
    long afterTrees = usedAfterGc(memory);
    double perTree = (afterTrees - beforeTrees) / (double) n;

    int textBytes = EntraUsers.userJson(n / 2).getBytes(StandardCharsets.UTF_8).length;
    System.out.printf("users stored:                 %d (lookup of the last one: %d)%n", n, stored);
    System.out.printf("heap per stored user:         %.0f bytes (used %d -> %d after GC)%n", perUser, before, after);
    System.out.printf("heap per parsed POST body:    %.0f bytes (Jackson tree alone, %d trees)%n", perTree, trees.length);
    System.out.printf("POST body as JSON text:       %d bytes (UTF-8)%n", textBytes);
    System.out.printf("JVM: %s %s, max heap %d MiB, GC %s%n",
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
