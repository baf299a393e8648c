package dev.scimkit.jaxrs;

import dev.scimkit.jaxrs.internal.ScimEndpoint;

/**
 * The SCIM endpoints, for a host to put under a sub-path of its own JAX-RS application: extend
 * this class with a {@link jakarta.ws.rs.Path @Path} and return it, with Scimkit's providers,
 * from {@link Scimkit#classes(Class)}.
 *
 * <pre>{@code
 * @Path("scim/v2")
 * public class Scim extends ScimEndpoints {}
 *
 * // in the host's Application, served at /api:
 * public Set<Class<?>> getClasses() {
 *   Set<Class<?>> classes = new HashSet<>(Scimkit.classes(Scim.class));
 *   classes.add(HelloResource.class);
 *   return classes;
 * }
 * public Map<String, Object> getProperties() {
 *   return Scimkit.properties(config);
 * }
 * }</pre>
 *
 * <p>SCIM then answers under {@code /api/scim/v2}, and Scimkit's authentication, error bodies,
 * response headers and header checks apply to requests under that path only: the host's own
 * resources keep their answers, their {@code 401}, {@code 404}, {@code 405} and {@code 415}, and
 * their own exception mappers.
 *
 * <p>The subclass must have a public no-argument constructor and nothing else: its {@code @Path}
 * is a plain path (no templates), and it must not override the resource methods it inherits
 * (their signatures are not API). {@link TenantResolver#fromPath()} is not available under a
 * sub-path: it needs Scimkit's own application.
 */
public abstract class ScimEndpoints extends ScimEndpoint {
  /** For subclasses. */
  protected ScimEndpoints() {}
}
