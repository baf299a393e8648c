package dev.scimkit.store.jdbc.internal;

import java.util.Locale;
import java.util.Set;

/** What differs between the databases the store supports. */
public enum Dialect {
  /** PostgreSQL 14 or later: JSONB documents, filters inside documents translated to SQL. */
  POSTGRESQL("postgresql"),
  /**
   * H2 2.x: the document is JSON text that H2 cannot query, so conditions on it are narrowed in
   * SQL (a case-folded text search, and the indexed table of search terms) and decided in Java.
   */
  H2("h2");

  private static final Set<String> SPECIAL_CASING_LANGUAGES = Set.of("tr", "az", "lt");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /** The folder of this dialect's migration scripts. */
  String folder() {
    return folder;
  }

  /** Whether conditions inside the JSON document can be written in SQL. */
  boolean queriesDocuments() {
    return this == POSTGRESQL;
  }

  /** Whether documents carry GIN-indexed {@link SearchTerms} in a column of their row. */
  boolean hasSearchTerms() {
    return this == POSTGRESQL;
  }

  /** Whether the {@link SearchTerms} of documents are rows of {@code scim_search_term}. */
  boolean hasTermTable() {
    return this == H2;
  }

  /** How a document parameter is written in an INSERT or UPDATE. */
  String documentParameter() {
    return this == POSTGRESQL ? "CAST(? AS jsonb)" : "?";
  }

  /**
   * The clause that locks the rows a {@code SELECT} reads until the transaction ends. On
   * PostgreSQL the lock still lets a foreign key check reference the row.
   */
  String lockClause() {
    return this == POSTGRESQL ? " FOR NO KEY UPDATE" : " FOR UPDATE";
  }

  /**
   * An aggregate of the rows of a query into one JSON text, {@code [[a, b], ...]} in the order of
   * {@code orderBy}, or SQL {@code NULL} when there are none; {@code a} and {@code b} may be null.
   */
  String jsonPairs(String a, String b, String orderBy) {
    return this == POSTGRESQL
        ? "json_agg(json_build_array(" + a + ", " + b + ") ORDER BY " + orderBy + ")::text"
        : "CAST(JSON_ARRAYAGG(JSON_ARRAY(" + a + ", " + b + " NULL ON NULL) ORDER BY " + orderBy
            + ") AS VARCHAR)";
  }

  /** A string column or expression compared in Java's UTF-16 order. */
  String ordered(String expression) {
    return this == POSTGRESQL ? expression + " COLLATE \"C\"" : expression;
  }

  /**
   * Whether H2's {@code LOWER} folds as {@code toLowerCase(Locale.ROOT)}: H2 folds in the JVM's
   * default locale, which differs only for Turkish, Azerbaijani and Lithuanian.
   */
  static boolean h2LowerMatchesRoot() {
    return !SPECIAL_CASING_LANGUAGES.contains(Locale.getDefault().getLanguage());
  }
}
