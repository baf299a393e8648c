package dev.scimkit.core.store;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One page of a search.
 *
 * @param resources the resources of the requested page, in order
 * @param totalResults how many resources match the filter in all, across every page; for a page of
 *     keyset paging, which the engine counts separately, see {@link #keysetPage}
 * @param positions for a page of keyset paging, the position of each resource (see {@link
 *     Keyset}), in the same order; empty for index paging
 */
public record SearchResult(List<StoredResource> resources, int totalResults, List<String> positions) {
  public SearchResult {
    resources = List.copyOf(requireNonNull(resources, "resources == null"));
    positions = List.copyOf(requireNonNull(positions, "positions == null"));
    if (totalResults < resources.size()) {
      throw new IllegalArgumentException("totalResults < resources on the page");
    }
    if (!positions.isEmpty() && positions.size() != resources.size()) {
      throw new IllegalArgumentException("one position per resource, or none");
    }
  }

  /** A page of index paging. */
  public SearchResult(List<StoredResource> resources, int totalResults) {
    this(resources, totalResults, List.of());
  }

  /**
   * A page of keyset paging: the resources with their positions. The engine counts the matches of
   * a walk with a separate request ({@code count} 0, index paging) on its first page, so a store
   * need not count here; {@code totalResults} is the number of resources on the page.
   */
  public static SearchResult keysetPage(List<StoredResource> resources, List<String> positions) {
    requireNonNull(resources, "resources == null");
    if (positions.size() != resources.size()) {
      throw new IllegalArgumentException("one position per resource");
    }
    return new SearchResult(resources, resources.size(), positions);
  }
}
