package dev.scimkit.jaxrs.internal;

import jakarta.ws.rs.core.MediaType;

/** The media type of every SCIM response. */
final class ScimMedia {
  private ScimMedia() {}

  static final String SCIM_JSON = dev.scimkit.jaxrs.Scimkit.MEDIA_TYPE;
  static final MediaType SCIM_JSON_TYPE = new MediaType("application", "scim+json");
  static final MediaType SCIM_JSON_UTF8 = SCIM_JSON_TYPE.withCharset("utf-8");
}
