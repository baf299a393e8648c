package dev.scimkit.jaxrs.http;

import dev.scimkit.jaxrs.ScimEndpoints;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.Scimkit;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A host's own JAX-RS application, served at {@value #PATH}, with Scimkit under its sub-path
 * {@value #SCIM_PATH}: the host's resources ({@code GET /hello}, {@code POST /echo} of text, a
 * {@code /private} area behind the host's own Basic challenge) and the host's own catch-all
 * exception mapper, which writes every failure it sees as {@code {"hostError": status}}.
 */
public final class HostApplication extends Application {
  /** Where a runtime serves this application. */
  public static final String PATH = "/api";

  /** Where SCIM sits inside it. */
  public static final String SCIM_PATH = "scim/v2";

  /** The SCIM endpoints under {@value #SCIM_PATH}. */
  @Path(SCIM_PATH)
  public static class Scim extends ScimEndpoints {}

  /** The host's own resources. */
  @Path("/")
  public static class HostResource {
    @GET
    @Path("hello")
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
      return "hello from the host";
    }

    @POST
    @Path("echo")
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String echo(String body) {
      return body;
    }

    @GET
    @Path("private/report")
    @Produces(MediaType.TEXT_PLAIN)
    public String report() {
      return "the host's private report";
    }
  }

  /** The host's own authentication of its {@code /private} area. */
  @Provider
  public static class HostAuthFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      String path = request.getUriInfo().getPath();
      boolean isPrivate = path.startsWith("private/") || path.startsWith("/private/");
      if (isPrivate && !"Basic aG9zdDpob3N0".equals(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
        request.abortWith(
            Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"host\"")
                .entity("host: log in first")
                .type(MediaType.TEXT_PLAIN)
                .build());
      }
    }
  }

  /** The host's catch-all mapper: every exception it sees becomes its own JSON error. */
  @Provider
  public static class HostExceptionMapper implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      int status =
          e instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse() != null
              ? w.getResponse().getStatus()
              : 500;
      Response.ResponseBuilder b =
          Response.status(status).entity("{\"hostError\":" + status + "}").type(MediaType.APPLICATION_JSON);
      if (e instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse() != null) {
        String allow = w.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
          b.header(HttpHeaders.ALLOW, allow);
        }
      }
      return b.build();
    }
  }

  private final ScimHttpConfig config;

  public HostApplication(ScimHttpConfig config) {
    this.config = config;
  }

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(Scimkit.classes(Scim.class));
    classes.add(HostResource.class);
    classes.add(HostAuthFilter.class);
    classes.add(HostExceptionMapper.class);
    return classes;
  }

  @Override
  public Map<String, Object> getProperties() {
    Map<String, Object> properties = new HashMap<>(Scimkit.properties(config));
    properties.put("host.own.property", "kept");
    return properties;
  }
}
