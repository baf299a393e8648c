package dev.scimkit.benchmarks.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimResource;
import dev.scimkit.core.patch.PatchApplier;
import dev.scimkit.core.patch.PatchRequest;
import dev.scimkit.core.patch.PatchResult;
import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.ResourceStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Entra's "verbose replace" PATCH ({@link EntraUsers#verboseReplaceJson}: six {@code Replace}
 * operations, one per attribute: {@code userName}, {@code active} as {@code "False"}, {@code
 * displayName}, {@code emails[type eq "work"].value}, {@code name.givenName}, the enterprise
 * {@code employeeNumber} by its URN-qualified path) on a typical Entra user, per second:
 *
 * <ul>
 *   <li>{@code applierApply}: {@link PatchApplier#apply} of an already read request to the
 *       user's stored document;
 *   <li>{@code parseAndApply}: {@link PatchRequest#fromJson} (paths parsed) and then apply, as
 *       the engine does;
 *   <li>{@code enginePatch}: {@link ScimEngine#patch} end to end (read, apply, validate, store
 *       with a version check, render the {@code 200} response), alternating two sets of values so
 *       that every call changes the user.
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PatchBenchmark -rf json -rff patch.json
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class PatchBenchmark {
  private static final String BASE = "https://scim.example.com/scim/v2";

  private final RequestContext ctx = RequestContext.defaultTenant();
  private final ResponseOptions options = ResponseOptions.at(BASE);
  private ScimEngine engine;
  private PatchApplier applier;
  private ObjectNode stored;
  private JsonNode body;
  private PatchRequest request;
  private JsonNode[] alternating;
  private String userId;
  private int next;

  @Setup(Level.Trial)
  public void load() {
    InMemoryStore provider = new InMemoryStore();
    engine = ScimEngine.builder().storeProvider(provider).auditListener(e -> {}).build();
    ScimResource user = engine.create("User", EntraUsers.parse(EntraUsers.userJson(7)), ctx, options);
    userId = user.id();
    ResourceStore users = provider.storeFor(engine.resourceType("User"));
    stored = users.get(userId, ctx).orElseThrow().document();
    applier = PatchApplier.forType(engine.resourceType("User"));
    body = EntraUsers.parse(EntraUsers.verboseReplaceJson(7, 1));
    request = PatchRequest.fromJson(body);
    alternating =
        new JsonNode[] {
          EntraUsers.parse(EntraUsers.verboseReplaceJson(7, 1)),
          EntraUsers.parse(EntraUsers.verboseReplaceJson(7, 0))
        };
    if (!applier.apply(stored, request).documentChanged()) {
      throw new IllegalStateException("the PATCH changes nothing");
    }
    // promote what setup built now, not in the first measured iteration
    System.gc();
  }

  @Benchmark
  public PatchResult applierApply() {
    return applier.apply(stored, request);
  }

  @Benchmark
  public PatchResult parseAndApply() {
    return applier.apply(stored, PatchRequest.fromJson(body));
  }

  @Benchmark
  public ScimResource enginePatch() {
    return engine.patch("User", userId, alternating[next++ & 1], ResourceStore.ANY_VERSION, ctx, options);
  }
}
