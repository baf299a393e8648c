package dev.scimkit.core.store;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One page of a search.
 *
 * @param resources the resources of the requested page, in order
 * @param totalResults how many resources match the filter in all, across every page
 */
public record SearchResult(List<StoredResource> resources, int totalResults) {
  public SearchResult {
    resources = List.copyOf(requireNonNull(resources, "resources == null"));
    if (totalResults < resources.size()) {
      throw new IllegalArgumentException("totalResults < resources on the page");
    }
  }
}
