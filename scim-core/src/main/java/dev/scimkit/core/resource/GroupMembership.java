package dev.scimkit.core.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One element of a user's read-only {@code groups}: a group the user belongs to, directly or
 * through a nested group (RFC 7643 section 4.1.2). The server computes it from group membership;
 * a value sent by a client or set by a builder is ignored on create and replace.
 *
 * @param value the group's {@code id}
 * @param ref the group's URI (JSON {@code "$ref"})
 * @param display the group's {@code displayName}
 * @param type {@code "direct"} or {@code "indirect"}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroupMembership(
    String value, @JsonProperty("$ref") String ref, String display, String type) {

  /** A membership naming only the group's id. */
  public static GroupMembership of(String groupId) {
    return new GroupMembership(groupId, null, null, null);
  }

  /** A membership with the group's id and display name. */
  public static GroupMembership of(String groupId, String display) {
    return new GroupMembership(groupId, null, display, null);
  }
}
