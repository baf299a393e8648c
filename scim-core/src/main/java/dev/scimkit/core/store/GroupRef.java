package dev.scimkit.core.store;

import static java.util.Objects.requireNonNull;

/**
 * A group that a resource belongs to, as shown in {@code User.groups}.
 *
 * @param id the group's id
 * @param display the group's {@code displayName}, or {@code null}
 */
public record GroupRef(String id, String display) {
  public GroupRef {
    requireNonNull(id, "id == null");
  }
}
