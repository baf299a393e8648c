package dev.scimkit.store.jdbc;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link JdbcStoreBenchmark} on both databases. Excluded from the default build; run with
 * {@code mvn -B -pl scim-store-jdbc verify -Dgroups=benchmark}. Reports figures, never fails on
 * them.
 */
@Tag("benchmark")
class JdbcStoreBenchmarkTest {
  @Test
  void h2() throws Exception {
    JdbcStoreBenchmark.runOnH2(System.out);
  }

  @Test
  void postgres() throws Exception {
    JdbcStoreBenchmark.runOnEmbeddedPostgres(System.out);
  }
}
