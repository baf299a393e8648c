package dev.scimkit.core.search;

import static dev.scimkit.core.search.SearchFixtures.ENTERPRISE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.AttributePath;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterValue;
import dev.scimkit.filter.Filters;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Logical laws of filter evaluation over generated filters and generated users: {@code not}
 * is the complement, {@code and}/{@code or} are intersection/union, and a stored resource and its
 * full representation always agree.
 */
class FilterLogicProperties {

  private static final FilterEvaluator USERS = FilterEvaluator.forType(Schemas.userType());

  @Property(tries = 300)
  void not_matchesExactlyTheComplement(
      @ForAll("filters") Filter f, @ForAll("users") List<StoredResource> users) {
    Filter negated = Filter.not(f);
    for (StoredResource u : users) {
      assertThat(USERS.matches(negated, u)).as("%s on %s", negated, u).isEqualTo(!USERS.matches(f, u));
    }
  }

  @Property(tries = 300)
  void andOr_matchTheIntersectionAndTheUnion(
      @ForAll("filters") Filter f,
      @ForAll("filters") Filter g,
      @ForAll("users") List<StoredResource> users) {
    Filter and = Filter.and(f, g);
    Filter or = Filter.or(f, g);
    for (StoredResource u : users) {
      boolean mf = USERS.matches(f, u);
      boolean mg = USERS.matches(g, u);
      assertThat(USERS.matches(and, u)).as("%s on %s", and, u).isEqualTo(mf && mg);
      assertThat(USERS.matches(or, u)).as("%s on %s", or, u).isEqualTo(mf || mg);
    }
  }

  @Property(tries = 300)
  void storedResourceAndRepresentation_agree(
      @ForAll("filters") Filter f, @ForAll("users") List<StoredResource> users) {
    CompiledFilter compiled = USERS.compile(f);
    for (StoredResource u : users) {
      ObjectNode full = SearchFixtures.representation(u, Schemas.userType());
      assertThat(compiled.matches(full)).as("%s on %s", f, u).isEqualTo(compiled.matches(u));
    }
  }

  @Property(tries = 200)
  void formattedAndReparsedFilters_matchTheSame(
      @ForAll("filters") Filter f, @ForAll("users") List<StoredResource> users) {
    Filter reparsed = Filters.parse(Filters.format(f));
    for (StoredResource u : users) {
      assertThat(USERS.matches(reparsed, u)).isEqualTo(USERS.matches(f, u));
    }
  }

  // ---- generators ------------------------------------------------------------------------------

  private static final List<String> NAMES = List.of("alice", "ALICE", "Bob", "bob", "carol", "");
  private static final List<String> EMAILS =
      List.of("alice@contoso.com", "Bob@Contoso.com", "x@example.org", "");
  private static final List<String> NUMBERS = List.of("1", "2", "10", "010");
  private static final List<String> TIMES =
      List.of(
          "2024-01-01T00:00:00Z", "2024-01-01T02:00:00+02:00", "2024-06-01T12:00:00Z", "2025-01-01T00:00:00Z");

  @Provide
  Arbitrary<List<StoredResource>> users() {
    return user().list().ofMinSize(1).ofMaxSize(6);
  }

  private Arbitrary<StoredResource> user() {
    Arbitrary<String> name = Arbitraries.of(NAMES).injectNull(0.2);
    Arbitrary<Object> active = Arbitraries.of(true, false, "True", "false").injectNull(0.2).map(x -> (Object) x);
    Arbitrary<List<String[]>> emails =
        Combinators.combine(
                Arbitraries.of("work", "home", "Work"),
                Arbitraries.of(EMAILS),
                Arbitraries.of("true", "false", "none"))
            .as((t, v, p) -> new String[] {t, v, p})
            .list()
            .ofMaxSize(3);
    Arbitrary<String> employeeNumber = Arbitraries.of(NUMBERS).injectNull(0.3);
    Arbitrary<String> manager = Arbitraries.of("m-1", "M-1", "m-2", "", "bare:m-1").injectNull(0.3);
    Arbitrary<Instant> modified = Arbitraries.of(TIMES).map(Instant::parse);
    Arbitrary<String> id = Arbitraries.of("id-1", "ID-1", "id-2", "id-3");
    return Combinators.combine(id, name, active, emails, employeeNumber, manager, modified)
        .as(
            (i, n, a, es, en, m, t) -> {
              ObjectNode doc = SearchFixtures.JSON.createObjectNode();
              ArrayNode schemas = doc.putArray("schemas").add(Schemas.USER);
              if (n != null) {
                doc.put("userName", n);
                doc.putObject("name").put("givenName", n.isEmpty() ? "" : n.substring(0, 1));
              }
              if (a instanceof Boolean b) {
                doc.put("active", b);
              } else if (a != null) {
                doc.put("active", (String) a);
              }
              if (!es.isEmpty()) {
                ArrayNode array = doc.putArray("emails");
                for (String[] e : es) {
                  ObjectNode email = array.addObject().put("type", e[0]).put("value", e[1]);
                  if (!e[2].equals("none")) {
                    email.put("primary", Boolean.parseBoolean(e[2]));
                  }
                }
              }
              if (en != null || m != null) {
                schemas.add(ENTERPRISE);
                ObjectNode ext = doc.putObject(ENTERPRISE);
                if (en != null) {
                  ext.put("employeeNumber", en);
                }
                if (m != null && m.startsWith("bare:")) {
                  ext.put("manager", m.substring(5));
                } else if (m != null) {
                  ext.putObject("manager").put("value", m);
                }
              }
              return new StoredResource(i, 1, Instant.parse("2024-01-01T00:00:00Z"), t, doc);
            });
  }

