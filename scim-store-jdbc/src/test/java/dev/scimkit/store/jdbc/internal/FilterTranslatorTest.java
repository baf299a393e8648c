package dev.scimkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.filter.AttributePath;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterValue;
import dev.scimkit.filter.Filters;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the translator writes for each kind of leaf, and that values never enter SQL text. */
class FilterTranslatorTest {
  private static final ResourceType USERS = Schemas.userType();
  private static final ResourceType GROUPS = Schemas.groupType();

  private static Cond pg(ResourceType type, String filter) {
    return new FilterTranslator(new TableLayout(type), Dialect.POSTGRESQL, false).translate(Filters.parse(filter));
  }

  private static Cond h2(ResourceType type, String filter) {
    return new FilterTranslator(new TableLayout(type), Dialect.H2, false).translate(Filters.parse(filter));
  }

  @Test
  void userNameEq_isAnExactIndexedLookupOnTheFoldedKey_onBothDatabases() {
    for (Cond c : List.of(pg(USERS, "userName eq \"BJensen@Example.com\""), h2(USERS, "USERNAME eq \"BJensen@Example.com\""))) {
      assertThat(c.isExact()).isTrue();
      assertThat(c.sure().text()).contains("r.user_name_key = ?").doesNotContain("BJensen");
      assertThat(c.sure().params()).containsExactly("bjensen@example.com");
    }
  }

  @Test
  void externalIdAndGroupDisplayName_areExactOnTheirKeyColumns_ignoringCase() {
    Cond x = h2(USERS, "externalId eq \"ABC-1\"");
    assertThat(x.isExact()).isTrue();
    assertThat(x.sure().text()).contains("r.external_id_key = ?");
    assertThat(x.sure().params()).containsExactly("abc-1");
    Cond d = pg(GROUPS, "displayName eq \"Sales Team\"");
    assertThat(d.isExact()).isTrue();
    assertThat(d.sure().text()).contains("r.display_name_key = ?");
    // A user's displayName is not unique, so it is read from the document.
    assertThat(pg(USERS, "displayName eq \"Sales Team\"").sure().text()).contains("scim_elements");
  }

  @Test
  void idIsCaseExact_andMetaTimestampsAreNanosecondColumns() {
    Cond id = pg(USERS, "id eq \"AbC\"");
    assertThat(id.isExact()).isTrue();
    assertThat(id.sure().params()).containsExactly("AbC");
    Cond modified = h2(USERS, "meta.lastModified gt \"2011-05-13T04:42:34.5Z\"");
    assertThat(modified.isExact()).isTrue();
    assertThat(modified.sure().text()).contains("r.modified_ns > ?");
    assertThat(modified.sure().params())
        .containsExactly(Instants.toNanos(Instant.parse("2011-05-13T04:42:34.5Z")));
  }

  @Test
  void metaResourceType_isDecidedWithoutSql() {
    assertThat(pg(USERS, "meta.resourceType eq \"User\"")).isEqualTo(Cond.TRUE);
    assertThat(pg(USERS, "meta.resourceType eq \"user\"")).isEqualTo(Cond.FALSE);
    assertThat(pg(USERS, "meta.location pr")).isEqualTo(Cond.FALSE);
  }

  @Test
  void substringOperators_useEscapedLikePatterns() {
    Cond c = pg(USERS, "userName co \"100%_a!b\"");
    assertThat(c.sure().text()).contains("LIKE ? ESCAPE '!'");
    assertThat(c.sure().params()).containsExactly("%100!%!_a!!b%");
  }

  @Test
  void entraEmailLookup_onPostgres_readsTheDocumentInSql_withJavaOnlyForWhatSqlCannotFold() {
    Cond c = pg(USERS, "emails[type eq \"work\"].value eq \"X@Y.org\"");
    assertThat(c.isExact()).isFalse();
    assertThat(c.possible().text()).contains("scim_elements", "scim_sub_values", "scim_fold", "IS NOT FALSE");
    assertThat(c.sure().text()).contains("IS TRUE");
    assertThat(c.sure().params()).contains("emails", "type", "work", "value", "x@y.org");
  }

