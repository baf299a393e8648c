package dev.scimkit.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.Schemas;
import java.util.List;

/**
 * One page of search results (RFC 7644 section 3.4.2).
 *
 * @param totalResults the number of matches across all pages
 * @param startIndex the 1-based index of the first resource on this page
 * @param resources the page, already projected
 */
public record ListResponse(int totalResults, int startIndex, List<ObjectNode> resources) {

  public ListResponse {
    resources = List.copyOf(requireNonNull(resources, "resources == null"));
  }

  /** The number of resources on this page. */
  public int itemsPerPage() {
    return resources.size();
  }

  /** The {@code ListResponse} message, with integer counts and {@code Resources} always present. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.putArray("schemas").add(Schemas.LIST_RESPONSE);
    json.put("totalResults", totalResults);
    json.put("startIndex", startIndex);
    json.put("itemsPerPage", itemsPerPage());
    ArrayNode array = json.putArray("Resources");
    resources.forEach(array::add);
    return json;
  }
}
