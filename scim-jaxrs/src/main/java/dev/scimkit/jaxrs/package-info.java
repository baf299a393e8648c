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
 *   <li><b>Inside the host's own application</b>, beside its other resources:
 *       <pre>{@code
 * public Set<Class<?>> getClasses() {
 *   Set<Class<?>> classes = new HashSet<>(Scimkit.classes());
 *   classes.add(MyOwnResource.class);
 *   return classes;
 * }
 * public Map<String, Object> getProperties() {
 *   return Scimkit.properties(ScimHttpConfig.builder(engine).build());
 * }
 * }</pre>
 *       The SCIM resources then answer under the application's root; to put them under a
 *       sub-path, give the host application that path or mount a second application.
 *   <li><b>Providers only</b>: {@link dev.scimkit.jaxrs.ScimFeature} registers the error and
 *       header providers (for hosts that register the resource class themselves).
 * </ol>
 *
 * <p>Everything in {@code dev.scimkit.jaxrs.internal} is not API, even where JAX-RS requires it
 * to be public.
 */
package dev.scimkit.jaxrs;
