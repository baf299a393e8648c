package dev.scimkit.core.store;

import static java.util.Objects.requireNonNull;

/**
 * One member of a group.
 *
 * @param value the member's resource id
 * @param type the name of the member's resource type ({@code "User"}, {@code "Group"}); the
 *     engine always sets it before it hands members to a store (a client may leave it out, or
 *     name the wrong type: the engine looks the id up), so a store may rely on it
 * @param display what {@link GroupStore#members} reports as the member's name, shown as {@code
 *     members[].display} (RFC 7643 section 4.2): a user's {@code displayName}, else its {@code
 *     userName}; a group's {@code displayName}. {@code null} when the store does not report it
 *     (then the engine leaves {@code display} out), and ignored in what the engine hands to a
 *     store: a store finds it with the member list (one join, not a lookup per member)
 */
public record Member(String value, String type, String display) {
  public Member {
    requireNonNull(value, "value == null");
  }

  /** A member with no display name, as the engine hands members to a store. */
  public Member(String value, String type) {
    this(value, type, null);
  }

  /** This member without its display name: what identifies it in a group. */
  public Member withoutDisplay() {
    return display == null ? this : new Member(value, type);
  }
}
