package dev.scimkit.core.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The one Jackson configuration behind the views' {@code fromJson} and {@code toJson}. */
final class ResourceJson {
  private ResourceJson() {}

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // canonical documents always use arrays, but a single element costs nothing to accept
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
          .build();

  /** Binds {@code json} to {@code type}; failures are {@link IllegalArgumentException}s. */
  static <T> T read(JsonNode json, Class<T> type) {
    Objects.requireNonNull(json, "json == null");
    if (!json.isObject()) {
      throw new IllegalArgumentException(
          "a " + type.getSimpleName() + " must be a JSON object, not " + json.getNodeType());
    }
    try {
      return MAPPER.treeToValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot read a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes a view as a SCIM document: {@code schemas} first (the core URN, then the URN of each
   * extension object present), then the attributes, with empty objects and arrays left out.
   */
  static ObjectNode write(Object view, String coreSchema) {
    ObjectNode tree = MAPPER.valueToTree(view);
    tree.remove("schemas");
    prune(tree);
    ObjectNode out = MAPPER.createObjectNode();
    ArrayNode schemas = out.putArray("schemas").add(coreSchema);
    tree.fieldNames().forEachRemaining(name -> {
      if (name.startsWith("urn:")) {
        schemas.add(name);
      }
    });
    out.setAll(tree);
    return out;
  }

  /**
   * Removes nulls, and objects and arrays that are (or become) empty, so that an all-null nested
   * record (a {@code Name} with no parts) is absent rather than {@code {}}.
   */
  private static void prune(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
      while (it.hasNext()) {
        JsonNode value = it.next().getValue();
        prune(value);
        if (isEmpty(value)) {
          it.remove();
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
        JsonNode value = it.next();
        prune(value);
        if (isEmpty(value)) {
          it.remove();
        }
      }
    }
  }

  private static boolean isEmpty(JsonNode value) {
    return value.isNull() || (value.isContainerNode() && value.isEmpty());
  }

  /** An unmodifiable copy without {@code null} elements; {@code null} becomes the empty list. */
  static <E> List<E> copy(List<E> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    List<E> out = new ArrayList<>(list.size());
    for (E e : list) {
      if (e != null) {
        out.add(e);
      }
    }
    return List.copyOf(out);
  }
}
