package dev.scimkit.jaxrs;

import static java.util.Objects.requireNonNull;

import dev.scimkit.jaxrs.internal.BearerAuthFilter;
import dev.scimkit.jaxrs.internal.DeclaredLengthFilter;
import dev.scimkit.jaxrs.internal.EndpointRuntime;
import dev.scimkit.jaxrs.internal.ErrorBodies;
import dev.scimkit.jaxrs.internal.HeaderGuardFilter;
import dev.scimkit.jaxrs.internal.PathTenantFilter;
import dev.scimkit.jaxrs.internal.RateLimitFilter;
import dev.scimkit.jaxrs.internal.ScimEndpoint;
import dev.scimkit.jaxrs.internal.ScimExceptionMapper;
import dev.scimkit.jaxrs.internal.ScimResponseFilter;
import dev.scimkit.jaxrs.internal.UnreadBodyFilter;
import jakarta.ws.rs.Path;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
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
   * The providers: SCIM error bodies for every failure of a SCIM request (also the runtime's own
   * 404, 405, 406 and 415, and malformed {@code Content-Type} or {@code Accept} headers), the
   * response headers, and the request filters for authentication, rate limiting, tenant path
   * segments, and bodies (a {@code 413} for a declared length over the limit before the body is
   * read; {@code Connection: close} on the answer to a request whose body was left unread, so the
   * container need not drain it). Each acts only on requests to Scimkit's resources (requests
   * matched to them, or matched to nothing under their path) and only as far as the {@link
   * ScimHttpConfig} asks (no authenticator: no authentication). Request and response bodies are
   * read and written by the resources themselves, so no JSON provider of the host is involved.
   */
  public static Set<Class<?>> providerClasses() {
    return Set.of(
        ScimExceptionMapper.class,
        ScimResponseFilter.class,
        BearerAuthFilter.class,
        RateLimitFilter.class,
        PathTenantFilter.class,
        HeaderGuardFilter.class,
        DeclaredLengthFilter.class,
        UnreadBodyFilter.class);
  }

  /**
   * The SCIM resource class, answering at the application's root, and the {@linkplain
   * #providerClasses() providers}: for an application of Scimkit's own. In an application that
   * also serves the host's resources, the SCIM resources would take every path those do not
   * ({@code /Users}, but also any unknown single segment); use {@link #classes(Class)} to put
   * SCIM under a sub-path instead.
   */
  public static Set<Class<?>> classes() {
    Set<Class<?>> classes = new HashSet<>(providerClasses());
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

  /**
   * The host's {@link ScimEndpoints} subclass, which puts SCIM under its {@code @Path} inside the
   * host's application, and the {@linkplain #providerClasses() providers}.
   *
   * @param endpoints a concrete subclass of {@link ScimEndpoints} annotated with a plain {@code
   *     @Path} (such as {@code "scim/v2"})
   * @throws IllegalArgumentException if {@code endpoints} is abstract, has no {@code @Path} of its
   *     own, or its path has a template or a regular expression
   */
  public static Set<Class<?>> classes(Class<? extends ScimEndpoints> endpoints) {
    requireNonNull(endpoints, "endpoints == null");
    Path path = endpoints.getAnnotation(Path.class);
    if (path == null || Modifier.isAbstract(endpoints.getModifiers())) {
      throw new IllegalArgumentException(
          endpoints.getName() + " must be a concrete class with a @Path of its own");
    }
    if (path.value().contains("{") || path.value().replace("/", "").isEmpty()) {
      throw new IllegalArgumentException(
          "the @Path of " + endpoints.getName() + " must be a plain sub-path such as \"scim/v2\", got \""
              + path.value() + "\"");
    }
    Set<Class<?>> classes = new HashSet<>(providerClasses());
    classes.add(endpoints);
    return Set.copyOf(classes);
  }

  /** Jersey's switch for WADL (a string, so that Scimkit needs no Jersey class). */
  static final String JERSEY_DISABLE_WADL = "jersey.config.server.wadl.disableWadl";

  /** Jersey's list of default providers to leave out. */
  static final String JERSEY_DISABLE_DEFAULT_PROVIDER = "jersey.config.disableDefaultProvider";

  /**
   * The application properties that hand {@code config} to the resources.
   *
   * <p>On Jersey they also keep the runtime quiet about optional parts that Scimkit does not use
   * and the class path lacks, which Jersey would otherwise disable with a warning at every start:
   * WADL when there is no JAXB implementation, and the {@code jakarta.activation.DataSource}
   * message body writer when there is no Jakarta Activation. With those present, nothing is
   * switched off, so a host that shares its application with Scimkit keeps its WADL.
   */
  public static Map<String, Object> properties(ScimHttpConfig config) {
    Map<String, Object> properties = new HashMap<>();
    properties.put(CONFIG_PROPERTY, new EndpointRuntime(requireNonNull(config, "config == null")));
    ClassLoader loader = Scimkit.class.getClassLoader();
    boolean jaxb =
        isPresent("jakarta.xml.bind.JAXBException", loader)
            && loader.getResource("META-INF/services/jakarta.xml.bind.JAXBContextFactory") != null;
    if (!jaxb) {
      properties.put(JERSEY_DISABLE_WADL, Boolean.TRUE);
    }
    if (!isPresent("jakarta.activation.DataSource", loader)) {
      properties.put(JERSEY_DISABLE_DEFAULT_PROVIDER, "DATASOURCE");
    }
    return Map.copyOf(properties);
  }

  private static boolean isPresent(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
