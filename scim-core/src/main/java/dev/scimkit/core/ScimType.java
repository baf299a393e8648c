package dev.scimkit.core;

/**
 * The {@code scimType} values of RFC 7644 section 3.12, used with status 400 (and 409, 413), and
 * those RFC 9865 adds for cursor paging.
 */
public enum ScimType {
  /** The filter syntax was invalid, or the attribute or operator is not supported. */
  INVALID_FILTER("invalidFilter"),
  /** The filter yields more results than the server is willing to return. */
  TOO_MANY("tooMany"),
  /** One or more of the attribute values are already in use or reserved. */
  UNIQUENESS("uniqueness"),
  /** The attempted modification is not compatible with the attribute's mutability. */
  MUTABILITY("mutability"),
  /** The request body structure was invalid or did not conform to the schema. */
  INVALID_SYNTAX("invalidSyntax"),
  /** The "path" attribute was invalid or malformed. */
  INVALID_PATH("invalidPath"),
  /** The specified "path" did not yield an attribute or value that could be operated on. */
  NO_TARGET("noTarget"),
  /** A required value was missing, or the value specified was not compatible. */
  INVALID_VALUE("invalidValue"),
  /** The specified SCIM protocol version is not supported. */
  INVALID_VERS("invalidVers"),
  /** The request cannot be completed because of sensitive information in the request URI. */
  SENSITIVE("sensitive"),
  /** The cursor is not one this server gave out for this query (RFC 9865 section 2.1). */
  INVALID_CURSOR("invalidCursor"),
  /** The cursor is older than the server's {@code cursorTimeout} (RFC 9865 section 2.1). */
  EXPIRED_CURSOR("expiredCursor"),
  /** The {@code count} of a cursor-paged request is not a valid number (RFC 9865 section 2.1). */
  INVALID_COUNT("invalidCount");

  private final String value;

  ScimType(String value) {
    this.value = value;
  }

  /** The value as written in the error body ({@code "invalidValue"}). */
  public String value() {
    return value;
  }
}
