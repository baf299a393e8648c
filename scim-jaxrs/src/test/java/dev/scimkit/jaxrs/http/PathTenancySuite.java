package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.Fixtures.createUser;
import static dev.scimkit.jaxrs.http.Fixtures.user;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static dev.scimkit.jaxrs.http.ScimHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.TenantResolver;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenants from the path ({@link TenantResolver#fromPath()}): every organisation has a SCIM URL of
 * its own, {@code <base>/<tenant>/Users}, and its token is only accepted there.
 */
public abstract class PathTenancySuite extends ScimHttpTest {
  private final OrganizationTokens tokens = OrganizationTokens.builder(new InMemoryTokenStore()).build();
  private final String acmeToken = Secrets.issue(tokens, "acme");
  private final String globexToken = Secrets.issue(tokens, "globex");

  private ScimHttp acme;
  private ScimHttp globex;

  @Override
  protected ScimHttpConfig.Builder config(ScimHttpConfig.Builder builder) {
    return builder.tenantResolver(TenantResolver.fromPath()).authenticator(tokens.authenticator());
  }

  @BeforeAll
  void clients() {
    acme = ScimHttp.of(URI.create(server.baseUri() + "/acme")).withBearer(acmeToken);
    globex = ScimHttp.of(URI.create(server.baseUri() + "/globex")).withBearer(globexToken);
  }

  @Test
  void create_answersLocationsUnderTheTenantsUrl() {
    Reply r = acme.post("/Users", user(unique("path.loc")));

    assertThat(r.status()).as("%s", r).isEqualTo(201);
    assertThat(r.header("Location")).isEqualTo(server.baseUri() + "/acme/Users/" + r.id());
    assertThat(r.json().path("meta").path("location").asText()).isEqualTo(r.header("Location"));
    assertThat(acme.get("/Users/" + r.id()).status()).isEqualTo(200);
  }

  @Test
  void theSameUserName_inTwoTenants_andNeitherSeesTheOther() {
    String userName = unique("path.same");
    String inAcme = createUser(acme, userName);
    String inGlobex = createUser(globex, userName);

    assertThat(inAcme).isNotEqualTo(inGlobex);
    assertScimError(acme.get("/Users/" + inGlobex), 404, null);
    assertScimError(globex.delete("/Users/" + inAcme), 404, null);
    assertThat(acme.get("/Users?filter=" + form("userName eq \"" + userName + "\"")).json().path("totalResults").asInt())
        .isEqualTo(1);
    assertThat(acme.get("/Users/" + inAcme).status()).isEqualTo(200);
  }

  @Test
  void aTokenOfOneTenant_atAnotherTenantsUrl_is401() {
    String inGlobex = createUser(globex, unique("path.victim"));
    ScimHttp acmeTokenAtGlobex = ScimHttp.of(URI.create(server.baseUri() + "/globex")).withBearer(acmeToken);

    Reply r = acmeTokenAtGlobex.get("/Users/" + inGlobex);

    assertScimError(r, 401, null);
    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer realm=");
    assertScimError(acmeTokenAtGlobex.get("/Users"), 401, null);
    assertScimError(acmeTokenAtGlobex.delete("/Users/" + inGlobex), 401, null);
    assertThat(globex.get("/Users/" + inGlobex).status()).isEqualTo(200);
  }

  @Test
  void discoveryAndBulk_workUnderTheTenantsUrl() {
    assertThat(acme.get("/ServiceProviderConfig").status()).isEqualTo(200);
    Reply bulk =
        acme.post(
            "/Bulk",
            "{\"Operations\":[{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u\",\"data\":"
                + user(unique("path.bulk")) + "}]}");
    assertThat(bulk.status()).isEqualTo(200);
    assertThat(bulk.json().path("Operations").get(0).path("location").asText())
        .startsWith(server.baseUri() + "/acme/Users/");
  }

  @Test
  void aMissingOrMalformedTenantSegment_is404() {
    ScimHttp root = ScimHttp.of(server.baseUri()).withBearer(acmeToken);

    assertScimError(root.get("/"), 404, null);
    assertScimError(root.get("/.hidden/Users"), 404, null);
    assertScimError(root.get("/" + "x".repeat(65) + "/Users"), 404, null);
  }
}
