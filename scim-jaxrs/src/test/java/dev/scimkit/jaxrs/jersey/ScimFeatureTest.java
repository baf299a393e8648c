package dev.scimkit.jaxrs.jersey;

import static dev.scimkit.jaxrs.http.Fixtures.user;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.jaxrs.ScimFeature;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.Scimkit;
import dev.scimkit.jaxrs.http.Reply;
import dev.scimkit.jaxrs.http.ScimHttp;
import dev.scimkit.jaxrs.http.ScimServer;
import dev.scimkit.jaxrs.http.Secrets;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * The third way to mount: the host registers the resource class and properties itself, and
 * {@link ScimFeature} the providers (SCIM errors for everything, the SCIM headers).
 */
class ScimFeatureTest {

  private static ResourceConfig hostConfig() {
    ScimHttpConfig config = ScimHttpConfig.builder(ScimEngine.builder().build()).build();
    ResourceConfig rc = new ResourceConfig();
    for (Class<?> c : Scimkit.classes()) {
      if (!Scimkit.providerClasses().contains(c)) {
        rc.register(c); // the resource class only
      }
    }
    rc.addProperties(Scimkit.properties(config));
    return rc;
  }

  @Test
  void feature_registersTheProvidersThatMakeEveryFailureAScimError() {
    ResourceConfig rc = hostConfig().register(new ScimFeature());
    try (ScimServer server = JerseyRuntime.start(rc, "/tenant/scim")) {
      ScimHttp http = ScimHttp.of(server.baseUri());

      assertThat(http.post("/Users", user("feature-user")).status()).isEqualTo(201);
      assertScimError(http.get("/Users/0"), 404, null);
      assertScimError(http.get("/Users/a/b/c"), 404, null);
      assertScimError(http.delete("/Users"), 405, null);
      assertScimError(http.post("/Users", user("x"), "Content-Type", "text/plain"), 415, null);
      assertScimError(http.get("/Users", "Accept", "text/html"), 406, null);
    }
  }

  @Test
  void feature_registersTheBearerTokenFilter() {
    OrganizationTokens tokens = OrganizationTokens.builder(new InMemoryTokenStore()).build();
    ScimHttpConfig config =
        ScimHttpConfig.builder(ScimEngine.builder().build()).authenticator(tokens.authenticator()).build();
    ResourceConfig rc = new ResourceConfig().register(new ScimFeature());
    for (Class<?> c : Scimkit.classes()) {
      if (!Scimkit.providerClasses().contains(c)) {
        rc.register(c);
      }
    }
    rc.addProperties(Scimkit.properties(config));
    try (ScimServer server = JerseyRuntime.start(rc, "/tenant/scim")) {
      ScimHttp http = ScimHttp.of(server.baseUri());

      assertScimError(http.get("/Users"), 401, null);
      assertThat(http.withBearer(Secrets.issue(tokens, "feature")).get("/Users").status()).isEqualTo(200);
    }
  }

  @Test
  void feature_leavesProvidersTheHostRegisteredAlone() {
    ResourceConfig rc = hostConfig();
    Scimkit.providerClasses().forEach(rc::register);
    rc.register(new ScimFeature());
    try (ScimServer server = JerseyRuntime.start(rc, "/tenant/scim")) {
      ScimHttp http = ScimHttp.of(server.baseUri());

      assertScimError(http.get("/Users/a/b/c"), 404, null);
      Reply ok = http.get("/Users");
      assertThat(ok.status()).isEqualTo(200);
    }
  }

  @Test
  void aHostThatForgetsTheProperties_gets500ScimErrorsWithAReference() {
    ResourceConfig rc = new ResourceConfig().register(new ScimFeature());
    for (Class<?> c : Scimkit.classes()) {
      if (!Scimkit.providerClasses().contains(c)) {
        rc.register(c);
      }
    }
    try (ScimServer server = JerseyRuntime.start(rc, "/tenant/scim")) {
      Reply r = ScimHttp.of(server.baseUri()).get("/Users");

      assertScimError(r, 500, null);
      assertThat(r.json().path("detail").asText()).contains("reference");
    }
  }

  @Test
  void withoutTheFeature_theResourceAloneStillAnswersScim() {
    try (ScimServer server = JerseyRuntime.start(hostConfig(), "/tenant/scim")) {
      ScimHttp lenient = ScimHttp.lenient(server.baseUri());

      Reply created = lenient.post("/Users", user("plain-user"));
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.header("Content-Type")).startsWith("application/scim+json");
    }
  }
}
