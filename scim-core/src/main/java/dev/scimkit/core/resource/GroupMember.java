package dev.scimkit.core.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One element of a group's {@code members} (RFC 7643 section 4.2).
 *
 * @param value the member's {@code id} (a user or a group)
 * @param ref the member's URI (JSON {@code "$ref"}), or {@code null}
 * @param display the member's display name, or {@code null}
 * @param type {@code "User"} or {@code "Group"}, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroupMember(
    String value, @JsonProperty("$ref") String ref, String display, String type) {

  /** A member named only by its id, the shape Entra ID and Okta send. */
  public static GroupMember of(String id) {
    return new GroupMember(id, null, null, null);
  }

  /** A user member with a display name. */
  public static GroupMember user(String id, String display) {
    return new GroupMember(id, null, display, "User");
  }

  /** A nested group member with a display name. */
  public static GroupMember group(String id, String display) {
    return new GroupMember(id, null, display, "Group");
  }
}
