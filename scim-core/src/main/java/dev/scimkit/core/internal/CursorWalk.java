package dev.scimkit.core.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ListResponse;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.SearchParameters;
import dev.scimkit.core.search.Paging;
import dev.scimkit.core.store.Keyset;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.Filters;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cursor paging (RFC 9865) over one or more <em>lanes</em>: the matches of one resource type in
 * its store's walk order, one lane for {@code /Users}, one per type for a search at the root.
 * A walk goes through the lanes in order; a cursor names a lane and a position in it, so every
 * page is a seek and a short read, however far the walk has come, and resources created or
 * deleted during the walk neither shift nor repeat the rest.
 *
 * <p>Each page asks for one resource more than it returns, to know whether another page follows:
 * {@code nextCursor} is omitted exactly on the last page. {@code previousCursor} is given on every
 * page reached by a cursor, never on the first. {@code totalResults} is counted on the first page
 * of a walk (an empty {@code cursor}) and carried in the cursors from then on, so that no later
 * page pays for counting every match; it is the number of matches when the walk began.
 */
public final class CursorWalk {

  /** One resource type's part in a walk. */
  public interface Lane {
    /**
     * Up to {@code limit} matches on the side of a position that {@code keyset} names, in walk
     * order, with their positions.
     */
    SearchResult fetch(Keyset keyset, int limit, RequestContext ctx);

    /** All matches of the lane. */
    int count(RequestContext ctx);

    /** Whether the lane's positions are ids (the engine pages a store without keyset paging). */
    boolean byId();

    /** The filter of the search, or {@code null}. */
    Filter filter();

    /** A resource of this lane as the client receives it. */
    ObjectNode render(StoredResource resource, RequestContext ctx);
  }

  private record Item(int lane, StoredResource resource, String position) {}

  private final CursorCodec codec;
  private final Paging paging;
  private final StoreUnits units;

  public CursorWalk(byte[] secret, Duration timeout, Clock clock, int maxPageSize, StoreProvider units) {
    this.codec = new CursorCodec(secret, timeout, clock);
    this.paging = Paging.withMaxCount(maxPageSize);
    this.units = new StoreUnits(units);
  }

  /** How long a cursor stays valid after it was issued; advertised as {@code cursorTimeout}. */
  public Duration timeout() {
    return codec.timeout();
  }

  /**
   * One page of a cursor-paged search of {@code endpoint} over {@code lanes}, in one unit of work.
   *
   * @throws ScimException 400 {@code invalidValue} for {@code startIndex} or {@code sortBy} beside
   *     a cursor, 400 {@code invalidCount}, 400 {@code invalidCursor}, 400 {@code expiredCursor}
   */
  public ListResponse page(
      List<Lane> lanes, String endpoint, SearchParameters p, RequestContext ctx) {
    checkParameters(p);
    int count = count(p.count());
    Filter filter = lanes.isEmpty() ? null : lanes.get(0).filter();
    CursorCodec.Binding binding =
        new CursorCodec.Binding(ctx.tenant(), endpoint, filter == null ? "" : Filters.format(filter));
    CursorCodec.Position from = p.cursor().isEmpty() ? null : codec.open(p.cursor(), binding);
    if (from != null
        && (from.lane() < 0 || from.lane() >= lanes.size()
            || from.byId() != lanes.get(from.lane()).byId())) {
      throw CursorCodec.invalid(); // the store behind the walk changed since it began
    }
    return units.read(ctx, () -> {
      int total = from == null ? countAll(lanes, ctx) : from.total();
      if (count == 0 || lanes.isEmpty()) {
        return ListResponse.cursorPage(total, List.of(), null, null);
      }
      return from == null || from.keyset().direction() == Keyset.Direction.AFTER
          ? forward(lanes, from, count, total, binding, ctx)
          : backward(lanes, from, count, total, binding, ctx);
    });
  }

