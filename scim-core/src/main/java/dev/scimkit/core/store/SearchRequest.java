package dev.scimkit.core.store;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.filter.Filter;

/**
 * A search as the engine hands it to a store: already validated against the resource type, with
 * paging clamped to the engine's limits.
 *
 * <p>The filter is the AST of {@code scim-filter}, so a store can translate it to its own query
 * language. Attribute names in it may be in any letter case and unqualified; resolve them with
 * {@link dev.scimkit.core.schema.ResourceType#resolve}. A store that cannot translate some filter
 * evaluates it with {@link dev.scimkit.core.search.FilterEvaluator}, which is the reference
 * semantics every store is tested against.
 *
 * <p>A request pages in one of two ways. <b>Index paging</b> ({@code keyset} is {@code null},
 * the default): the page starts at the 1-based {@code startIndex} of the sorted matches. <b>Keyset
 * paging</b> ({@code keyset} is not {@code null}): the page starts at a position the store gave
 * out, as {@link Keyset} describes, in the store's default order; {@code startIndex} is then 1
 * and {@code sortBy} is {@code null}. The engine sends keyset requests only to stores whose
 * {@link ResourceStore#keysetPaging()} is {@code true}.
 *
 * @param filter the filter, or {@code null} for all resources
 * @param sortBy the attribute to sort by, or {@code null} for the store's stable default order:
 *     clients page through it, so it must not change between calls that change nothing;
 *     creation order is the one the store contract kit expects
 * @param sortOrder the direction; ignored without {@code sortBy}
 * @param startIndex the 1-based index of the first result to return
 * @param count the most results to return; 0 asks only for {@code totalResults}
 * @param keyset where a keyset page starts, or {@code null} for index paging
 */
public record SearchRequest(
    Filter filter,
    ResolvedAttribute sortBy,
    SortOrder sortOrder,
    int startIndex,
    int count,
    Keyset keyset) {

  public SearchRequest {
    requireNonNull(sortOrder, "sortOrder == null");
    if (startIndex < 1) {
      throw new IllegalArgumentException("startIndex < 1: " + startIndex);
    }
    if (count < 0) {
      throw new IllegalArgumentException("count < 0: " + count);
    }
    if (keyset != null && (startIndex != 1 || sortBy != null)) {
      throw new IllegalArgumentException("a keyset request has startIndex 1 and no sortBy");
    }
  }

  /** An index-paged request (no keyset). */
  public SearchRequest(
      Filter filter, ResolvedAttribute sortBy, SortOrder sortOrder, int startIndex, int count) {
    this(filter, sortBy, sortOrder, startIndex, count, null);
  }

  /** All resources matching {@code filter}, in default order, from the first, up to {@code count}. */
  public static SearchRequest of(Filter filter, int count) {
    return new SearchRequest(filter, null, SortOrder.ASCENDING, 1, count);
  }

  /**
   * A keyset page: up to {@code count} resources matching {@code filter}, in default order, on
   * the side of a position that {@code keyset} names.
   */
  public static SearchRequest page(Filter filter, Keyset keyset, int count) {
    return new SearchRequest(
        filter, null, SortOrder.ASCENDING, 1, count, requireNonNull(keyset, "keyset == null"));
  }
}
