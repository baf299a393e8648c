package dev.scimkit.store.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.search.ScimValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The search terms of a document (PostgreSQL's {@code search_terms}, GIN-indexed; H2's table
 * {@code scim_search_term}, indexed by term): every scalar at any depth as the evaluator's text
 * comparison sees it, folded in Java. If a text {@code eq} inside the document holds, the folded
 * literal is one of the terms, or a marker covers the value (numbers, whose text PostgreSQL may
 * normalise, and text too long to index).
 */
final class SearchTerms {
  private SearchTerms() {}

  /** Longest folded text kept as a term; GIN keys must stay well under a page. */
  static final int MAX_TERM = 256;

  static final String NUMBER = "\u0001number";
  static final String LONG = "\u0001long";

  static String[] of(JsonNode doc) {
    Set<String> terms = new LinkedHashSet<>();
    collect(doc, terms, 0);
    return terms.toArray(new String[0]);
  }

  private static void collect(JsonNode n, Set<String> terms, int depth) {
    if (n == null || n.isNull() || depth > 64) {
      return;
    }
    if (n.isContainerNode()) {
      for (JsonNode child : n) {
        collect(child, terms, depth + 1);
      }
    } else if (n.isNumber()) {
      terms.add(NUMBER);
    } else {
      terms.add(term(ScimValues.fold(n.asText())));
    }
  }

  private static String term(String folded) {
    return folded.length() <= MAX_TERM ? folded : LONG;
  }

  /** The terms one of which a document must have for a text {@code eq} with {@code literal}. */
  static Set<String> forLiteral(String literal) {
    String folded = ScimValues.fold(literal);
    Set<String> out = new LinkedHashSet<>();
    out.add(term(folded));
    boolean numberLike = !folded.isEmpty();
    for (int i = 0; i < folded.length() && numberLike; i++) {
      numberLike = "0123456789.-+e".indexOf(folded.charAt(i)) >= 0;
    }
    if (numberLike) {
      out.add(NUMBER);
    }
    return out;
  }

  /** Writes a resource's terms as rows of {@code scim_search_term} (H2). */
  static void insertRows(Connection c, String tenant, String type, String id, String[] terms) throws SQLException {
    if (terms.length == 0) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO scim_search_term (tenant, resource_type, id, term) VALUES (?, ?, ?, ?)")) {
      for (String term : terms) {
        ps.setString(1, tenant);
        ps.setString(2, type);
        ps.setString(3, id);
        ps.setString(4, term);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Removes a resource's rows of {@code scim_search_term} (H2). */
  static void deleteRows(Connection c, String tenant, String type, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM scim_search_term WHERE tenant = ? AND resource_type = ? AND id = ?")) {
      ps.setString(1, tenant);
      ps.setString(2, type);
      ps.setString(3, id);
      ps.executeUpdate();
    }
  }

  /**
   * Gives every stored document its rows of {@code scim_search_term}: the migration that creates
   * the table runs this in its transaction, for the documents stored before it existed.
   */
  static void fillTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT tenant, resource_type, id, document FROM scim_resource")) {
      while (rs.next()) {
        JsonNode doc;
        try {
          doc = DocumentCodec.mapper().readTree(rs.getString(4));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("stored document is not JSON", e);
        }
        insertRows(c, rs.getString(1), rs.getString(2), rs.getString(3), of(doc));
      }
    }
  }
}
