package dev.scimkit.benchmarks.http;

import dev.scimkit.core.auth.Authenticated;
import dev.scimkit.core.auth.Authenticator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The ceiling of the HTTP benchmark: a bare JAX-RS resource in the same Jersey application, on
 * the same Undertow server, as Scimkit's endpoint, answering {@code GET .../Users/{id}} with the
 * very bytes Scimkit answered for a user (captured at start), the same content type and an
 * {@code ETag}. Scimkit's pre-matching header check and response-header filter run for it too
 * (they are providers of the application); its bearer filter does not (it acts only on Scimkit's
 * resource).
 *
 * <ul>
 *   <li>{@code /bare/Users/{id}}: no authentication at all;
 *   <li>{@code /bare-auth/Users/{id}}: the bearer token goes through the same {@link
 *       Authenticator} the SCIM endpoint uses (organisation tokens: SHA-256 and a store lookup),
 *       {@code 401} if it is not accepted.
 * </ul>
 */
@Path("/")
@Produces("application/scim+json")
public class BareUserResource {
  /** The application property holding the {@link Bare} of the server. */
  static final String PROPERTY = "dev.scimkit.benchmarks.bare";

  private static final MediaType SCIM_JSON = MediaType.valueOf("application/scim+json");

  /** What the bare resource answers, and the authenticator of its {@code bare-auth} path. */
  static final class Bare {
    volatile byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    final Authenticator authenticator;

    Bare(Authenticator authenticator) {
      this.authenticator = authenticator;
    }
  }

  @Context private Configuration configuration;

  @GET
  @Path("bare/Users/{id}")
  public Response bare(@PathParam("id") String id) {
    return answer();
  }

  @GET
  @Path("bare-auth/Users/{id}")
  public Response bareAuthenticated(
      @PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    Bare bare = bare();
    String token =
        authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorization.substring(7).trim()
            : null;
    Optional<Authenticated> who = token == null ? Optional.empty() : bare.authenticator.authenticate(token);
    if (who.isEmpty()) {
      return Response.status(401).build();
    }
    return answer();
  }

  private Response answer() {
    return Response.ok(bare().body, SCIM_JSON).tag(new EntityTag("1", true)).build();
  }

  private Bare bare() {
    return (Bare) configuration.getProperty(PROPERTY);
  }
}