  @Provide
  Arbitrary<Filter> filters() {
    return Arbitraries.recursive(this::leaf, this::combine, 0, 3);
  }

  private Arbitrary<Filter> combine(Arbitrary<Filter> inner) {
    return Arbitraries.oneOf(
        inner,
        inner.map(Filter::not),
        Combinators.combine(inner, inner).as(Filter::and),
        Combinators.combine(inner, inner).as(Filter::or));
  }

  private Arbitrary<Filter> leaf() {
    return Arbitraries.oneOf(
        comparison("userName", STRING_OPS, Arbitraries.of(NAMES).map(FilterValue::of)),
        comparison("name.givenName", STRING_OPS, Arbitraries.of("a", "B", "c", "").map(FilterValue::of)),
        comparison("emails", STRING_OPS, Arbitraries.of(EMAILS).map(FilterValue::of)),
        comparison("emails.value", STRING_OPS, Arbitraries.of("contoso", "ALICE@contoso.com", "org").map(FilterValue::of)),
        comparison("emails.type", EQUALITY_OPS, Arbitraries.of("work", "HOME").map(FilterValue::of)),
        comparison("emails.primary", EQUALITY_OPS, Arbitraries.of(true, false).map(FilterValue::of)),
        comparison("active", EQUALITY_OPS, Arbitraries.of(FilterValue.of(true), FilterValue.of(false), FilterValue.of("True"), FilterValue.ofNull())),
        comparison("employeeNumber", STRING_OPS, Arbitraries.of(NUMBERS).map(FilterValue::of)),
        comparison(ENTERPRISE + ":manager", EQUALITY_OPS, Arbitraries.of("m-1", "M-1", "m-2").map(FilterValue::of)),
        comparison("id", STRING_OPS, Arbitraries.of("id-1", "ID", "2").map(FilterValue::of)),
        comparison("meta.lastModified", ALL_OPS, Arbitraries.of(TIMES).map(FilterValue::of)),
        comparison("meta.lastModified", ALL_OPS, Arbitraries.of("2024", "2024-06").map(FilterValue::of)),
        comparison("meta.version", EQUALITY_OPS, Arbitraries.of("W/\"1\"", "1").map(FilterValue::of)),
        comparison("schemas", EQUALITY_OPS, Arbitraries.of(Schemas.USER, ENTERPRISE.toLowerCase(java.util.Locale.ROOT)).map(FilterValue::of)),
        comparison("title", STRING_OPS, Arbitraries.of(FilterValue.of("x"), FilterValue.ofNull())),
        Arbitraries.of("userName", "emails", "emails.value", "manager", "name", "active", "employeeNumber", "title", "meta")
            .map(p -> (Filter) new Filter.Present(Filters.parseAttributePath(p))),
        emailValueFilter());
  }

  private static final List<ComparisonOperator> EQUALITY_OPS =
      List.of(ComparisonOperator.EQ, ComparisonOperator.NE);
  private static final List<ComparisonOperator> STRING_OPS = List.of(ComparisonOperator.values());
  private static final List<ComparisonOperator> ALL_OPS = List.of(ComparisonOperator.values());

  private Arbitrary<Filter> comparison(
      String path, List<ComparisonOperator> ops, Arbitrary<FilterValue> values) {
    AttributePath attribute = Filters.parseAttributePath(path);
    return Combinators.combine(Arbitraries.of(ops), values)
        .as(
            (op, v) ->
                v instanceof FilterValue.NullValue && op != ComparisonOperator.EQ
                    ? (Filter) new Filter.Comparison(attribute, ComparisonOperator.NE, v)
                    : new Filter.Comparison(attribute, op, v));
  }

  private Arbitrary<Filter> emailValueFilter() {
    Arbitrary<Filter> inner =
        Arbitraries.recursive(
            () ->
                Arbitraries.oneOf(
                    comparison("type", EQUALITY_OPS, Arbitraries.of("work", "home").map(FilterValue::of)),
                    comparison("value", STRING_OPS, Arbitraries.of("contoso", "x@example.org").map(FilterValue::of)),
                    comparison("primary", EQUALITY_OPS, Arbitraries.of(true, false).map(FilterValue::of)),
                    Arbitraries.of("type", "value", "primary").map(p -> (Filter) new Filter.Present(AttributePath.of(p)))),
            f ->
                Arbitraries.oneOf(
                    f,
                    f.map(Filter::not),
                    Combinators.combine(f, f).as(Filter::and),
                    Combinators.combine(f, f).as(Filter::or)),
            0,
            2);
    return inner.map(f -> new Filter.ValuePath(AttributePath.of("emails"), f));
  }
}
