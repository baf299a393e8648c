package dev.scimkit.core.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user's manager in the Enterprise User extension (RFC 7643 section 4.3). Always an object in
 * the JSON, even when a client sent the manager's id as a plain string.
 *
 * @param value the manager's {@code id}
 * @param ref the manager's URI (JSON {@code "$ref"}), or {@code null}
 * @param displayName the manager's display name, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manager(String value, @JsonProperty("$ref") String ref, String displayName) {

  /** A manager named only by id. */
  public static Manager of(String id) {
    return new Manager(id, null, null);
  }
}
