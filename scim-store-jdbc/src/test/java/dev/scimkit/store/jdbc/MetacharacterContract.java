package dev.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Filter values holding SQL, LIKE and JSON-path metacharacters ({@code ' % _ \ " $} and more)
 * match literally, on key columns, inside the JSON document, and in the membership table.
 */
abstract class MetacharacterContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** Values that differ from each other only by a metacharacter or what it would match. */
  static final List<String> VALUES = List.of(
      "o'brien", "o''brien", "obrien", "100%", "1000", "100", "a_b", "axb", "a\\b", "a\\\\b", "ab",
      "say \"hi\"", "say hi", "$.x", "$x", "@.x", "[*]", "x[*]", "?(@)", "%", "_", "\\", "'", "\"", "$",
      "!", "!%", "%!", "a!b", "*", "--", "'; DROP TABLE scim_resource; --", "\\u0041", "A");

  abstract DataSource dataSource();

  private ResourceStore users;
  private RequestContext tenant;

  @BeforeEach
  void load() {
    JdbcStore store = JdbcStore.builder(dataSource()).build();
    users = store.storeFor(Schemas.userType());
    tenant = RequestContext.of("meta-" + UUID.randomUUID());
    for (int i = 0; i < VALUES.size(); i++) {
      ObjectNode doc = JsonNodeFactory.instance.objectNode();
      doc.putArray("schemas").add(Schemas.USER);
      doc.put("userName", VALUES.get(i));
      doc.put("title", VALUES.get(i));
      doc.putArray("emails").addObject().put("type", "work").put("value", VALUES.get(i));
      doc.put("externalId", VALUES.get(i));
      users.create(new StoredResource("u" + i, 1, T0, T0, doc), tenant);
    }
  }

  @Test
  void equality_matchesOnlyTheLiteralValue_onEveryKindOfColumn() {
    for (String attribute : List.of("userName", "title", "externalId", "emails.value")) {
      for (String v : VALUES) {
        assertThat(matches(Filter.compare(attribute, ComparisonOperator.EQ, FilterValue.of(v))))
            .as(attribute + " eq " + v)
            .containsExactlyElementsOf(expected(v, ComparisonOperator.EQ));
      }
    }
  }

  @Test
  void substringOperators_treatWildcardsAsPlainCharacters() {
    for (String attribute : List.of("userName", "title", "emails.value")) {
      for (String v : VALUES) {
        for (ComparisonOperator op : List.of(ComparisonOperator.CO, ComparisonOperator.SW, ComparisonOperator.EW)) {
          assertThat(matches(Filter.compare(attribute, op, FilterValue.of(v))))
              .as(attribute + " " + op.keyword() + " " + v)
              .containsExactlyElementsOf(expected(v, op));
        }
      }
    }
  }

  @Test
  void valueFilter_withMetacharacters_matchesLiterally() {
    for (String v : VALUES) {
      Filter f = new Filter.ValuePath(
          dev.scimkit.filter.AttributePath.of("emails"),
          Filter.and(
              Filter.compare("type", ComparisonOperator.EQ, FilterValue.of("work")),
              Filter.compare("value", ComparisonOperator.EQ, FilterValue.of(v))));
      assertThat(matches(f)).as("emails[type eq work and value eq " + v + "]")
          .containsExactlyElementsOf(expected(v, ComparisonOperator.EQ));
    }
  }

  @Test
  void injectionAttempt_isJustAValue_andTheTableSurvives() {
    String v = "'; DROP TABLE scim_resource; --";
    assertThat(matches(Filter.compare("title", ComparisonOperator.EQ, FilterValue.of(v))))
        .containsExactly("u" + VALUES.indexOf(v));
    assertThat(users.search(SearchRequest.of(null, 1000), tenant).totalResults()).isEqualTo(VALUES.size());
  }

  private List<String> matches(Filter filter) {
    return users.search(SearchRequest.of(filter, 1000), tenant).resources().stream().map(StoredResource::id).toList();
  }

  private static List<String> expected(String literal, ComparisonOperator op) {
    String l = literal.toLowerCase(java.util.Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < VALUES.size(); i++) {
      String v = VALUES.get(i).toLowerCase(java.util.Locale.ROOT);
      boolean hit = switch (op) {
        case EQ -> v.equals(l);
        case CO -> v.contains(l);
        case SW -> v.startsWith(l);
        case EW -> v.endsWith(l);
        default -> throw new IllegalArgumentException();
      };
      if (hit) {
        out.add("u" + i);
      }
    }
    return out;
  }
}
