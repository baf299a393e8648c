package dev.scimkit.core.store;

import static java.util.Objects.requireNonNull;

/**
 * One member of a group.
 *
 * @param value the member's resource id
 * @param type the name of the member's resource type ({@code "User"}, {@code "Group"}); the
 *     engine always sets it before it hands members to a store (a client may leave it out, or
 *     name the wrong type: the engine looks the id up), so a store may rely on it
 */
public record Member(String value, String type) {
  public Member {
    requireNonNull(value, "value == null");
  }
}
