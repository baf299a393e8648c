package dev.scimkit.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigratorTest {
  @Test
  void statements_splitAtLineEndingSemicolons_keepingDollarQuotedBodiesWhole() {
    String script = "-- a comment;\nCREATE TABLE a (x INT);\nCREATE FUNCTION f() RETURNS INT\nLANGUAGE sql AS\n$$\n"
        + "  SELECT 1;\n$$;\nCREATE INDEX i ON a (x);\n";
    assertThat(Migrator.statements(script)).containsExactly(
        "CREATE TABLE a (x INT)",
        "CREATE FUNCTION f() RETURNS INT\nLANGUAGE sql AS\n$$\n  SELECT 1;\n$$",
        "CREATE INDEX i ON a (x)");
  }

  @Test
  void everyScript_existsForEveryDialect() {
    for (Dialect d : Dialect.values()) {
      for (String script : Migrator.SCRIPTS) {
        assertThat(Migrator.class.getResource("migration/" + d.folder() + "/" + script)).as(d + " " + script).isNotNull();
      }
    }
    assertThat(Migrator.CURRENT).isEqualTo(Migrator.SCRIPTS.size());
    assertThat(List.copyOf(Migrator.SCRIPTS)).isNotEmpty();
  }
}
