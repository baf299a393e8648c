package dev.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.GroupStore;
import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.Member;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store must answer every search exactly as the in-memory store does: the same
 * resources, in the same order, with the same {@code totalResults}, or the same error. Both get
 * the same generated data (a tenant of schema-valid documents and a tenant of messy ones) and the
 * same {@value #FILTERS} generated filters with random sorting and paging.
 */
abstract class DifferentialFilterContract {
  /** Override with -Dscimkit.differential.filters=N and -Dscimkit.differential.seed=S. */
  static final int FILTERS = Integer.getInteger("scimkit.differential.filters", 1500);
  private static final long SEED = Long.getLong("scimkit.differential.seed", 20261129L);

  abstract DataSource dataSource();

  /** The JDBC store under test, configured on {@code builder} (of {@link #dataSource()}). */
  JdbcStore store(JdbcStore.Builder builder) {
    return builder.build();
  }

  /** The types whose searches are compared. */
  List<ResourceType> types() {
    return List.of(Schemas.userType(), Schemas.groupType(), Generated.DEVICE_TYPE);
  }

  /** Which path each search took in SQL; printed so a run shows what was pushed down. */
  private final Map<String, Integer> outcomes = new TreeMap<>();

  @Test
  void generatedFilters_giveExactlyTheResultsOfTheInMemoryStore() {
    Generated gen = new Generated(SEED);
    // One fixed clock, since each store stamps membership changes itself.
    java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-02-03T04:05:06.789Z"), java.time.ZoneOffset.UTC);
    InMemoryStore memory = new InMemoryStore(clock);
    JdbcStore jdbc = store(JdbcStore.builder(dataSource()).clock(clock));
    List<ResourceType> types = types();
    String run = UUID.randomUUID().toString().substring(0, 6);
    List<RequestContext> tenants = List.of(RequestContext.of("clean-" + run), RequestContext.of("messy-" + run));
    List<String> ids = new ArrayList<>();
    for (RequestContext tenant : tenants) {
      boolean messy = tenant.tenant().startsWith("messy");
      load(gen, memory, jdbc, types, tenant, messy, ids);
    }

    List<String> mismatches = new ArrayList<>();
    int matchedSomething = 0;
    for (int i = 0; i < FILTERS; i++) {
      ResourceType type = types.get(i % types.size());
      RequestContext tenant = tenants.get((i / types.size()) % 2);
      Filter filter = gen.filter(type, ids, 3);
      ResolvedAttribute sortBy = gen.sortBy(type);
      int startIndex = gen.chance(0.7) ? 1 : 1 + gen.nextInt(40);
      int count = gen.chance(0.1) ? 0 : gen.chance(0.5) ? 1000 : 1 + gen.nextInt(30);
      SearchRequest request = new SearchRequest(filter, sortBy, gen.sortOrder(), startIndex, count);
      String expected = outcome(memory.storeFor(type), request, tenant);
      String actual = outcome(jdbc.storeFor(type), request, tenant);
      if (!expected.startsWith("0 ") && !expected.startsWith("error")) {
        matchedSomething++;
      }
      if (!expected.equals(actual)) {
        mismatches.add(type.name() + " " + tenant.tenant() + " filter=" + Filters.format(filter)
            + " sortBy=" + (sortBy == null ? null : sortBy.qualifiedName()) + " " + request.sortOrder()
            + " start=" + startIndex + " count=" + count + "\n  expected " + expected + "\n  actual   " + actual);
      }
    }
    System.out.printf(Locale.ROOT, "%s: seed %d, %d filters, %d with matches, %d mismatches%n",
        getClass().getSimpleName(), SEED, FILTERS, matchedSomething, mismatches.size());
    assertThat(mismatches).as(String.join("\n", mismatches.subList(0, Math.min(15, mismatches.size())))).isEmpty();
    assertThat(matchedSomething).as("filters that match something").isGreaterThan(FILTERS / 4);
  }

  private static String outcome(ResourceStore store, SearchRequest request, RequestContext tenant) {
    try {
      SearchResult r = store.search(request, tenant);
      StringBuilder b = new StringBuilder().append(r.totalResults()).append(' ');
      for (StoredResource s : r.resources()) {
        b.append(s.id()).append(',');
      }
      return b.toString();
    } catch (ScimException e) {
      return "error " + e.status() + " " + e.scimType();
    }
  }

  private static void load(Generated gen, StoreProvider memory, StoreProvider jdbc, List<ResourceType> types,
      RequestContext tenant, boolean messy, List<String> allIds) {
    List<String> userIds = new ArrayList<>();
    List<String> groupIds = new ArrayList<>();
    int[] counts = {160, 30, 60};
    for (int t = 0; t < types.size(); t++) {
      ResourceType type = types.get(t);
      for (int i = 0; i < counts[t]; i++) {
        String unique = type.name().equals("Device") ? "SN-" + i : gen.word() + "-" + i;
        ObjectNode doc = gen.document(type, unique, messy);
        String id = (gen.chance(0.1) ? "ID-" : "id-") + type.name().toLowerCase(Locale.ROOT) + "-" + i
            + (gen.chance(0.05) ? "-É" : "");
        var created = gen.instant();
        var modified = gen.chance(0.5) ? created : gen.instant();
        StoredResource r = new StoredResource(id, 1, created, modified, doc);
        String a = create(memory.storeFor(type), r, tenant);
        String b = create(jdbc.storeFor(type), r, tenant);
        assertThat(b).as("creating " + doc).isEqualTo(a);
        if (a.equals("ok")) {
          (type.name().equals("User") ? userIds : type.name().equals("Group") ? groupIds : new ArrayList<String>()).add(id);
          allIds.add(id);
        }
      }
    }
    GroupStore memoryGroups = (GroupStore) memory.storeFor(Schemas.groupType());
    GroupStore jdbcGroups = (GroupStore) jdbc.storeFor(Schemas.groupType());
    for (String g : groupIds) {
      int n = gen.nextInt(6);
      List<Member> members = new ArrayList<>();
      // members as the engine hands them to a store: existing resources, with their type
      for (int i = 0; i < n; i++) {
        if (gen.chance(0.7) && !userIds.isEmpty()) {
          members.add(new Member(gen.pick(userIds), "User"));
        } else if (!groupIds.isEmpty()) {
          members.add(new Member(gen.pick(groupIds), "Group"));
        }
      }
      memoryGroups.addMembers(g, members, tenant);
      jdbcGroups.addMembers(g, members, tenant);
    }
  }

  private static String create(ResourceStore store, StoredResource r, RequestContext tenant) {
    try {
      store.create(r, tenant);
      return "ok";
    } catch (ScimException e) {
      return "error " + e.status();
    }
  }
}
