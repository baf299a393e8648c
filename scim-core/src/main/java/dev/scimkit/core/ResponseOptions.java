package dev.scimkit.core;

/**
 * How to shape the resources of a response.
 *
 * @param baseUri the absolute SCIM base URI that {@code meta.location} and {@code $ref} start with
 *     (for example {@code https://api.example.com/scim/v2}, no trailing slash), or {@code null}
 *     for locations relative to the base
 * @param attributes the {@code attributes} parameter (comma-separated), or {@code null}
 * @param excludedAttributes the {@code excludedAttributes} parameter, or {@code null}
 */
public record ResponseOptions(String baseUri, String attributes, String excludedAttributes) {

  public ResponseOptions {
    if (baseUri != null && baseUri.endsWith("/")) {
      baseUri = baseUri.substring(0, baseUri.length() - 1);
    }
  }

  /** Default projection, relative locations. */
  public static ResponseOptions defaults() {
    return new ResponseOptions(null, null, null);
  }

  /** Default projection under {@code baseUri}. */
  public static ResponseOptions at(String baseUri) {
    return new ResponseOptions(baseUri, null, null);
  }

  /** Whether the client asked for specific attributes either way. */
  public boolean projects() {
    return (attributes != null && !attributes.isBlank())
        || (excludedAttributes != null && !excludedAttributes.isBlank());
  }
}
