/**
 * Mounts the Scimkit engine on any Jakarta REST (JAX-RS) 3.1+ runtime, under any path.
 *
 * <p>Three ways to mount it, from simplest:
 *
 * <ol>
 *   <li><b>As its own application</b>: {@link dev.scimkit.jaxrs.ScimApplication} has no
 *       {@code @ApplicationPath}, so the host picks the path. With Jersey:
 *       <pre>{@code
 * ScimEngine engine = ScimEngine.builder().build();
 * ResourceConfig rc = ResourceConfig.forApplication(new ScimApplication(engine));
 * GrizzlyHttpServerFactory.createHttpServer(URI.create("http://localhost:8080/scim/v2/"), rc);
 * }</pre>
 *       With Jakarta REST's own bootstrap: {@code SeBootstrap.start(new ScimApplication(engine),
 *       SeBootstrap.Configuration.builder().rootPath("/scim/v2").build())}; in a servlet
 *       container, map the runtime's servlet for this application to {@code /scim/v2/*}.
 *   <li><b>Under a sub-path of the host's own application</b>, beside its other resources: a
 *       one-line {@link dev.scimkit.jaxrs.ScimEndpoints} subclass carries the path.
 *       <pre>{@code
 * @Path("scim/v2")
 * public class Scim extends ScimEndpoints {}
 *
 * // the host's application, at /api: SCIM answers under /api/scim/v2
 * public Set<Class<?>> getClasses() {
 *   Set<Class<?>> classes = new HashSet<>(Scimkit.classes(Scim.class));
 *   classes.add(MyOwnResource.class);
 *   return classes;
 * }
 * public Map<String, Object> getProperties() {
 *   return Scimkit.properties(ScimHttpConfig.builder(engine).build());
 * }
 * }</pre>
 *       Scimkit's providers then act on requests under {@code /api/scim/v2} only: everything
 *       else keeps the host's own answers, authentication, exception mappers and media-type
 *       handling, its {@code 401}, {@code 404}, {@code 405} and {@code 415} included. {@link
 *       dev.scimkit.jaxrs.Scimkit#classes()} instead puts SCIM at the application's root, where
 *       it answers every path the host's resources do not: right for an application of
 *       Scimkit's own, not for a shared one.
 *   <li><b>Providers only</b>: {@link dev.scimkit.jaxrs.ScimFeature} registers the error and
 *       header providers (for hosts that register the resource class themselves).
 * </ol>
 *
 * <p>A host can also run Scimkit in a container of its own beside the host's (a second servlet,
 * a second Jersey handler, a Spring Boot {@code ServletRegistrationBean}): that is the first way
 * again, mounted at a path under the host's.
 *
 * <h2>Authentication</h2>
 *
 * <p><b>Scimkit authenticates nothing unless told to.</b> Configure an {@link
 * dev.scimkit.core.auth.Authenticator} with {@link
 * dev.scimkit.jaxrs.ScimHttpConfig.Builder#authenticator}: organisation tokens (the usual shape:
 * the admin of each customer organisation generates a token in the host's console and pastes it
 * into Entra ID's "Secret Token" field) or Entra-issued JWTs ({@code scim-auth-jwt}).
 *
 * <pre>{@code
 * OrganizationTokens tokens = OrganizationTokens.builder(tokenStore).build();
 * ScimHttpConfig config = ScimHttpConfig.builder(engine).authenticator(tokens.authenticator()).build();
 * // in the host's admin console:
 * IssuedToken issued = tokens.create("acme", "Entra ID");   // show issued.secret() once
 * tokens.revoke("acme", oldTokenId);                          // users and groups are untouched
 * }</pre>
 *
 * <p>Then every request to Scimkit's resources needs {@code Authorization: Bearer <token>}; any
 * failure is {@code 401} with {@code WWW-Authenticate: Bearer realm="scim"} and the SCIM Error
 * body, the same whatever the reason, and the token is never logged. A host's own resources in a
 * shared application are not affected: the filter only looks at requests matched to Scimkit's
 * resources.
 *
 * <h2>Tenancy</h2>
 *
 * <p>Every request acts for exactly one tenant, chosen by the {@link
 * dev.scimkit.jaxrs.TenantResolver}: by default the token's tenant (one URL for every
 * organisation), or the first path segment ({@link dev.scimkit.jaxrs.TenantResolver#fromPath()}:
 * {@code /scim/v2/acme/Users}), or a host function. A resource of another tenant answers as if it
 * did not exist ({@code 404}), never {@code 403}.
 *
 * <h2>Limits</h2>
 *
 * <p>Request bodies are limited in bytes, JSON nesting depth, string and number length ({@link
 * dev.scimkit.jaxrs.ScimHttpConfig}); filters by the engine's {@code FilterLimits}; pages and bulk
 * requests by the engine. Per-tenant rate limiting ({@link dev.scimkit.jaxrs.RateLimit}) is off
 * unless configured. Every SCIM response carries {@code Cache-Control: no-store} and {@code
 * X-Content-Type-Options: nosniff}.
 *
 * <h2>The host's HTTP server</h2>
 *
 * <p>The host owns the HTTP server, and some protection can only be there. Scimkit answers a
 * request it refuses (no or a bad token, a {@code Content-Length} over {@link
 * dev.scimkit.jaxrs.ScimHttpConfig#maxBodyBytes()}, a wrong method or media type) without reading
 * its body and, unless the body has already arrived, with {@code Connection: close}; the server
 * should then close rather than drain the body (Undertow does; Grizzly needs {@code
 * ServerConfiguration.setMaxPayloadRemainderToSkip(0)}). The server's settings that matter
 * against slow and idle clients are a timeout on request heads, a timeout on request bodies (a
 * body with a valid token is read by Scimkit on a worker thread, blocking, as JAX-RS reads), an
 * idle timeout, and a limit on open connections; the README lists them for Undertow and Grizzly,
 * and the standalone server in {@code examples} shows all of them. What the server or servlet
 * container refuses before JAX-RS runs (a malformed URL, a {@code Content-Type} the runtime's
 * servlet layer cannot parse) should carry {@link dev.scimkit.jaxrs.Scimkit#errorBody(int)}.
 *
 * <p>Everything in {@code dev.scimkit.jaxrs.internal} is not API, even where JAX-RS requires it
 * to be public.
 */
package dev.scimkit.jaxrs;
