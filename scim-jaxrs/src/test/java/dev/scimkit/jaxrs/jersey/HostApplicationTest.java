package dev.scimkit.jaxrs.jersey;

import static dev.scimkit.jaxrs.http.Fixtures.user;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.Scimkit;
import dev.scimkit.jaxrs.http.Reply;
import dev.scimkit.jaxrs.http.ScimHttp;
import dev.scimkit.jaxrs.http.ScimServer;
import dev.scimkit.jaxrs.http.Secrets;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The second way to mount: Scimkit's classes and properties inside the host's own {@link
 * Application}, beside the host's resources, whose answers and failures stay the host's; Scimkit's
 * authentication guards Scimkit's resources only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostApplicationTest {
  private ScimServer server;
  private ScimHttp scim;
  private ScimHttp host;

  /** A host's own resource. */
  @Path("/health")
  public static class HealthResource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String up() {
      return "up";
    }

    @GET
    @Path("gone")
    public String gone() {
      throw new NotFoundException(Response.status(404).entity("host: no such thing").type(MediaType.TEXT_PLAIN).build());
    }

    @GET
    @Path("bare404")
    public String bare404() {
      throw new NotFoundException();
    }

    @GET
    @Path("mapped")
    public String mapped() {
      throw new IllegalArgumentException("host rule");
    }

    @GET
    @Path("crash")
    public String crash() {
      throw new IllegalStateException("host crash");
    }
  }

  /** The host's own mapper for its own exception. */
  @Provider
  public static class HostMapper implements ExceptionMapper<IllegalArgumentException> {
    @Override
    public Response toResponse(IllegalArgumentException e) {
      return Response.status(422).entity("host says no").type(MediaType.TEXT_PLAIN).build();
    }
  }

  /** What a host writes: its classes plus Scimkit's, its properties plus Scimkit's. */
  static final class HostApplication extends Application {
    private final ScimHttpConfig config;

    HostApplication(ScimHttpConfig config) {
      this.config = config;
    }

    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new HashSet<>(Scimkit.classes());
      classes.add(HealthResource.class);
      classes.add(HostMapper.class);
      return classes;
    }

    @Override
    public Map<String, Object> getProperties() {
      Map<String, Object> properties = new HashMap<>(Scimkit.properties(config));
      properties.put("host.own.property", "kept");
      return properties;
    }
  }

  @BeforeAll
  void start() {
    OrganizationTokens tokens = OrganizationTokens.builder(new InMemoryTokenStore()).build();
    ScimHttpConfig config =
        ScimHttpConfig.builder(ScimEngine.builder().build()).authenticator(tokens.authenticator()).build();
    server = JerseyRuntime.start(new HostApplication(config), "/api");
    scim = ScimHttp.of(server.baseUri()).withBearer(Secrets.issue(tokens, "host-tenant"));
    host = ScimHttp.lenient(server.baseUri());
  }

  @Test
  void scimEndpoints_needAToken_theHostsOwnResourcesDoNot() {
    assertScimError(host.get("/Users"), 401, null);
    assertThat(host.get("/health").status()).isEqualTo(200);
    assertThat(host.get("/health", "Authorization", "Bearer whatever").status()).isEqualTo(200);
    assertThat(scim.get("/Users").status()).isEqualTo(200);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void scimEndpoints_answerUnderTheHostApplicationsRoot() {
    Reply created = scim.post("/Users", user("host-app-user"));

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo(server.baseUri() + "/Users/" + created.id());
    assertThat(scim.get("/ServiceProviderConfig").status()).isEqualTo(200);
    assertScimError(scim.get("/Users/0"), 404, null);
    assertScimError(scim.delete("/Users"), 405, null);
  }

  @Test
  void hostResource_stillAnswers_withoutScimHeaders() {
    Reply r = host.get("/health");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("up");
    assertThat(r.header("Content-Type")).startsWith("text/plain");
    assertThat(r.header("X-Content-Type-Options")).isNull();
    assertThat(r.header("Cache-Control")).isNull();
  }

  @Test
  void hostResources404_isNotTurnedIntoAScimError() {
    Reply withBody = host.get("/health/gone");
    assertThat(withBody.status()).isEqualTo(404);
    assertThat(withBody.body()).isEqualTo("host: no such thing");
    assertThat(withBody.header("Content-Type")).startsWith("text/plain");

    Reply bare = host.get("/health/bare404");
    assertThat(bare.status()).isEqualTo(404);
    assertThat(bare.body()).doesNotContain("urn:ietf:params:scim");
    assertThat(String.valueOf(bare.header("Content-Type"))).doesNotContain("scim");
  }

  @Test
  void hostsOwnExceptionMapper_handlesItsOwnException() {
    Reply r = host.get("/health/mapped");

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body()).isEqualTo("host says no");
  }

  @Test
  void hostResources500_isNotTurnedIntoAScimError() {
    Reply r = host.get("/health/crash");

    assertThat(r.status()).isEqualTo(500);
    assertThat(r.body()).doesNotContain("urn:ietf:params:scim").doesNotContain("host crash");
    assertThat(String.valueOf(r.header("Content-Type"))).doesNotContain("scim");
  }
}
