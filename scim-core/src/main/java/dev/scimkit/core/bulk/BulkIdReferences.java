package dev.scimkit.core.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ScimException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and replaces {@code bulkId:<bulkId>} references (RFC 7644 section 3.7.2) in an operation's
 * data. See the package description for where a reference may stand.
 */
final class BulkIdReferences {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** A reference quoted inside a PATCH path filter: {@code members[value eq "bulkId:x"]}. */
  private static final Pattern QUOTED =
      Pattern.compile("\"" + Pattern.quote(BulkProcessor.BULK_ID_PREFIX) + "([^\"]+)\"");

  private BulkIdReferences() {}

  /** The bulkId that {@code value} references as a whole, or {@code null}. */
  static String referencedBulkId(String value) {
    String prefix = BulkProcessor.BULK_ID_PREFIX;
    return value.startsWith(prefix) && value.length() > prefix.length()
        ? value.substring(prefix.length())
        : null;
  }

  /** Adds every bulkId referenced in {@code data} to {@code out}. */
  static void collect(JsonNode data, boolean patch, Set<String> out) {
    walk(data, patch, false, out);
  }

  private static void walk(JsonNode node, boolean patch, boolean patchPath, Set<String> out) {
    if (node.isTextual()) {
      String ref = referencedBulkId(node.asText());
      if (ref != null) {
        out.add(ref);
      } else if (patchPath) {
        Matcher m = QUOTED.matcher(node.asText());
        while (m.find()) {
          out.add(m.group(1));
        }
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        walk(f.getValue(), patch, patch && isPathKey(f.getKey()), out);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        walk(element, patch, false, out);
      }
    }
  }

  /**
   * A copy of {@code data} with every reference replaced by the id in {@code created}.
   *
   * @throws ScimException 409 if a referenced bulkId has no created resource (its POST failed)
   */
  static JsonNode resolve(JsonNode data, boolean patch, Map<String, String> created) {
    return copy(data, patch, false, created);
  }

  /** The id a path segment stands for: itself, or the id created for the bulkId it references. */
  static String resolveId(String segment, Map<String, String> created) {
    String ref = referencedBulkId(segment);
    return ref == null ? segment : lookup(ref, created);
  }

  private static JsonNode copy(
      JsonNode node, boolean patch, boolean patchPath, Map<String, String> created) {
    if (node.isTextual()) {
      String text = node.asText();
      String ref = referencedBulkId(text);
      if (ref != null) {
        return NODES.textNode(lookup(ref, created));
      }
      if (patchPath) {
        Matcher m = QUOTED.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        while (m.find()) {
          String id = lookup(m.group(1), created);
          m.appendReplacement(out, Matcher.quoteReplacement(filterLiteral(id)));
          changed = true;
        }
        if (changed) {
          m.appendTail(out);
          return NODES.textNode(out.toString());
        }
      }
      return node;
    }
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        out.set(f.getKey(), copy(f.getValue(), patch, patch && isPathKey(f.getKey()), created));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode(node.size());
      for (JsonNode element : node) {
        out.add(copy(element, patch, false, created));
      }
      return out;
    }
    return node;
  }

  private static boolean isPathKey(String key) {
    return key.equalsIgnoreCase("path");
  }

  private static String lookup(String bulkId, Map<String, String> created) {
    String id = created.get(bulkId);
    if (id == null) {
      throw new ScimException(
          409,
          null,
          "bulkId " + BulkOperation.quote(bulkId)
              + " cannot be resolved: the POST that defines it failed");
    }
    return id;
  }

  /** {@code id} as a filter string literal. */
  private static String filterLiteral(String id) {
    return '"' + id.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
