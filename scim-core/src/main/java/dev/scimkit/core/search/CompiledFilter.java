package dev.scimkit.core.search;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.Filter;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A filter prepared for one resource type by {@link FilterEvaluator#compile}: every attribute
 * path resolved and every literal converted once, ready to test many resources.
 *
 * <pre>{@code
 * CompiledFilter f = FilterEvaluator.forType(Schemas.userType()).compile(request.filter());
 * List<StoredResource> matches = all.stream().filter(f::matches).toList();
 * }</pre>
 *
 * <p>The semantics are those documented on {@link FilterEvaluator}. Instances are immutable and
 * thread-safe; testing a resource allocates nothing in proportion to the resource's size and never
 * copies its document.
 */
public final class CompiledFilter {
  private final Filter filter;
  private final Predicate<ResourceSource> predicate;

  CompiledFilter(Filter filter, Predicate<ResourceSource> predicate) {
    this.filter = filter;
    this.predicate = predicate;
  }

  /** The filter this was compiled from. */
  public Filter filter() {
    return filter;
  }

  /**
   * Tests a full representation: {@code id}, {@code meta} and everything else are read from the
   * JSON, as the client would see it before projection.
   */
  public boolean matches(ObjectNode representation) {
    requireNonNull(representation, "representation == null");
    return predicate.test(ResourceSource.of(representation));
  }

  /**
   * Tests a stored resource. {@code id}, {@code meta.created}, {@code meta.lastModified} and
   * {@code meta.version} are read from the record, {@code meta.resourceType} is the resource
   * type's name, everything else from {@link StoredResource#document()}.
   */
  public boolean matches(StoredResource resource) {
    return matches(resource, null);
  }

  /**
   * Tests a stored resource whose document lacks some attributes that the store keeps elsewhere:
   * a group store supplies {@code members}, a user store {@code groups}.
   *
   * @param extraTopLevel called with the canonical name of a top-level core attribute ({@code
   *     "members"}) only when the filter needs it and the document does not hold it; returns its
   *     JSON value (an array of {@code {"value": id, ...}} objects for {@code members}), or null
   *     when the resource has none. It is not called at all for filters that do not mention such
   *     an attribute, so it may load lazily. May be null, meaning no extra attributes.
   */
  public boolean matches(
      StoredResource resource, Function<String, ? extends JsonNode> extraTopLevel) {
    requireNonNull(resource, "resource == null");
    return predicate.test(ResourceSource.of(resource, extraTopLevel));
  }

  @Override
  public String toString() {
    return "CompiledFilter{" + filter + '}';
  }
}
