package dev.scimkit.core.search;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.CommonAttributes;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.store.SortOrder;
import dev.scimkit.core.store.StoredResource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order of search results (RFC 7644 section 3.4.2.3): the reference ordering every store is
 * tested against.
 *
 * <pre>{@code
 * ResolvedAttribute sortBy = type.resolve(Filters.parseAttributePath("name.familyName"));
 * List<StoredResource> ordered = Sorting.sort(matches, sortBy, SortOrder.ASCENDING);
 * }</pre>
 *
 * <p>The order:
 *
 * <ul>
 *   <li>Values compare by the type of the attribute (or sub-attribute) {@code sortBy} names:
 *       strings ignoring case unless it is {@code caseExact} (folded as in {@link
 *       FilterEvaluator}), decimals and integers numerically, dateTimes as instants, booleans
 *       {@code false} before {@code true}. Values that do not read as that type sort after those
 *       that do, compared as text.
 *   <li>A complex attribute named without a sub-attribute sorts by its {@code value}
 *       sub-attribute. A multi-valued attribute sorts by the value of its element marked {@code
 *       primary}, else of its first element.
 *   <li>Resources without a value (absent, null or {@code ""}) sort last in ascending order.
 *   <li>Ties are broken by {@code id} (case-sensitively), so the order is total and the same on
 *       every page.
 *   <li>{@link SortOrder#DESCENDING} is the exact reverse of ascending: resources without a value
 *       come first, and ties are in descending {@code id} order.
 *   <li>With no {@code sortBy} ({@code null}), resources are in creation order ({@code
 *       meta.created}, then {@code id}) and the sort order is ignored, as {@link
 *       dev.scimkit.core.store.SearchRequest} specifies.
 * </ul>
 *
 * <p>For a {@link StoredResource}, {@code id}, {@code meta.created}, {@code meta.lastModified} and
 * {@code meta.version} (as {@code W/"<version>"}) come from the record; everything else from its
 * document. The comparators are thread-safe and work out each resource's sort value on every
 * comparison; {@link #sort} works each out once, which pays off for large collections.
 */
public final class Sorting {
  private Sorting() {}

  private static final ResolvedAttribute CREATED =
      new ResolvedAttribute(
          CommonAttributes.URN,
          false,
          CommonAttributes.META,
          CommonAttributes.META.subAttribute("created"));

  /**
   * The order of stored resources by {@code sortBy}.
   *
   * @param sortBy the resolved {@code sortBy} attribute, or null for creation order
   * @param order the direction; ignored when {@code sortBy} is null
   */
  public static Comparator<StoredResource> storedResources(
      ResolvedAttribute sortBy, SortOrder order) {
    requireNonNull(order, "order == null");
    SortKey.Extractor keys = new SortKey.Extractor(sortBy == null ? CREATED : sortBy);
    Comparator<StoredResource> ascending =
        (a, b) -> {
          int c =
              keys.key(ResourceSource.of(a, null)).compareTo(keys.key(ResourceSource.of(b, null)));
          return c != 0 ? c : a.id().compareTo(b.id());
        };
    return direction(ascending, sortBy, order);
  }

  /**
   * The order of full representations (with {@code id} and {@code meta} in the JSON) by {@code
   * sortBy}; a representation without an {@code id} ties as the empty string.
   *
   * @param sortBy the resolved {@code sortBy} attribute, or null for creation order
   * @param order the direction; ignored when {@code sortBy} is null
   */
  public static Comparator<ObjectNode> representations(ResolvedAttribute sortBy, SortOrder order) {
    requireNonNull(order, "order == null");
    SortKey.Extractor keys = new SortKey.Extractor(sortBy == null ? CREATED : sortBy);
    Comparator<ObjectNode> ascending =
        (a, b) -> {
          int c = keys.key(ResourceSource.of(a)).compareTo(keys.key(ResourceSource.of(b)));
          return c != 0 ? c : idOf(a).compareTo(idOf(b));
        };
    return direction(ascending, sortBy, order);
  }

  /**
   * Returns a new list of {@code resources} in the order of {@link #storedResources}, working out
   * each resource's sort value once.
   *
   * @param sortBy the resolved {@code sortBy} attribute, or null for creation order
   * @param order the direction; ignored when {@code sortBy} is null
   */
  public static List<StoredResource> sort(
      Collection<StoredResource> resources, ResolvedAttribute sortBy, SortOrder order) {
    requireNonNull(resources, "resources == null");
    requireNonNull(order, "order == null");
    SortKey.Extractor keys = new SortKey.Extractor(sortBy == null ? CREATED : sortBy);
    Keyed[] keyed = new Keyed[resources.size()];
    int i = 0;
    for (StoredResource r : resources) {
      requireNonNull(r, "resources contains null");
      keyed[i++] = new Keyed(keys.key(ResourceSource.of(r, null)), r);
    }
    Comparator<Keyed> ascending =
        (a, b) -> {
          int c = a.key.compareTo(b.key);
          return c != 0 ? c : a.resource.id().compareTo(b.resource.id());
        };
    Arrays.sort(keyed, direction(ascending, sortBy, order));
    List<StoredResource> sorted = new ArrayList<>(keyed.length);
    for (Keyed k : keyed) {
      sorted.add(k.resource);
    }
    return sorted;
  }

  private record Keyed(SortKey key, StoredResource resource) {}

  private static <T> Comparator<T> direction(
      Comparator<T> ascending, ResolvedAttribute sortBy, SortOrder order) {
    return sortBy != null && order == SortOrder.DESCENDING ? ascending.reversed() : ascending;
  }

  private static String idOf(ObjectNode representation) {
    JsonNode id = representation.get("id");
    return id == null || id.isNull() ? "" : id.asText();
  }
}
