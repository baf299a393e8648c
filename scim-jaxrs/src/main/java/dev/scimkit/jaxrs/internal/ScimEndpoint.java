package dev.scimkit.jaxrs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ListResponse;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimResource;
import dev.scimkit.core.SearchParameters;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.jaxrs.MeResolver;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.TenantResolver;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SCIM protocol endpoints of RFC 7644 under the application's root (or, through a {@link
 * dev.scimkit.jaxrs.ScimEndpoints} subclass, under a sub-path of it). Each method translates HTTP
 * to one engine call and the answer back; no SCIM semantics live here.
 *
 * <p>Request bodies are read as bytes with the configured size and JSON limits, and responses are
 * written as bytes, so the host's own JSON providers never touch SCIM traffic.
 *
 * <p>{@code @Singleton}: this class holds nothing of a request but what the runtime injects, so
 * Jersey makes one instance for the application and injects proxies, instead of a new instance
 * and its injection per request (about 5% of the CPU of a {@code GET /Users/{id}} in a profile).
 * The annotation is not inherited: a host's {@link dev.scimkit.jaxrs.ScimEndpoints} subclass, and
 * runtimes that ignore it, keep one instance per request, which works the same.
 */
@Singleton
@Path("/")
@Produces({ScimMedia.SCIM_JSON, MediaType.APPLICATION_JSON})
public class ScimEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(ScimEndpoint.class);
  private static final String JSON_TYPES_SCIM = ScimMedia.SCIM_JSON;

  @Context private Configuration configuration;
  @Context private UriInfo uriInfo;
  @Context private HttpHeaders headers;
  @Context private SecurityContext security;

  // ---- discovery -----------------------------------------------------------------------------

  @GET
  @Path("ServiceProviderConfig")
  public Response serviceProviderConfig() {
    return guarded(() -> ok(engine().serviceProviderConfig(baseUri())));
  }

  @GET
  @Path("ResourceTypes")
  public Response resourceTypes() {
    return guarded(() -> ok(engine().resourceTypeList(baseUri()).toJson()));
  }

  @GET
  @Path("ResourceTypes/{name}")
  public Response resourceType(@PathParam("name") String name) {
    return guarded(() -> ok(engine().resourceTypeDocument(name, baseUri())));
  }

  @GET
  @Path("Schemas")
  public Response schemas() {
    return guarded(() -> ok(engine().schemaList(baseUri()).toJson()));
  }

  @GET
  @Path("Schemas/{id}")
  public Response schema(@PathParam("id") String id) {
    return guarded(() -> ok(engine().schemaDocument(id, baseUri())));
  }

  // The discovery endpoints are read-only (RFC 7644 section 4). Without the methods below, Jersey
  // and RESTEasy, finding no POST on the best-matching path "Schemas", look further and hand the
  // request to create("Schemas") ("{type}"); DELETE /Schemas/{id} would reach delete(...). Each
  // read-only path and method is spelt out, since literal paths are the only ones every runtime
  // ranks above "{type}" and "{type}/{id}". RESTEasy ranks by the @Consumes media types before
  // the path, so those that take a body consume what create, replace and patch do, and more.

  @POST
  @Path("ServiceProviderConfig")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response postServiceProviderConfig() {
    return readOnly();
  }

  @PUT
  @Path("ServiceProviderConfig")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response putServiceProviderConfig() {
    return readOnly();
  }

  @PATCH
  @Path("ServiceProviderConfig")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response patchServiceProviderConfig() {
    return readOnly();
  }

  @DELETE
  @Path("ServiceProviderConfig")
  public Response deleteServiceProviderConfig() {
    return readOnly();
  }

  @POST
  @Path("Schemas")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response postSchemas() {
    return readOnly();
  }

  @PUT
  @Path("Schemas")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response putSchemas() {
    return readOnly();
  }

  @PATCH
  @Path("Schemas")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response patchSchemas() {
    return readOnly();
  }

  @DELETE
  @Path("Schemas")
  public Response deleteSchemas() {
    return readOnly();
  }

  @POST
  @Path("ResourceTypes")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response postResourceTypes() {
    return readOnly();
  }

  @PUT
  @Path("ResourceTypes")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response putResourceTypes() {
    return readOnly();
  }

  @PATCH
  @Path("ResourceTypes")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response patchResourceTypes() {
    return readOnly();
  }

  @DELETE
  @Path("ResourceTypes")
  public Response deleteResourceTypes() {
    return readOnly();
  }

  @POST
  @Path("Schemas/{id}")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response postSchema() {
    return readOnly();
  }

  @PUT
  @Path("Schemas/{id}")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response putSchema() {
    return readOnly();
  }

  @PATCH
  @Path("Schemas/{id}")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response patchSchema() {
    return readOnly();
  }

  @DELETE
  @Path("Schemas/{id}")
  public Response deleteSchema() {
    return readOnly();
  }

  @POST
  @Path("ResourceTypes/{id}")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response postResourceType() {
    return readOnly();
  }

  @PUT
  @Path("ResourceTypes/{id}")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response putResourceType() {
    return readOnly();
  }

  @PATCH
  @Path("ResourceTypes/{id}")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response patchResourceType() {
    return readOnly();
  }

  @DELETE
  @Path("ResourceTypes/{id}")
  public Response deleteResourceType() {
    return readOnly();
  }

  private static Response readOnly() {
    return ErrorBodies.builder(405, ErrorBodies.of(405, null, ErrorBodies.detailFor(405)))
        .header(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS")
        .build();
  }

  // ---- bulk and root search --------------------------------------------------------------------

  @POST
  @Path("Bulk")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON})
  public Response bulk(InputStream body) {
    return guarded(
        () -> {
          EndpointRuntime.Body parsed = runtime().read(body, runtime().maxBulkBytes());
          RequestContext ctx = context();
          return ok(engine().bulk(parsed.json(), parsed.bytes(), ctx, ResponseOptions.at(baseUri())));
        });
  }

  @POST
  @Path(".search")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON})
  public Response searchAll(InputStream body) {
    return guarded(
        () -> {
          SearchParameters params = SearchParameters.fromJson(readBody(body));
          return ok(engine().searchAll(params, context(), baseUri()).toJson());
        });
  }

  // ---- /Me -------------------------------------------------------------------------------------

  @GET
  @Path("Me")
  public Response getMe(
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) List<String> ifNoneMatch) {
    return guarded(() -> get("Users", meId(), attributes, excludedAttributes, ifNoneMatch));
  }

  @PUT
  @Path("Me")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON})
  public Response replaceMe(
      InputStream body,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    return guarded(() -> replace("Users", meId(), body, attributes, excludedAttributes));
  }

  @PATCH
  @Path("Me")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON})
  public Response patchMe(
      InputStream body,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    return guarded(() -> patch("Users", meId(), body, attributes, excludedAttributes));
  }

  @DELETE
  @Path("Me")
  public Response deleteMe() {
    return guarded(() -> delete("Users", meId()));
  }

  @POST
  @Path("Me")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON})
  public Response createMe(InputStream body) {
    return guarded(
        () -> {
          throw new ScimException(501, null, "Creating /Me is not supported");
        });
  }

  private String meId() {
    MeResolver resolver = runtime().config().meResolver();
    if (resolver == null) {
      throw new ScimException(501, null, "/Me is not supported by this server");
    }
    return resolver
        .userId(security == null ? null : security.getUserPrincipal(), context())
        .orElseThrow(() -> new ScimException(404, null, "the caller has no User resource"));
  }

  // ---- resources -----------------------------------------------------------------------------

  @GET
  @Path("{type}")
  public Response search(
      @PathParam("type") String type,
      @QueryParam("filter") String filter,
      @QueryParam("sortBy") String sortBy,
      @QueryParam("sortOrder") String sortOrder,
      @QueryParam("startIndex") String startIndex,
      @QueryParam("count") String count,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      @QueryParam("cursor") String cursor) {
    return guarded(
        () -> {
          // "?cursor" and "?cursor=" arrive as "" (the first page of a cursor walk), no cursor as null
          SearchParameters params =
              new SearchParameters(
                  filter, sortBy, sortOrder, startIndex, count, attributes, excludedAttributes, cursor);
          return ok(engine().search(type, params, context(), baseUri()).toJson());
        });
  }

  @POST
  @Path("{type}/.search")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON})
  public Response searchByPost(@PathParam("type") String type, InputStream body) {
    return guarded(
        () -> {
          SearchParameters params = SearchParameters.fromJson(readBody(body));
          ListResponse page = engine().search(type, params, context(), baseUri());
          return ok(page.toJson());
        });
  }

  @POST
  @Path("{type}")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON})
  public Response create(
      @PathParam("type") String type,
      InputStream body,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    return guarded(
        () -> {
          JsonNode json = readBody(body);
          ScimResource created = engine().create(type, json, context(), options(attributes, excludedAttributes));
          return resource(Response.status(Response.Status.CREATED), created).build();
        });
  }

  @GET
  @Path("{type}/{id}")
  public Response get(
      @PathParam("type") String type,
      @PathParam("id") String id,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes,
      // a parameter rather than a question to the injected HttpHeaders, a lookup in the runtime
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) List<String> ifNoneMatch) {
    return guarded(
        () -> {
          ScimResource found = engine().get(type, id, context(), options(attributes, excludedAttributes));
          if (ifNoneMatch != null && matches(ifNoneMatch, found.version())) {
            return Response.notModified(etag(found)).build();
          }
          return resource(Response.ok(), found).build();
        });
  }

  @PUT
  @Path("{type}/{id}")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON})
  public Response replace(
      @PathParam("type") String type,
      @PathParam("id") String id,
      InputStream body,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    return guarded(
        () -> {
          JsonNode json = readBody(body);
          ScimResource replaced =
              engine().replace(type, id, json, expectedVersion(), context(), options(attributes, excludedAttributes));
          return resource(Response.ok(), replaced).build();
        });
  }

  @PATCH
  @Path("{type}/{id}")
  @Consumes({JSON_TYPES_SCIM, MediaType.APPLICATION_JSON})
  public Response patch(
      @PathParam("type") String type,
      @PathParam("id") String id,
      InputStream body,
      @QueryParam("attributes") String attributes,
      @QueryParam("excludedAttributes") String excludedAttributes) {
    return guarded(
        () -> {
          JsonNode json = readBody(body);
          ScimResource patched =
              engine().patch(type, id, json, expectedVersion(), context(), options(attributes, excludedAttributes));
          if (patched == null) {
            return Response.noContent().build();
          }
          return resource(Response.ok(), patched).build();
        });
  }

  @DELETE
  @Path("{type}/{id}")
  public Response delete(@PathParam("type") String type, @PathParam("id") String id) {
    return guarded(
        () -> {
          engine().delete(type, id, expectedVersion(), context());
          return Response.noContent().build();
        });
  }

  // ---- helpers -------------------------------------------------------------------------------

  /**
   * Runs one endpoint method, turning an unexpected exception into a 500 whose detail holds only
   * a reference; the exception itself goes to the log. (A mapper for all exceptions would also
   * catch those of a host's own resources in a shared application.)
   */
  private static Response guarded(Supplier<Response> action) {
    try {
      return action.get();
    } catch (ScimException | WebApplicationException e) {
      throw e;
    } catch (RuntimeException e) {
      String reference = UUID.randomUUID().toString();
      LOG.error("Unexpected failure of a SCIM request (reference {})", reference, e);
      throw new ScimException(500, null, "An unexpected error occurred (reference " + reference + ")");
    }
  }

  private EndpointRuntime runtime() {
    EndpointRuntime r = EndpointRuntime.of(configuration);
    if (r == null) {
      throw new IllegalStateException(
          "Scimkit is not configured: the application must return Scimkit.properties(config) "
              + "from getProperties()");
    }
    return r;
  }

  private ScimEngine engine() {
    return runtime().engine();
  }

  private JsonNode readBody(InputStream body) {
    EndpointRuntime rt = runtime();
    return rt.read(body, rt.config().maxRequestBytes()).json();
  }

  /**
   * The request's tenant, caller and id. The caller's principal is asked for once: every question
   * to the injected {@link SecurityContext} is a lookup in the runtime (with Jersey, about 2% of
   * the CPU of a {@code GET /Users/{id}} each), and the default tenant resolver needs only it.
   */
  private RequestContext context() {
    ScimHttpConfig config = runtime().config();
    Principal principal = security == null ? null : security.getUserPrincipal();
    TenantResolver resolver = config.tenantResolver();
    String tenant =
        PrincipalTenantResolver.is(resolver)
            ? PrincipalTenantResolver.of(principal)
            : resolver.tenant(security, headers, uriInfo);
    return new RequestContext(tenant, principal == null ? null : principal.getName(), requestId());
  }

  /**
   * A random request id in the form of a UUID: it ties log lines and audit events of one request
   * together, and is no secret, so it comes from {@link ThreadLocalRandom} rather than from the
   * shared {@link java.security.SecureRandom} behind {@link UUID#randomUUID()}, which every
   * request would otherwise contend for.
   */
  public static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(high, low).toString();
  }

  /**
   * The base URI without a trailing slash: the configured one (followed by the tenant segment
   * when tenants come from the path), else the request's.
   */
  private String baseUri() {
    ScimHttpConfig config = runtime().config();
    URI configured = config.baseUri();
    String base = configured != null ? configured.toString() : requestBase();
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    if (configured != null && config.tenantResolver() instanceof PathTenantResolver path) {
      base = base + "/" + path.tenant(security, headers, uriInfo);
    }
    return base;
  }

  /**
   * The request's base URI followed by this resource class's path: the application's root, or a
   * sub-path of it for a {@link dev.scimkit.jaxrs.ScimEndpoints} subclass.
   */
  private String requestBase() {
    String application = uriInfo.getBaseUri().toString();
    String mount = ScimScope.pathOf(getClass());
    if (mount.isEmpty()) {
      return application;
    }
    return (application.endsWith("/") ? application : application + "/") + mount;
  }

  private ResponseOptions options(String attributes, String excludedAttributes) {
    return new ResponseOptions(baseUri(), attributes, excludedAttributes);
  }

  private long expectedVersion() {
    String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return ResourceStore.ANY_VERSION;
    }
    long version = ScimResource.parseEtag(ifMatch.split(",")[0]);
    // a tag that is not one of ours can match no version: Long.MAX_VALUE is never reached
    return version < 0 ? Long.MAX_VALUE : version;
  }

  /** Whether a tag of the {@code If-None-Match} header's values (each a list) is {@code version}'s. */
  private static boolean matches(List<String> ifNoneMatch, long version) {
    for (String value : ifNoneMatch) {
      for (String tag : value.split(",")) {
        String t = tag.trim();
        if (t.equals("*") || ScimResource.parseEtag(t) == version) {
          return true;
        }
      }
    }
    return false;
  }

  private static EntityTag etag(ScimResource r) {
    return new EntityTag(Long.toString(r.version()), true);
  }

  /**
   * A response carrying a resource: its body, its version as the {@code ETag}, and its URI as the
   * {@code Location} (on every such response, as RFC 7644's examples of GET, PUT and PATCH show).
   */
  private Response.ResponseBuilder resource(Response.ResponseBuilder b, ScimResource r) {
    return b.entity(runtime().write(r.json()))
        .type(ScimMedia.SCIM_JSON_TYPE)
        .tag(etag(r))
        .location(URI.create(r.location()));
  }

  private Response ok(ObjectNode json) {
    return Response.ok(runtime().write(json), ScimMedia.SCIM_JSON_TYPE).build();
  }
}
