package dev.scimkit.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.Schemas;
import java.util.List;

/**
 * One page of search results (RFC 7644 section 3.4.2), paged by index or by cursor (RFC 9865).
 *
 * @param totalResults the number of matches across all pages (for a cursor-paged walk, counted
 *     when the walk began: see {@link ScimEngine#search})
 * @param startIndex the 1-based index of the first resource on this page; 0 for a page of cursor
 *     paging, which has no index and whose message carries none
 * @param resources the page, already projected
 * @param nextCursor the cursor of the next page, or {@code null} on the last page and with index
 *     paging
 * @param previousCursor the cursor of the previous page, or {@code null} on the first page and
 *     with index paging
 */
public record ListResponse(
    int totalResults,
    int startIndex,
    List<ObjectNode> resources,
    String nextCursor,
    String previousCursor) {

  public ListResponse {
    resources = List.copyOf(requireNonNull(resources, "resources == null"));
    if (startIndex < 0) {
      throw new IllegalArgumentException("startIndex < 0: " + startIndex);
    }
  }

  /** A page of index paging. */
  public ListResponse(int totalResults, int startIndex, List<ObjectNode> resources) {
    this(totalResults, startIndex, resources, null, null);
  }

  /** A page of cursor paging. */
  public static ListResponse cursorPage(
      int totalResults, List<ObjectNode> resources, String nextCursor, String previousCursor) {
    return new ListResponse(totalResults, 0, resources, nextCursor, previousCursor);
  }

  /** The number of resources on this page. */
  public int itemsPerPage() {
    return resources.size();
  }

  /**
   * The {@code ListResponse} message, with integer counts and {@code Resources} always present;
   * {@code startIndex} only for index paging, {@code nextCursor} and {@code previousCursor} only
   * when there is such a page.
   */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.putArray("schemas").add(Schemas.LIST_RESPONSE);
    json.put("totalResults", totalResults);
    if (startIndex > 0) {
      json.put("startIndex", startIndex);
    }
    json.put("itemsPerPage", itemsPerPage());
    if (previousCursor != null) {
      json.put("previousCursor", previousCursor);
    }
    if (nextCursor != null) {
      json.put("nextCursor", nextCursor);
    }
    ArrayNode array = json.putArray("Resources");
    resources.forEach(array::add);
    return json;
  }
}
