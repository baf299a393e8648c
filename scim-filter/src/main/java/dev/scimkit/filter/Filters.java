package dev.scimkit.filter;

import static java.util.Objects.requireNonNull;

import dev.scimkit.filter.internal.FilterFormatter;
import dev.scimkit.filter.internal.FilterParser;

/**
 * Parses and formats SCIM filters and PATCH paths.
 *
 * <pre>{@code
 * Filter filter = Filters.parse("userName eq \"bjensen\" and emails[type eq \"work\"]");
 * PatchPath path = Filters.parsePath("members[value eq \"2819c223\"]");
 * String text = Filters.format(filter); // canonical text; parse(format(f)).equals(f)
 * }</pre>
 *
 * <p>Parsing accepts everything RFC 7644 allows (keywords in any letter case, JSON string escapes,
 * numbers with fractions and exponents, schema-qualified paths, value paths with logic inside)
 * plus the form Entra ID sends, {@code emails[type eq "work"].value eq "x@y"}. The whole input must
 * be consumed: trailing text is an error. Parsing never prints anything; every problem, including
 * an input over the {@link FilterLimits}, is a {@link FilterParseException}.
 *
 * <p>All methods are thread-safe.
 */
public final class Filters {
  private Filters() {}

  /**
   * Parses a filter with the {@linkplain FilterLimits#defaults() default limits}.
   *
   * @throws FilterParseException if {@code text} is not a well-formed filter
   */
  public static Filter parse(String text) {
    return parse(text, FilterLimits.defaults());
  }

  /**
   * Parses a filter.
   *
   * @throws FilterParseException if {@code text} is not a well-formed filter or exceeds {@code
   *     limits}
   */
  public static Filter parse(String text, FilterLimits limits) {
    requireNonNull(text, "text == null");
    requireNonNull(limits, "limits == null");
    return FilterParser.parseFilter(text, limits);
  }

  /**
   * Parses a PATCH path with the {@linkplain FilterLimits#defaults() default limits}.
   *
   * @throws FilterParseException if {@code text} is not a well-formed PATCH path
   */
  public static PatchPath parsePath(String text) {
    return parsePath(text, FilterLimits.defaults());
  }

  /**
   * Parses a PATCH path.
   *
   * @throws FilterParseException if {@code text} is not a well-formed PATCH path or exceeds
   *     {@code limits}
   */
  public static PatchPath parsePath(String text, FilterLimits limits) {
    requireNonNull(text, "text == null");
    requireNonNull(limits, "limits == null");
    return FilterParser.parsePatchPath(text, limits);
  }

  /**
   * Parses an attribute path such as {@code name.givenName} or {@code
   * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}, as used by {@code
   * sortBy}, {@code attributes} and {@code excludedAttributes}.
   *
   * @throws FilterParseException if {@code text} is not a well-formed attribute path
   */
  public static AttributePath parseAttributePath(String text) {
    requireNonNull(text, "text == null");
    return FilterParser.parseAttributePath(text);
  }

  /** The canonical text of a filter: lower-case keywords, minimal parentheses and escapes. */
  public static String format(Filter filter) {
    requireNonNull(filter, "filter == null");
    return FilterFormatter.format(filter);
  }

  /** The canonical text of a PATCH path. */
  public static String format(PatchPath path) {
    requireNonNull(path, "path == null");
    return FilterFormatter.format(path);
  }

  /** The canonical text of an attribute path. */
  public static String format(AttributePath path) {
    requireNonNull(path, "path == null");
    return FilterFormatter.format(path);
  }

  /** The canonical text of a literal: a JSON string, number, {@code true}, {@code false} or {@code null}. */
  public static String format(FilterValue value) {
    requireNonNull(value, "value == null");
    return FilterFormatter.format(value);
  }
}
