package dev.scimkit.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The parameters of a search, exactly as the client sent them (query parameters of {@code GET
 * /Users} or the body of {@code POST /.search}); the engine parses and checks them.
 *
 * @param filter the {@code filter}, or {@code null}
 * @param sortBy the {@code sortBy} attribute path, or {@code null}
 * @param sortOrder {@code ascending} or {@code descending}, or {@code null}
 * @param startIndex the {@code startIndex} text, or {@code null}
 * @param count the {@code count} text, or {@code null}
 * @param attributes the {@code attributes} list (comma-separated), or {@code null}
 * @param excludedAttributes the {@code excludedAttributes} list, or {@code null}
 * @param cursor the {@code cursor} of RFC 9865, or {@code null} when the client did not send
 *     one; the empty string (sent as {@code ?cursor} or {@code "cursor": ""}) asks for the first
 *     page of a cursor-paged walk, any other value continues one
 */
public record SearchParameters(
    String filter,
    String sortBy,
    String sortOrder,
    String startIndex,
    String count,
    String attributes,
    String excludedAttributes,
    String cursor) {

  /** Parameters of index paging, or of the default paging, without a {@code cursor}. */
  public SearchParameters(
      String filter,
      String sortBy,
      String sortOrder,
      String startIndex,
      String count,
      String attributes,
      String excludedAttributes) {
    this(filter, sortBy, sortOrder, startIndex, count, attributes, excludedAttributes, null);
  }

  /** No filter, default order, first page. */
  public static SearchParameters all() {
    return new SearchParameters(null, null, null, null, null, null, null, null);
  }

  /** Only a filter. */
  public static SearchParameters filter(String filter) {
    return new SearchParameters(filter, null, null, null, null, null, null, null);
  }

  /** The shaping part of these parameters. */
  public ResponseOptions responseOptions(String baseUri) {
    return new ResponseOptions(baseUri, attributes, excludedAttributes);
  }

  /**
   * Reads a {@code SearchRequest} message body (RFC 7644 section 3.4.3, with the {@code cursor} of
   * RFC 9865 section 3). Keys are matched ignoring case; {@code attributes} may be an array or a
   * comma-separated string.
   *
   * @throws ScimException 400 {@code invalidSyntax} if the body is not an object
   */
  public static SearchParameters fromJson(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ScimException.badRequest(ScimType.INVALID_SYNTAX, "the search request must be a JSON object");
    }
    String filter = null;
    String sortBy = null;
    String sortOrder = null;
    String startIndex = null;
    String count = null;
    String attributes = null;
    String excluded = null;
    String cursor = null;
    for (Map.Entry<String, JsonNode> f : body.properties()) {
      String v = text(f.getValue());
      switch (f.getKey().toLowerCase(java.util.Locale.ROOT)) {
        case "filter" -> filter = v;
        case "sortby" -> sortBy = v;
        case "sortorder" -> sortOrder = v;
        case "startindex" -> startIndex = v;
        case "count" -> count = v;
        case "attributes" -> attributes = v;
        case "excludedattributes" -> excluded = v;
        case "cursor" -> cursor = v;
        default -> { } // schemas and unknown keys are ignored
      }
    }
    return new SearchParameters(filter, sortBy, sortOrder, startIndex, count, attributes, excluded, cursor);
  }

  private static String text(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode e : v) {
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append(e.asText());
      }
      return sb.toString();
    }
    return v.asText();
  }
}
