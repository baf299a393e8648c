package dev.scimkit.core;

import static java.util.Objects.requireNonNull;

/**
 * The one root exception of Scimkit: a failure with an HTTP status, an optional {@link ScimType}
 * and a {@code detail} that is safe to show to the client.
 *
 * <p>The detail never contains a stack trace, an internal class name or a message of a
 * dependency: code that throws this exception writes the detail for the client, quoting only what
 * the client sent. The HTTP layer turns it into the {@code
 * urn:ietf:params:scim:api:messages:2.0:Error} body.
 */
public class ScimException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final ScimType scimType;

  /**
   * Creates the exception.
   *
   * @param status the HTTP status, 400 to 599
   * @param scimType the SCIM error type, or {@code null} when the status says it all
   * @param detail a human-readable explanation, safe to return to the client
   */
  public ScimException(int status, ScimType scimType, String detail) {
    this(status, scimType, detail, null);
  }

  /** As {@link #ScimException(int, ScimType, String)}, keeping a cause for the server log only. */
  public ScimException(int status, ScimType scimType, String detail, Throwable cause) {
    super(requireNonNull(detail, "detail == null"), cause);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("not an error status: " + status);
    }
    this.status = status;
    this.scimType = scimType;
  }

  /** {@code 400} with a {@code scimType}. */
  public static ScimException badRequest(ScimType scimType, String detail) {
    return new ScimException(400, requireNonNull(scimType, "scimType == null"), detail);
  }

  /** {@code 404}: the resource does not exist (or is not visible to this tenant). */
  public static ScimException notFound(String resourceType, String id) {
    return new ScimException(404, null, resourceType + " " + quote(id) + " not found");
  }

  /** {@code 409 uniqueness}. */
  public static ScimException uniqueness(String detail) {
    return new ScimException(409, ScimType.UNIQUENESS, detail);
  }

  /** {@code 412}: the resource changed since the version the client named. */
  public static ScimException preconditionFailed(String detail) {
    return new ScimException(412, null, detail);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The SCIM error type, or {@code null}. */
  public ScimType scimType() {
    return scimType;
  }

  /** The explanation for the client; the same as {@link #getMessage()}. */
  public String detail() {
    return getMessage();
  }

  private static String quote(String id) {
    String shown = id.length() > 100 ? id.substring(0, 100) + "..." : id;
    return '"' + shown + '"';
  }
}
