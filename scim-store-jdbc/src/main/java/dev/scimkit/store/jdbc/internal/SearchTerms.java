package dev.scimkit.store.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.search.ScimValues;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The search terms of a document (PostgreSQL's {@code search_terms}, GIN-indexed): every scalar
 * at any depth as the evaluator's text comparison sees it, folded in Java. If a text {@code eq}
 * inside the document holds, the folded literal is one of the terms, or a marker covers the value
 * (numbers, whose text PostgreSQL may normalise, and text too long to index).
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
}