  @Test
  void entraEmailLookup_onPostgres_alsoNeedsItsFoldedLiteralsAmongTheIndexedSearchTerms() {
    Sql terms = FilterTranslator.necessaryTerms(new TableLayout(USERS),
        Filters.parse("emails[type eq \"work\"].value eq \"X@Y.org\" and userName pr"));
    assertThat(terms.text()).contains("r.search_terms && CAST(ARRAY[?] AS text[])");
    assertThat(terms.params()).containsExactly("work", "x@y.org");
    // Negations, presence, keyed columns and typed comparisons give no condition.
    assertThat(FilterTranslator.necessaryTerms(new TableLayout(USERS),
        Filters.parse("not (title eq \"x\") or userName eq \"y\" or active eq true or title pr"))).isEqualTo(Sql.TRUE);
    // A literal that a number's text could equal also admits documents holding numbers.
    assertThat(FilterTranslator.necessaryTerms(new TableLayout(USERS), Filters.parse("title eq \"42\"")).params())
        .containsExactly("42", SearchTerms.NUMBER);
  }

  @Test
  void entraEmailLookup_onH2_looksUpOnlyItsRarerTermInTheTermTable() {
    // of the two terms an Entra lookup needs, H2 is asked for the longer one only ("work" is
    // every user's), and an 'or' needs the terms of both sides
    assertThat(FilterTranslator.necessaryTermSet(new TableLayout(USERS),
            Filters.parse("emails[type eq \"work\"].value eq \"X@Y.org\" and userName pr")))
        .containsExactly("x@y.org");
    assertThat(FilterTranslator.necessaryTermSet(new TableLayout(USERS),
            Filters.parse("title eq \"Boss\" or emails[type eq \"work\" and value eq \"A@B.C\"]")))
        .containsExactly("boss", "a@b.c");
    assertThat(FilterTranslator.necessaryTermSet(new TableLayout(USERS),
        Filters.parse("title eq \"Boss\" or active eq true"))).isNull();
  }

