package dev.scimkit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of the attributes that differ between two stored documents, for audit events. Only
 * names: values are compared, never copied.
 */
final class AttributeDiff {
  private AttributeDiff() {}

  /**
   * Core attributes by name; extension attributes (under a {@code urn:} key) qualified as {@code
   * urn:...:name}. {@code schemas} is not an attribute and is left out.
   */
  static Set<String> names(ObjectNode before, ObjectNode after) {
    Set<String> out = new TreeSet<>();
    collect(before, after, out);
    collect(after, before, out);
    return out;
  }

  private static void collect(ObjectNode a, ObjectNode b, Set<String> out) {
    for (Map.Entry<String, JsonNode> f : a.properties()) {
      String key = f.getKey();
      if (key.equals("schemas")) {
        continue;
      }
      JsonNode other = b.get(key);
      if (isExtension(key) && f.getValue().isObject()) {
        ObjectNode otherExt = other != null && other.isObject() ? (ObjectNode) other : null;
        for (Map.Entry<String, JsonNode> x : f.getValue().properties()) {
          JsonNode o = otherExt == null ? null : otherExt.get(x.getKey());
          if (!Objects.equals(x.getValue(), o)) {
            out.add(key + ":" + x.getKey());
          }
        }
      } else if (!Objects.equals(f.getValue(), other)) {
        out.add(key);
      }
    }
  }

  private static boolean isExtension(String key) {
    return key.regionMatches(true, 0, "urn:", 0, 4);
  }
}
