package dev.scimkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.filter.Filters;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Filters on the columns of a host's users table become SQL on those columns, with bind
 * parameters and SCIM's case rules; what only the whole document can decide is left to Java.
 */
class HostTableTranslationTest {
  private static HikariDataSource dataSource;
  private static TableLayout layout;

  @BeforeAll
  static void openTable() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource = new HikariDataSource(config);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id VARCHAR(64) PRIMARY KEY, email VARCHAR(320) NOT NULL,"
          + " first_name VARCHAR(100), last_name VARCHAR(100), active BOOLEAN, work_email VARCHAR(320))");
    }
    HostTable users = HostTable.open(Database.open(dataSource), "users", "id", "acme", null, List.of(
        HostTable.mapping("userName", "email"),
        HostTable.mapping("name.givenName", "first_name"),
        HostTable.mapping("name.familyName", "last_name"),
        HostTable.mapping("active", "active"),
        HostTable.mapping("emails[type eq \"work\"].value", "work_email")));
    layout = new TableLayout(Schemas.userType(), users);
  }

  @AfterAll
  static void close() {
    dataSource.close();
  }

  private static Cond h2(String filter) {
    return new FilterTranslator(layout, Dialect.H2, false).translate(Filters.parse(filter));
  }

  private static Cond pg(String filter) {
    return new FilterTranslator(layout, Dialect.POSTGRESQL, false).translate(Filters.parse(filter));
  }

  @Test
  void userNameEq_isExactOnTheHostsColumn_foldedOnBothSides_onH2() {
    Cond c = h2("userName eq \"BJensen@Example.com\"");
    assertThat(c.isExact()).isTrue();
    assertThat(c.sure().text()).contains("LOWER(u.\"EMAIL\") = ?").doesNotContain("BJensen").doesNotContain("user_name_key");
    assertThat(c.sure().params()).containsExactly("bjensen@example.com");
  }

  @Test
  void userNameEq_onPostgres_foldsInSql_andLeavesToJavaWhatSqlCannotFold() {
    Cond c = pg("userName eq \"BJensen@Example.com\"");
    assertThat(c.sure().text()).contains("scim_fold(u.\"EMAIL\") = ?").contains("IS TRUE");
    assertThat(c.possible().text()).contains("IS NOT FALSE");
    assertThat(c.sure().params()).containsExactly("bjensen@example.com");
  }

  @Test
  void swAndPr_onColumns_andBooleans_areExact() {
    Cond sw = h2("name.givenName sw \"Bar_\"");
    assertThat(sw.isExact()).isTrue();
    assertThat(sw.sure().text()).contains("LOWER(u.\"FIRST_NAME\") LIKE ? ESCAPE '!'");
    assertThat(sw.sure().params()).containsExactly("bar!_%");
    Cond pr = h2("name.familyName pr");
    assertThat(pr.isExact()).isTrue();
    assertThat(pr.sure().text()).contains("u.\"LAST_NAME\" IS NOT NULL AND u.\"LAST_NAME\" <> ''");
    Cond active = pg("active eq \"True\" and not (userName eq \"x\")");
    assertThat(active.sure().text()).contains("u.\"ACTIVE\" = ?");
    assertThat(active.sure().params()).contains(Boolean.TRUE);
  }

  @Test
  void attributesPartlyInColumns_areDecidedInJava_andTheRestAsForOwnUsers() {
    assertThat(h2("name pr")).isEqualTo(Cond.UNKNOWN);
    assertThat(h2("name[givenName eq \"x\"]")).isEqualTo(Cond.UNKNOWN);
    assertThat(pg("emails[type eq \"work\" and value eq \"x@y\"]")).isEqualTo(Cond.UNKNOWN);
    assertThat(pg("emails.value eq \"x@y\"")).isEqualTo(Cond.UNKNOWN);
    Cond title = pg("title eq \"Boss\"");
    assertThat(title.sure().text()).contains("r.document");
    assertThat(FilterTranslator.necessaryTerms(layout, Filters.parse("userName eq \"x\" and title eq \"Boss\"")).text())
        .as("the GIN terms hold the document, not the columns").contains("search_terms").doesNotContain("EMAIL");
    assertThat(FilterTranslator.necessaryTerms(layout, Filters.parse("userName eq \"x\""))).isEqualTo(Sql.TRUE);
  }

  @Test
  void theHostOnlyTranslation_narrowsTheRowsToAdopt_byTheColumnsAlone() {
    Cond c = FilterTranslator.hostOnly(layout, Dialect.H2)
        .translate(Filters.parse("userName eq \"Ada\" and title eq \"Boss\" or id eq \"h1\""));
    assertThat(c.possible().text()).contains("LOWER(u.\"EMAIL\") = ?").contains("u.\"ID\" = ?")
        .doesNotContain("r.").doesNotContain("document");
    assertThat(FilterTranslator.hostOnly(layout, Dialect.H2).translate(Filters.parse("title eq \"Boss\"")).possible())
        .isEqualTo(Sql.TRUE);
  }

  @Test
  void groupMembers_areThoseWhoseHostRowExists() {
    Cond c = new FilterTranslator(new TableLayout(Schemas.groupType(), layout.host()), Dialect.H2, false)
        .translate(Filters.parse("members[value eq \"u1\"]"));
    assertThat(c.sure().text()).contains("member_type <> 'User' OR EXISTS (SELECT 1 FROM \"USERS\"");
  }
}
