package dev.scimkit.core.search;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Index-based paging of search results (RFC 7644 section 3.4.2.4), with the RFC's lenient
 * treatment of out-of-range parameters:
 *
 * <ul>
 *   <li>{@code startIndex} is 1-based; a value below 1 is treated as 1;
 *   <li>{@code count} below 0 is treated as 0 (the response then carries only {@code
 *       totalResults});
 *   <li>{@code count} above {@link #maxCount()} is reduced to it, and an omitted {@code count}
 *       means {@link #maxCount()}.
 * </ul>
 *
 * <pre>{@code
 * Paging paging = Paging.withMaxCount(200);
 * int start = paging.startIndex(params.startIndex()); // "0" -> 1
 * int count = paging.count(params.count());           // null -> 200, "5000" -> 200, "-1" -> 0
 * List<StoredResource> page = paging.page(sorted, start, count);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Paging {

  /** The {@link #maxCount()} of {@link #defaults()}. */
  public static final int DEFAULT_MAX_COUNT = 1000;

  private static final Paging DEFAULTS = new Paging(DEFAULT_MAX_COUNT);

  private final int maxCount;

  private Paging(int maxCount) {
    this.maxCount = maxCount;
  }

  /** Paging with a maximum page size of {@value #DEFAULT_MAX_COUNT}. */
  public static Paging defaults() {
    return DEFAULTS;
  }

  /**
   * Paging with the given maximum page size, which is also the page size when the client gives
   * no {@code count}.
   *
   * @throws IllegalArgumentException if {@code maxCount < 1}
   */
  public static Paging withMaxCount(int maxCount) {
    if (maxCount < 1) {
      throw new IllegalArgumentException("maxCount < 1: " + maxCount);
    }
    return new Paging(maxCount);
  }

  /** The most resources one page holds; advertised as {@code filter.maxResults}. */
  public int maxCount() {
    return maxCount;
  }

  /** A requested {@code startIndex} made valid: below 1 becomes 1. */
  public int startIndex(int requested) {
    return Math.max(1, requested);
  }

  /** A requested {@code count} made valid: below 0 is 0, above {@link #maxCount()} is the max. */
  public int count(int requested) {
    return Math.min(Math.max(0, requested), maxCount);
  }

  /**
   * The {@code startIndex} query parameter as the client sent it, made valid: absent or blank is
   * 1, below 1 is 1, beyond the range of {@code int} is {@link Integer#MAX_VALUE}.
   *
   * @throws ScimException 400 {@code invalidValue} if it is not an integer
   */
  public int startIndex(String parameter) {
    return parameter == null || parameter.isBlank()
        ? 1
        : startIndex(parse("startIndex", parameter));
  }

  /**
   * The {@code count} query parameter as the client sent it, made valid: absent or blank is
   * {@link #maxCount()}, then as {@link #count(int)}.
   *
   * @throws ScimException 400 {@code invalidValue} if it is not an integer
   */
  public int count(String parameter) {
    return parameter == null || parameter.isBlank() ? maxCount : count(parse("count", parameter));
  }

  /**
   * The page of {@code sorted} that starts at the 1-based {@code startIndex} and holds at most
   * {@code count} elements, after making both valid as {@link #startIndex(int)} and {@link
   * #count(int)} do. A start beyond the end gives an empty page.
   *
   * @return a new unmodifiable list
   */
  public <T> List<T> page(List<T> sorted, int startIndex, int count) {
    requireNonNull(sorted, "sorted == null");
    int from = startIndex(startIndex) - 1;
    int size = count(count);
    if (from >= sorted.size() || size == 0) {
      return List.of();
    }
    int to = (int) Math.min(sorted.size(), (long) from + size);
    return Collections.unmodifiableList(new ArrayList<>(sorted.subList(from, to)));
  }

  private static int parse(String name, String parameter) {
    String text = parameter.strip();
    if (!text.matches("[+-]?[0-9]{1,400}")) {
      throw ScimException.badRequest(
          ScimType.INVALID_VALUE, "'" + name + "' must be an integer: \"" + shorten(text) + "\"");
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException outOfRange) {
      return text.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    }
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  @Override
  public String toString() {
    return "Paging{maxCount=" + maxCount + '}';
  }
}
