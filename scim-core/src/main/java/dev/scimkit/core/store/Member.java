package dev.scimkit.core.store;

import static java.util.Objects.requireNonNull;

/**
 * One member of a group.
 *
 * @param value the member's resource id
 * @param type {@code "User"} or {@code "Group"}, or {@code null} when the client did not say
 */
public record Member(String value, String type) {
  public Member {
    requireNonNull(value, "value == null");
  }
}
