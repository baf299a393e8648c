package dev.scimkit.core.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How {@link InMemoryStore} keeps a document: its UTF-8 JSON text, about a third of the heap of
 * the Jackson tree it came as (a tree holds a map per object and an object per value), and
 * nothing for the collector to trace. A document is parsed again each time it is read, a few
 * microseconds for a typical user, and written once per change.
 *
 * <p>Only a document that reads back as an equal tree is kept as text ({@link #compact}): text
 * does not say whether {@code 2.0} was a {@code double} or a {@link java.math.BigDecimal}, nor
 * whether {@code 5} was an {@code int} or a {@code long}, and a filter compares what the tree
 * holds. Decimals are read as {@link java.math.BigDecimal} (as the HTTP layer reads them), so
 * documents that came over HTTP are kept as text; others (numbers a host put in as doubles, text
 * that UTF-8 cannot carry) stay trees.
 */
final class DocumentBytes {
  private DocumentBytes() {}

  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(Integer.MAX_VALUE)
                          .maxStringLength(Integer.MAX_VALUE)
                          .maxNumberLength(Integer.MAX_VALUE)
                          .maxNameLength(Integer.MAX_VALUE)
                          .maxDocumentLength(-1)
                          .build())
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /**
   * What to keep of {@code document}: its JSON bytes, or, when they would not read back as an
   * equal tree, a copy of the tree.
   */
  static Object compact(ObjectNode document) {
    try {
      byte[] json = JSON.writeValueAsBytes(document);
      if (document.equals(JSON.readTree(json))) {
        return json;
      }
    } catch (IOException | RuntimeException e) {
      // not writable as UTF-8 JSON: kept as a tree
    }
    return document.deepCopy();
  }

  /** A fresh tree of what {@link #compact} kept. */
  static ObjectNode expand(Object kept) {
    return kept instanceof byte[] json ? read(json) : ((ObjectNode) kept).deepCopy();
  }

  private static ObjectNode read(byte[] json) {
    try {
      JsonNode tree = JSON.readTree(json);
      return (ObjectNode) tree;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a stored document", e);
    }
  }
}
