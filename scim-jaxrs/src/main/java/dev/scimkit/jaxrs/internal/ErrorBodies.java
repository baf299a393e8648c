package dev.scimkit.jaxrs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.schema.Schemas;
import jakarta.ws.rs.core.Response;

/** Builds the {@code urn:ietf:params:scim:api:messages:2.0:Error} body, the only place that does. */
public final class ErrorBodies {
  private ErrorBodies() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The error response: {@code body} as {@code application/scim+json} with {@code status}, and the
   * headers {@link ScimResponseFilter} adds (also here, for responses of filters that abort a
   * request before it reaches a resource).
   */
  static Response response(int status, ObjectNode body) {
    return builder(status, body).build();
  }

  /** As {@link #response(int, ObjectNode)}, for adding headers. */
  static Response.ResponseBuilder builder(int status, ObjectNode body) {
    return Response.status(status)
        .entity(bytes(body))
        .type(ScimMedia.SCIM_JSON_TYPE)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff");
  }

  /** The body as JSON bytes. */
  static byte[] bytes(ObjectNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an error body", e);
    }
  }

  /** The body for a status the runtime or the host's server produced, with a generic detail. */
  public static byte[] bytes(int status) {
    try {
      return JSON.writeValueAsBytes(of(status, null, detailFor(status)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an error body", e);
    }
  }

  static ObjectNode of(int status, String scimType, String detail) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("schemas").add(Schemas.ERROR);
    body.put("status", Integer.toString(status)); // a string, as RFC 7644 section 3.12 shows
    if (scimType != null) {
      body.put("scimType", scimType);
    }
    body.put("detail", detail);
    return body;
  }

  static ObjectNode of(ScimException e) {
    return of(e.status(), e.scimType() == null ? null : e.scimType().value(), e.detail());
  }

  /** A generic detail for a status the runtime produced. */
  static String detailFor(int status) {
    return switch (status) {
      case 400 -> "The request is not valid";
      case 401 -> "Authentication is required";
      case 403 -> "Forbidden";
      case 404 -> "No such endpoint or resource";
      case 405 -> "This method is not allowed here";
      case 406 -> "Responses are application/scim+json";
      case 409 -> "Conflict";
      case 412 -> "Precondition failed";
      case 413 -> "The request body is too large";
      case 415 -> "Send application/scim+json or application/json";
      case 429 -> "Too many requests";
      case 501 -> "Not implemented";
      case 503 -> "The service is unavailable";
      default -> {
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        yield family == Response.Status.Family.SERVER_ERROR ? "The server failed" : "The request failed";
      }
    };
  }
}
