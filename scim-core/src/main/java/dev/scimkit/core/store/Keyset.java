package dev.scimkit.core.store;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;

/**
 * Where a page of keyset paging starts, as the engine asks a store for it when a client pages by
 * cursor (RFC 9865). A store that answers keyset requests ({@link ResourceStore#keysetPaging()})
 * walks the matches of a search in its stable default order (creation order) and gives each
 * resource it returns a <em>position</em>: an opaque string of its own that it can seek to
 * again later, such as a sequence number. The engine never reads a position; it seals it, with
 * the tenant and the filter, into the cursor the client receives, and hands it back unchanged,
 * so a store only ever gets positions it gave out for the same tenant, type and filter.
 *
 * <ul>
 *   <li>{@link Direction#AFTER}: the first {@code count} matches that come after {@code position}
 *       in the default order; from the first match when {@code position} is {@code null}.
 *   <li>{@link Direction#BEFORE}: the last {@code count} matches that come before {@code
 *       position}; up to the last match when {@code position} is {@code null}. They are still
 *       returned in the default (ascending) order.
 * </ul>
 *
 * <p>"After" and "before" compare positions, not resources: a page after a resource that has
 * since been deleted starts with the next match that exists, and resources created during a walk
 * come after every position given out before them. That is what keeps a walk free of gaps and
 * repeats while resources come and go.
 *
 * @param direction which side of {@code position} the page is on
 * @param position a position the store gave out, or {@code null} for an end of the walk
 */
public record Keyset(Direction direction, String position) {

  /** Which side of the position a page is on. */
  public enum Direction {
    /** The matches that follow the position. */
    AFTER,
    /** The matches that precede the position. */
    BEFORE
  }

  public Keyset {
    requireNonNull(direction, "direction == null");
  }

  /** The first page of a walk. */
  public static Keyset first() {
    return new Keyset(Direction.AFTER, null);
  }

  /** The last page of a walk. */
  public static Keyset last() {
    return new Keyset(Direction.BEFORE, null);
  }

  /** The page after {@code position}. */
  public static Keyset after(String position) {
    return new Keyset(Direction.AFTER, requireNonNull(position, "position == null"));
  }

  /** The page before {@code position}. */
  public static Keyset before(String position) {
    return new Keyset(Direction.BEFORE, requireNonNull(position, "position == null"));
  }

  /**
   * The position read as a number, for a store whose positions are sequence numbers (both of
   * Scimkit's stores).
   *
   * @throws IllegalStateException if there is no position (an end of the walk)
   * @throws ScimException 400 {@code invalidCursor} if the position is not a number, which only a
   *     cursor issued for another kind of store can cause
   */
  public long sequence() {
    if (position == null) {
      throw new IllegalStateException("no position: " + direction + " an end of the walk");
    }
    try {
      return Long.parseLong(position);
    } catch (NumberFormatException e) {
      throw ScimException.badRequest(ScimType.INVALID_CURSOR, "The cursor is not valid for this query.");
    }
  }
}
