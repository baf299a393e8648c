package dev.scimkit.core.patch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A SCIM PATCH request: its operations, in the order they are to be applied.
 *
 * <p>Read one from a request body with {@link #fromJson(JsonNode)}; apply it with {@link
 * PatchApplier#apply}. A request is applied as a whole or not at all.
 *
 * @param operations the operations, in order; may be empty when built in code (such a request
 *     changes nothing), never when read by {@link #fromJson(JsonNode)}
 */
public record PatchRequest(List<PatchOperation> operations) {

  /** Creates a request; the list is copied. */
  public PatchRequest {
    requireNonNull(operations, "operations == null");
    operations = List.copyOf(operations);
  }

  /** A request of these operations. */
  public static PatchRequest of(PatchOperation... operations) {
    return new PatchRequest(List.of(operations));
  }

  /**
   * Reads a PATCH body ({@code urn:ietf:params:scim:api:messages:2.0:PatchOp}) as clients really
   * send it:
   *
   * <ul>
   *   <li>the body must be a JSON object with an {@code Operations} array; the key, and the keys
   *       {@code op}, {@code path} and {@code value} of each operation, are matched ignoring case;
   *   <li>{@code schemas} may be missing or wrong: it is not looked at;
   *   <li>op names are accepted in any case ({@code "Add"}, {@code "replace"}, {@code "REMOVE"});
   *   <li>a blank {@code path} counts as no path;
   *   <li>{@code Operations} must hold at least one operation (RFC 7644 section 3.5.2: "an array of
   *       one or more PATCH operations").
   * </ul>
   *
   * <p>Every operation is checked as described in {@link PatchOperation}; the detail of an error
   * names the operation by its 1-based position.
   *
   * @throws NullPointerException if {@code body} is null (a Java null, not a JSON {@code null})
   * @throws ScimException 400 {@code invalidSyntax} if the body is not an object with an {@code
   *     Operations} array of objects, or an operation has no or an unknown {@code op}; 400 {@code
   *     invalidValue} if {@code Operations} is empty; 400 {@code invalidPath}, {@code invalidValue}
   *     or {@code noTarget} as described in {@link PatchOperation}
   */
  public static PatchRequest fromJson(JsonNode body) {
    requireNonNull(body, "body == null");
    if (!body.isObject()) {
      throw ScimException.badRequest(
          ScimType.INVALID_SYNTAX, "a PATCH body must be a JSON object with an Operations array");
    }
    JsonNode operations = field(body, "Operations");
    if (operations == null || !operations.isArray()) {
      throw ScimException.badRequest(
          ScimType.INVALID_SYNTAX, "a PATCH body must have an Operations array");
    }
    if (operations.isEmpty()) {
      throw ScimException.badRequest(
          ScimType.INVALID_VALUE, "the Operations array must hold at least one operation");
    }
    List<PatchOperation> result = new ArrayList<>(operations.size());
    int index = 0;
    for (JsonNode element : operations) {
      index++;
      if (!element.isObject()) {
        throw ScimException.badRequest(
            ScimType.INVALID_SYNTAX, "operation " + index + " must be a JSON object");
      }
      JsonNode opNode = field(element, "op");
      if (opNode == null || opNode.isNull()) {
        throw ScimException.badRequest(
            ScimType.INVALID_SYNTAX,
            "operation " + index + " has no op; expected add, replace or remove");
      }
      PatchOperation.Op op = opNode.isTextual() ? PatchOperation.Op.fromName(opNode.asText()) : null;
      if (op == null) {
        throw ScimException.badRequest(
            ScimType.INVALID_SYNTAX,
            "operation " + index + " has an unknown op "
                + PatchOperation.shorten(opNode.toString()) + "; expected add, replace or remove");
      }
      JsonNode pathNode = field(element, "path");
      String path = null;
      if (pathNode != null && !pathNode.isNull()) {
        if (!pathNode.isTextual()) {
          throw ScimException.badRequest(
              ScimType.INVALID_PATH, "operation " + index + ": the path must be a string");
        }
        path = pathNode.asText();
      }
      JsonNode value = field(element, "value");
      try {
        result.add(new PatchOperation(op, path, value));
      } catch (ScimException e) {
        throw PatchApplier.atOperation(index, e);
      }
    }
    return new PatchRequest(result);
  }

  /** The value of the key that equals {@code name} ignoring case (an exact match wins). */
  private static JsonNode field(JsonNode object, String name) {
    JsonNode exact = object.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    return null;
  }
}