  private ListResponse forward(
      List<Lane> lanes, CursorCodec.Position from, int count, int total, CursorCodec.Binding binding,
      RequestContext ctx) {
    int first = from == null ? 0 : from.lane();
    List<Item> items = new ArrayList<>(count + 1);
    for (int lane = first; lane < lanes.size() && items.size() <= count; lane++) {
      Keyset keyset = lane == first && from != null ? from.keyset() : Keyset.first();
      items.addAll(fetch(lanes, lane, keyset, count + 1 - items.size(), ctx));
    }
    List<Item> page = items.subList(0, Math.min(count, items.size()));
    String next = items.size() > count ? seal(lanes, last(page), Keyset.Direction.AFTER, total, binding) : null;
    String previous = null;
    if (from != null) {
      previous = page.isEmpty()
          ? codec.seal(new CursorCodec.Position(first, Keyset.before(from.keyset().position()), from.byId(), total), binding)
          : seal(lanes, page.get(0), Keyset.Direction.BEFORE, total, binding);
    }
    return ListResponse.cursorPage(total, render(lanes, page, ctx), next, previous);
  }

  private ListResponse backward(
      List<Lane> lanes, CursorCodec.Position from, int count, int total, CursorCodec.Binding binding,
      RequestContext ctx) {
    int first = from.lane();
    List<Item> items = new ArrayList<>(count + 1);
    for (int lane = first; lane >= 0 && items.size() <= count; lane--) {
      Keyset keyset = lane == first ? from.keyset() : Keyset.last();
      items.addAll(0, fetch(lanes, lane, keyset, count + 1 - items.size(), ctx));
    }
    List<Item> page = items.subList(Math.max(0, items.size() - count), items.size());
    String previous =
        items.size() > count ? seal(lanes, page.get(0), Keyset.Direction.BEFORE, total, binding) : null;
    String next = page.isEmpty()
        ? codec.seal(new CursorCodec.Position(first, Keyset.after(from.keyset().position()), from.byId(), total), binding)
        : seal(lanes, last(page), Keyset.Direction.AFTER, total, binding);
    return ListResponse.cursorPage(total, render(lanes, page, ctx), next, previous);
  }

  private static List<Item> fetch(List<Lane> lanes, int lane, Keyset keyset, int limit, RequestContext ctx) {
    SearchResult result = lanes.get(lane).fetch(keyset, limit, ctx);
    if (result.positions().size() != result.resources().size() || result.resources().size() > limit) {
      throw new IllegalStateException(
          "a store that declares keysetPaging() returned a page without a position per resource,"
              + " or more resources than asked for");
    }
    List<Item> items = new ArrayList<>(result.resources().size());
    for (int i = 0; i < result.resources().size(); i++) {
      items.add(new Item(lane, result.resources().get(i), result.positions().get(i)));
    }
    return items;
  }

  private String seal(
      List<Lane> lanes, Item item, Keyset.Direction direction, int total, CursorCodec.Binding binding) {
    Keyset keyset = new Keyset(direction, item.position());
    return codec.seal(new CursorCodec.Position(item.lane(), keyset, lanes.get(item.lane()).byId(), total), binding);
  }

  private static Item last(List<Item> page) {
    return page.get(page.size() - 1);
  }

  private static List<ObjectNode> render(List<Lane> lanes, List<Item> page, RequestContext ctx) {
    List<ObjectNode> out = new ArrayList<>(page.size());
    for (Item item : page) {
      out.add(lanes.get(item.lane()).render(item.resource(), ctx));
    }
    return out;
  }

  private static int countAll(List<Lane> lanes, RequestContext ctx) {
    long total = 0;
    for (Lane lane : lanes) {
      total += lane.count(ctx);
    }
    return (int) Math.min(total, Integer.MAX_VALUE);
  }

  /**
   * A cursor names a position in the walk order, so index paging and other orders do not combine
   * with it.
   */
  private static void checkParameters(SearchParameters p) {
    if (p.startIndex() != null && !p.startIndex().isBlank()) {
      throw ScimException.badRequest(
          ScimType.INVALID_VALUE,
          "'startIndex' and 'cursor' cannot be combined: page either by index or by cursor");
    }
    if (p.sortBy() != null && !p.sortBy().isBlank()) {
      throw ScimException.badRequest(
          ScimType.INVALID_VALUE,
          "cursor paging walks resources in their stable default order and does not combine with"
              + " 'sortBy': sort with index paging (startIndex and count)");
    }
  }

  /**
   * The {@code count} of a cursor-paged request: absent is the largest page, negative is 0, above
   * the largest page is the largest page (RFC 9865 lets a server return fewer than asked).
   *
   * @throws ScimException 400 {@code invalidCount} if it is not an integer
   */
  private int count(String parameter) {
    try {
      return paging.count(parameter);
    } catch (ScimException e) {
      throw ScimException.badRequest(ScimType.INVALID_COUNT, e.getMessage());
    }
  }
}
