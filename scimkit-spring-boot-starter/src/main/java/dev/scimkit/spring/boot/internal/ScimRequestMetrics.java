package dev.scimkit.spring.boot.internal;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.jaxrs.ScimPrincipal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Times every request of Scimkit's application in the timer {@value #METER}, from before any
 * other filter sees it until its response is ready to be written, tagged:
 *
 * <ul>
 *   <li>{@code resource.type}: the resource type's name ({@code User}, {@code Group}, a host's
 *       own), {@code discovery} ({@code /ServiceProviderConfig}, {@code /ResourceTypes}, {@code
 *       /Schemas}), {@code Bulk}, {@code Me}, {@code all} (a search at the root), or {@code
 *       unknown};
 *   <li>{@code operation}: {@code search}, {@code get}, {@code create}, {@code replace}, {@code
 *       patch}, {@code delete}, {@code bulk}, or {@code other} (a method the path does not take);
 *   <li>{@code status}: the HTTP status code;
 *   <li>{@code tenant}: the tenant the request was authenticated for, or {@code none} (not
 *       authenticated: a {@code 401}, or no authenticator configured). A tenant name, never a
 *       token or a principal.
 * </ul>
 *
 * <p>Every tag takes a bounded set of values whatever a client sends: the resource type comes
 * from the path only when it names a type the engine serves, and the operation from the path's
 * shape and the method. The tenant tag has as many values as the app has organisations; an app
 * with very many can drop it with a {@code MeterFilter}.
 */
@PreMatching
@Priority(1)
public final class ScimRequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {
  /** The timer's name. */
  public static final String METER = "scimkit.requests";

  private static final String START = ScimRequestMetrics.class.getName() + ".start";
  private static final String NONE = "none";
  private static final String UNKNOWN = "unknown";
  private static final String OTHER = "other";

  private final MeterRegistry registry;
  /** Resource type names by their endpoint's path segment, in lower case. */
  private final Map<String, String> typesByEndpoint = new HashMap<>();

  public ScimRequestMetrics(MeterRegistry registry, ScimEngine engine) {
    this.registry = requireNonNull(registry, "registry == null");
    for (ResourceType type : engine.resourceTypes()) {
      typesByEndpoint.put(lower(strip(type.endpoint())), type.name());
    }
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(START, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(START) instanceof Long start)) {
      return;
    }
    long nanos = System.nanoTime() - start;
    String[] segments = strip(request.getUriInfo().getPath()).split("/", -1);
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    String resourceType;
    String operation;
    String first = lower(segments[0]);
    switch (first) {
      case "serviceproviderconfig", "resourcetypes", "schemas" -> {
        resourceType = "discovery";
        operation = method.equals("GET") ? "get" : OTHER;
      }
      case "bulk" -> {
        resourceType = "Bulk";
        operation = segments.length == 1 && method.equals("POST") ? "bulk" : OTHER;
      }
      case ".search" -> {
        resourceType = "all";
        operation = segments.length == 1 && method.equals("POST") ? "search" : OTHER;
      }
      case "me" -> {
        resourceType = "Me";
        operation = segments.length == 1 ? itemOperation(method, "create") : OTHER;
      }
      default -> {
        resourceType = typesByEndpoint.getOrDefault(first, UNKNOWN);
        operation = resourceType.equals(UNKNOWN) ? OTHER : typeOperation(segments, method);
      }
    }
    Timer.builder(METER)
        .description("SCIM requests served by Scimkit")
        .tag("resource.type", resourceType)
        .tag("operation", operation)
        .tag("status", Integer.toString(response.getStatus()))
        .tag("tenant", tenant(request.getSecurityContext()))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** {@code /Users}, {@code /Users/.search}, {@code /Users/{id}}. */
  private static String typeOperation(String[] segments, String method) {
    if (segments.length == 1) {
      return switch (method) {
        case "GET" -> "search";
        case "POST" -> "create";
        default -> OTHER;
      };
    }
    if (segments.length == 2) {
      return segments[1].equals(".search")
          ? (method.equals("POST") ? "search" : OTHER)
          : itemOperation(method, OTHER);
    }
    return OTHER;
  }

  private static String itemOperation(String method, String post) {
    return switch (method) {
      case "GET" -> "get";
      case "PUT" -> "replace";
      case "PATCH" -> "patch";
      case "DELETE" -> "delete";
      case "POST" -> post;
      default -> OTHER;
    };
  }

  private static String tenant(SecurityContext security) {
    return security != null && security.getUserPrincipal() instanceof ScimPrincipal p ? p.tenant() : NONE;
  }

  private static String strip(String path) {
    int from = 0;
    int to = path == null ? 0 : path.length();
    while (from < to && path.charAt(from) == '/') {
      from++;
    }
    while (to > from && path.charAt(to - 1) == '/') {
      to--;
    }
    return from == to ? "" : path.substring(from, to);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
