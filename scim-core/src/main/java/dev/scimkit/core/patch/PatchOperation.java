package dev.scimkit.core.patch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.filter.FilterParseException;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.PatchPath;
import java.util.Locale;

/**
 * One operation of a SCIM PATCH request (RFC 7644 section 3.5.2).
 *
 * <p>Creating an operation checks what can be checked without a schema, so that a malformed
 * request fails before anything is read from a store:
 *
 * <ul>
 *   <li>a {@code path} that is not a well-formed PATCH path is {@code 400 invalidPath}, with the
 *       parser's reason and position in the detail;
 *   <li>{@code add} or {@code replace} with no {@code value} is {@code 400 invalidValue} (for
 *       {@code replace}, an explicit JSON {@code null} is a value: it clears the target; for
 *       {@code add} it is not);
 *   <li>{@code remove} with no {@code path} is {@code 400 noTarget}, unless its {@code value} is an
 *       object whose keys name what to remove (for example {@code {"members":[{"value":"id"}]}}).
 * </ul>
 *
 * <p>Whether the path names an attribute of the resource type, and whether the value fits it, is
 * checked when the operation is {@linkplain PatchApplier#apply applied}.
 *
 * <p>The {@code value} node is held as given, not copied; applying an operation never modifies
 * it, and callers should not modify it either.
 *
 * @param op what to do
 * @param path the target as the client wrote it, or {@code null} when the operation has none (a
 *     blank path counts as none)
 * @param value the value as the client sent it, or {@code null} when the operation has none; a
 *     JSON {@code null} is kept as a {@link com.fasterxml.jackson.databind.node.NullNode}
 */
public record PatchOperation(Op op, String path, JsonNode value) {

  /** The three PATCH operations. */
  public enum Op {
    /** Adds values; on a single-valued attribute, sets it (RFC 7644 section 3.5.2.1). */
    ADD,
    /** Replaces values (RFC 7644 section 3.5.2.3). */
    REPLACE,
    /** Removes values (RFC 7644 section 3.5.2.2). */
    REMOVE;

    /** The name as written in a request, in lower case ({@code "add"}). */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The operation with this name, ignoring letter case ({@code "Add"}, {@code "REPLACE"} and
     * {@code "remove"} are all accepted), or {@code null} if there is none.
     */
    public static Op fromName(String name) {
      if (name == null) {
        return null;
      }
      for (Op op : values()) {
        if (op.name().equalsIgnoreCase(name.trim())) {
          return op;
        }
      }
      return null;
    }
  }

  /**
   * Creates an operation, checking it as described in the class documentation.
   *
   * @throws NullPointerException if {@code op} is null
   * @throws ScimException 400 {@code invalidPath}, {@code invalidValue} or {@code noTarget}
   */
  public PatchOperation {
    requireNonNull(op, "op == null");
    if (path != null && path.isBlank()) {
      path = null;
    }
    if (path != null) {
      parse(path);
    }
    switch (op) {
      case ADD -> {
        if (value == null || value.isNull() || value.isMissingNode()) {
          throw ScimException.badRequest(
              ScimType.INVALID_VALUE, "an add operation needs a value" + at(path));
        }
      }
      case REPLACE -> {
        if (value == null || value.isMissingNode()) {
          throw ScimException.badRequest(
              ScimType.INVALID_VALUE, "a replace operation needs a value" + at(path));
        }
      }
      case REMOVE -> {
        if (path == null && (value == null || !value.isObject())) {
          throw ScimException.badRequest(
              ScimType.NO_TARGET, "a remove operation needs a path naming what to remove");
        }
      }
    }
  }

  /** An {@code add} operation. */
  public static PatchOperation add(String path, JsonNode value) {
    return new PatchOperation(Op.ADD, path, value);
  }

  /** A {@code replace} operation. */
  public static PatchOperation replace(String path, JsonNode value) {
    return new PatchOperation(Op.REPLACE, path, value);
  }

  /** A {@code remove} operation with no value. */
  public static PatchOperation remove(String path) {
    return new PatchOperation(Op.REMOVE, path, null);
  }

  /** Parses a path written by a client; the error is {@code 400 invalidPath}. */
  static PatchPath parse(String path) {
    try {
      return Filters.parsePath(path);
    } catch (FilterParseException e) {
      throw new ScimException(
          400,
          ScimType.INVALID_PATH,
          "the path \"" + shorten(path) + "\" is not valid: " + e.reason() + " at position "
              + e.position(),
          e);
    }
  }

  private static String at(String path) {
    return path == null ? "" : " (path \"" + shorten(path) + "\")";
  }

  static String shorten(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
