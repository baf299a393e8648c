package dev.scimkit.core;

import static java.util.Objects.requireNonNull;

/**
 * An authentication scheme advertised in {@code /ServiceProviderConfig} (RFC 7643 section 5).
 * Advertising is all this does; authenticating is the transport's job.
 *
 * @param type {@code oauthbearertoken}, {@code oauth2}, {@code httpbasic}, …
 * @param name a human-readable name
 * @param description a human-readable description
 * @param specUri the specification's URI, or {@code null}
 * @param documentationUri the host's documentation, or {@code null}
 * @param primary whether this is the preferred scheme
 */
public record AuthenticationScheme(
    String type,
    String name,
    String description,
    String specUri,
    String documentationUri,
    boolean primary) {

  public AuthenticationScheme {
    requireNonNull(type, "type == null");
    requireNonNull(name, "name == null");
    requireNonNull(description, "description == null");
  }

  /** A long-lived bearer token in the {@code Authorization} header (RFC 6750), the default. */
  public static AuthenticationScheme bearerToken() {
    return new AuthenticationScheme(
        "oauthbearertoken",
        "OAuth Bearer Token",
        "Authentication with a bearer token in the Authorization header",
        "https://www.rfc-editor.org/rfc/rfc6750",
        null,
        true);
  }
}
