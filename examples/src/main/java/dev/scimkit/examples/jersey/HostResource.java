package dev.scimkit.examples.jersey;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Stands for the host's own API: resources that were there before Scimkit and know nothing of it.
 * Under {@code /api}: {@code GET /api/health} and {@code GET /api/hello?name=...}.
 */
@Path("/")
public final class HostResource {

  @GET
  @Path("health")
  @Produces(MediaType.TEXT_PLAIN)
  public String health() {
    return "ok";
  }

  @GET
  @Path("hello")
  @Produces(MediaType.TEXT_PLAIN)
  public String hello(@QueryParam("name") String name) {
    return "Hello, " + (name == null || name.isBlank() ? "world" : name) + "!";
  }
}
