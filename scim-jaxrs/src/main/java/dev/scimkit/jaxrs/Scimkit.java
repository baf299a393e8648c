package dev.scimkit.jaxrs;

import static java.util.Objects.requireNonNull;

import dev.scimkit.jaxrs.internal.BearerAuthFilter;
import dev.scimkit.jaxrs.internal.DeclaredLengthFilter;
import dev.scimkit.jaxrs.internal.EndpointRuntime;
import dev.scimkit.jaxrs.internal.ErrorBodies;
import dev.scimkit.jaxrs.internal.HeaderGuardFilter;
import dev.scimkit.jaxrs.internal.PathTenantFilter;
import dev.scimkit.jaxrs.internal.RateLimitFilter;
import dev.scimkit.jaxrs.internal.RuntimeErrorMapper;
import dev.scimkit.jaxrs.internal.ScimEndpoint;
import dev.scimkit.jaxrs.internal.ScimExceptionMapper;
import dev.scimkit.jaxrs.internal.ScimResponseFilter;
import dev.scimkit.jaxrs.internal.UnreadBodyFilter;
import java.util.Map;
import java.util.Set;

/**
 * What a host needs to add Scimkit to its own {@link jakarta.ws.rs.core.Application}: the classes
 * to return from {@code getClasses()} and the properties to return from {@code getProperties()}.
 * See the package documentation for an example.
 */
public final class Scimkit {
  private Scimkit() {}

  /**
   * The application property under which the resources find their configuration. Its value is
   * opaque: set it only through {@link #properties(ScimHttpConfig)}.
   */
  public static final String CONFIG_PROPERTY = "dev.scimkit.jaxrs.runtime";

  /**
   * The providers: SCIM error bodies for every failure (also the runtime's own 404, 405, 406 and
   * 415, and malformed {@code Content-Type} or {@code Accept} headers), the response headers, and
   * the request filters for authentication, rate limiting, tenant path segments, and bodies
   * (a {@code 413} for a declared length over the limit before the body is read; {@code
   * Connection: close} on the answer to a request whose body was left unread, so the container
   * need not drain it). The filters act only on requests to Scimkit's resource and only as far
   * as the {@link ScimHttpConfig} asks (no authenticator: no authentication). Request and
   * response bodies are read and written by the resources themselves, so no JSON provider of the
   * host is involved.
   */
  public static Set<Class<?>> providerClasses() {
    return Set.of(
        ScimExceptionMapper.class,
        RuntimeErrorMapper.class,
        ScimResponseFilter.class,
        BearerAuthFilter.class,
        RateLimitFilter.class,
        PathTenantFilter.class,
        HeaderGuardFilter.class,
        DeclaredLengthFilter.class,
        UnreadBodyFilter.class);
  }

  /** The SCIM resource class and the {@linkplain #providerClasses() providers}. */
  public static Set<Class<?>> classes() {
    Set<Class<?>> classes = new java.util.HashSet<>(providerClasses());
    classes.add(ScimEndpoint.class);
    return Set.copyOf(classes);
  }

  /** The media type of every SCIM response, errors included: {@value}. */
  public static final String MEDIA_TYPE = "application/scim+json";

  /**
   * The SCIM Error body ({@code urn:ietf:params:scim:api:messages:2.0:Error}, RFC 7644 section
   * 3.12) that Scimkit gives a failure of {@code status} it did not cause itself, with a generic
   * detail; for the answers a host's HTTP server or servlet container gives on its own before
   * JAX-RS runs (a malformed URL, a servlet container's error page), so that every answer under
   * the SCIM base URL is a SCIM error. Send it as {@value #MEDIA_TYPE}, with {@code Cache-Control:
   * no-store} and {@code X-Content-Type-Options: nosniff} as Scimkit's own answers have.
   *
   * @throws IllegalArgumentException if {@code status} is not from 400 to 599
   */
  public static byte[] errorBody(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("not an error status: " + status);
    }
    return ErrorBodies.bytes(status);
  }

  /** The application properties that hand {@code config} to the resources. */
  public static Map<String, Object> properties(ScimHttpConfig config) {
    return Map.of(CONFIG_PROPERTY, new EndpointRuntime(requireNonNull(config, "config == null")));
  }
}