  @Test
  void searchTerms_areEveryScalarFoldedAsJavaFoldsIt() throws Exception {
    var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        "{\"userName\":\"İstanbul\",\"emails\":[{\"value\":\"A@B.C\",\"primary\":true}],\"n\":1.5,\"x\":null,"
            + "\"long\":\"" + "y".repeat(300) + "\"}");
    assertThat(SearchTerms.of(doc)).containsExactlyInAnyOrder(
        "İstanbul".toLowerCase(Locale.ROOT), "a@b.c", "true", SearchTerms.NUMBER, SearchTerms.LONG);
  }

  @Test
  void entraEmailLookup_onH2_isNarrowedByTheFoldedDocumentText() {
    Cond c = h2(USERS, "emails[type eq \"work\"].value eq \"X@Y.org\"");
    assertThat(c.sure()).isEqualTo(Sql.FALSE);
    assertThat(c.possible().text()).contains("LOWER(r.document) LIKE ?");
    assertThat(c.possible().params()).contains("%\"emails\"%", "%x@y.org%");
  }

  @Test
  void literalsThatNumbersOrBooleansCouldMatch_addNoTextConditionOnH2() {
    assertThat(h2(USERS, "title eq \"42\"").possible().params()).containsExactly("%\"title\"%");
    assertThat(h2(USERS, "title sw \"tr\"").possible().params()).containsExactly("%\"title\"%");
  }

  @Test
  void members_areQueriedInTheMembershipTable_exactlyOnBothDatabases() {
    for (Cond c : List.of(pg(GROUPS, "members[value eq \"U-1\"]"), h2(GROUPS, "members.value eq \"U-1\""))) {
      assertThat(c.isExact()).isTrue();
      assertThat(c.sure().text()).contains("EXISTS (SELECT 1 FROM scim_member", ".member_key = ?");
      assertThat(c.sure().params()).containsExactly("u-1");
    }
  }

  @Test
  void negation_swapsSureAndPossible() {
    Cond c = h2(USERS, "not (title pr)");
    assertThat(c.possible()).isEqualTo(Sql.TRUE);
    assertThat(c.sure().text()).startsWith("(NOT ");
  }

  @Test
  void unknownAttribute_matchesNothing() {
    assertThat(pg(USERS, "noSuchAttribute eq \"x\" or userName pr")).isNull();
  }

  @Test
  void irregularRows_makeKeyColumnsAWidening() {
    Cond c = new FilterTranslator(new TableLayout(USERS), Dialect.H2, true).translate(Filters.parse("userName eq \"x\""));
    assertThat(c.isExact()).isFalse();
    assertThat(c.possible().text()).contains("r.irregular");
    assertThat(c.sure().text()).contains("NOT r.irregular");
  }

  @Test
  void orderingsPostgresCannotMatchJavaFor_areLeftToJava() {
    assertThat(pg(USERS, "id gt \"\uFF21\"")).isEqualTo(Cond.UNKNOWN);
    assertThat(pg(USERS, "id gt \"\\ude00\"")).isEqualTo(Cond.UNKNOWN);
    assertThat(h2(USERS, "id gt \"\uFF21\"").isExact()).isTrue();
  }

  @Test
  void generatedFilters_neverPutAValueIntoSqlText() {
    String marker = "MARK'\"%_\\$!";
    Random random = new Random(7);
    List<String> paths = List.of("userName", "title", "emails.value", "emails.type", "name.givenName", "externalId",
        "id", "meta.version", "manager", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
        "active", "schemas", "x509Certificates.value", "addresses.locality");
    int exactPg = 0;
    int exactH2 = 0;
    int n = 2000;
    for (int i = 0; i < n; i++) {
      Filter f = randomFilter(random, paths, marker, 3);
      for (Dialect d : Dialect.values()) {
        Cond c;
        try {
          c = new FilterTranslator(new TableLayout(USERS), d, false).translate(f);
        } catch (RuntimeException e) {
          continue;
        }
        if (c == null) {
          continue;
        }
        for (Sql s : List.of(c.sure(), c.possible())) {
          assertThat(s.text()).doesNotContain("MARK").doesNotContain(marker.toLowerCase(Locale.ROOT));
          assertThat(placeholders(s.text())).isEqualTo(s.params().size());
        }
        if (c.isExact()) {
          if (d == Dialect.POSTGRESQL) {
            exactPg++;
          } else {
            exactH2++;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "exact in SQL: PostgreSQL %d/%d, H2 %d/%d%n", exactPg, n, exactH2, n);
  }

  /** The {@code ?} outside quoted SQL literals. */
  private static int placeholders(String sql) {
    int n = 0;
    boolean quoted = false;
    for (char ch : sql.toCharArray()) {
      if (ch == '\'') {
        quoted = !quoted;
      } else if (ch == '?' && !quoted) {
        n++;
      }
    }
    return n;
  }

  private static Filter randomFilter(Random random, List<String> paths, String marker, int depth) {
    int k = random.nextInt(depth <= 0 ? 3 : 6);
    return switch (k) {
      case 0, 1 -> new Filter.Comparison(
          dev.scimkit.filter.Filters.parseAttributePath(paths.get(random.nextInt(paths.size()))),
          ComparisonOperator.values()[random.nextInt(ComparisonOperator.values().length)],
          FilterValue.of(random.nextBoolean() ? marker : marker.toUpperCase(Locale.ROOT) + random.nextInt(9)));
      case 2 -> new Filter.ValuePath(AttributePath.of("emails"),
          Filter.and(Filter.compare("type", ComparisonOperator.EQ, FilterValue.of(marker)),
              Filter.compare("value", ComparisonOperator.CO, FilterValue.of(marker))));
      case 3 -> Filter.not(randomFilter(random, paths, marker, depth - 1));
      case 4 -> Filter.or(randomFilter(random, paths, marker, depth - 1), randomFilter(random, paths, marker, depth - 1));
      default -> Filter.and(randomFilter(random, paths, marker, depth - 1), randomFilter(random, paths, marker, depth - 1));
    };
  }
}
