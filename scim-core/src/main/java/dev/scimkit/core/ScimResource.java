package dev.scimkit.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A resource as the engine answers it: its JSON representation (already projected by {@code
 * attributes} / {@code excludedAttributes}), with the id and version the HTTP layer needs for
 * {@code Location} and {@code ETag}.
 *
 * @param resourceType the resource type's name ({@code "User"})
 * @param id the resource id
 * @param version the resource version; its entity tag is {@link #etag()}
 * @param location the resource's URI ({@code meta.location})
 * @param json the representation to send; callers must not modify it
 */
public record ScimResource(
    String resourceType, String id, long version, String location, ObjectNode json) {

  public ScimResource {
    requireNonNull(resourceType, "resourceType == null");
    requireNonNull(id, "id == null");
    requireNonNull(location, "location == null");
    requireNonNull(json, "json == null");
  }

  /** The weak entity tag of this version, {@code W/"3"}, as in {@code meta.version}. */
  public String etag() {
    return etag(version);
  }

  /** The weak entity tag of a version. */
  public static String etag(long version) {
    return "W/\"" + version + '"';
  }

  /**
   * Reads a version from an entity tag as sent in {@code If-Match} ({@code W/"3"} or {@code "3"}).
   *
   * @return the version, or -1 if the tag is not one of ours (so it matches no version)
   */
  public static long parseEtag(String etag) {
    String s = etag.trim();
    if (s.startsWith("W/") || s.startsWith("w/")) {
      s = s.substring(2);
    }
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    try {
      long v = Long.parseLong(s);
      return v < 0 ? -1 : v;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
