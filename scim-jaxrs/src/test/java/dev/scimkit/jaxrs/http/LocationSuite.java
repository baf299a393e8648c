package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.Fixtures.createUser;
import static dev.scimkit.jaxrs.http.Fixtures.group;
import static dev.scimkit.jaxrs.http.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.jaxrs.ScimHttpConfig;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code meta.location}, {@code Location} and {@code $ref} are absolute and built from the
 * request's base URI, or from {@link ScimHttpConfig#baseUri()} behind a reverse proxy.
 */
public abstract class LocationSuite extends ScimHttpTest {
  static final String PUBLIC_BASE = "https://scim.example.com/tenants/acme/scim/v2";

  private ScimServer proxied;
  private ScimHttp proxiedHttp;

  @BeforeAll
  void startProxiedServer() {
    // a second server on the same engine, as a host behind a proxy that rewrites host and path
    proxied =
        runtime().start(ScimHttpConfig.builder(engine).baseUri(URI.create(PUBLIC_BASE + "/")).build());
    proxiedHttp = ScimHttp.of(proxied.baseUri());
  }

  @AfterAll
  void stopProxiedServer() {
    if (proxied != null) {
      proxied.close();
    }
  }

  @Test
  void locations_areAbsoluteUnderTheRequestsBaseUri() {
    String base = http.base();
    assertThat(URI.create(base).getPath().split("/")).as("a mount path of two segments or more").hasSizeGreaterThan(2);
    String alice = createUser(http, unique("loc"));

    Reply created = http.post("/Groups", group(unique("Located"), alice));

    assertThat(created.header("Location")).isEqualTo(base + "/Groups/" + created.id());
    assertThat(created.json().path("meta").path("location").asText())
        .isEqualTo(base + "/Groups/" + created.id());
    JsonNode member = created.json().path("members").get(0);
    assertThat(member.path("$ref").asText()).isEqualTo(base + "/Users/" + alice);

    Reply user = http.get("/Users/" + alice);
    assertThat(user.json().path("meta").path("location").asText()).isEqualTo(base + "/Users/" + alice);
    assertThat(user.json().path("groups").get(0).path("$ref").asText())
        .isEqualTo(base + "/Groups/" + created.id());

    Reply list = http.get("/Users?filter=id+eq+%22" + alice + "%22");
    assertThat(list.json().path("Resources").get(0).path("meta").path("location").asText())
        .isEqualTo(base + "/Users/" + alice);

    Reply followed = http.get(created.header("Location"));
    assertThat(followed.status()).isEqualTo(200);
    assertThat(followed.id()).isEqualTo(created.id());
  }

  @Test
  void getPutAndPatchOfAResource_carryItsLocation() {
    // RFC 7644 sections 3.4.1, 3.5.1 and 3.5.2 show Location on these responses too
    String id = createUser(http, unique("located"));
    String location = http.base() + "/Users/" + id;
    String groupId = http.post("/Groups", group(unique("LocatedGroup"))).id();

    assertThat(http.get("/Users/" + id).header("Location")).isEqualTo(location);
    assertThat(http.put("/Users/" + id, user(unique("relocated"))).header("Location")).isEqualTo(location);
    Reply patched = http.patch("/Users/" + id, Fixtures.patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}"));
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.header("Location")).isEqualTo(location);
    Reply groupPatched =
        http.patch("/Groups/" + groupId + "?attributes=displayName", Fixtures.patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + unique("Renamed") + "\"}"));
    assertThat(groupPatched.status()).isEqualTo(200);
    assertThat(groupPatched.header("Location")).isEqualTo(http.base() + "/Groups/" + groupId);
    assertThat(proxiedHttp.get("/Users/" + id).header("Location")).isEqualTo(PUBLIC_BASE + "/Users/" + id);
  }

  @Test
  void locations_useTheConfiguredBaseUriBehindAReverseProxy() {
    Reply created = proxiedHttp.post("/Users", user(unique("proxied")));

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo(PUBLIC_BASE + "/Users/" + created.id());
    assertThat(created.json().path("meta").path("location").asText())
        .isEqualTo(PUBLIC_BASE + "/Users/" + created.id());

    Reply group = proxiedHttp.post("/Groups", group(unique("Proxied"), created.id()));
    assertThat(group.json().path("members").get(0).path("$ref").asText())
        .isEqualTo(PUBLIC_BASE + "/Users/" + created.id());

    Reply spc = proxiedHttp.get("/ServiceProviderConfig");
    assertThat(spc.json().path("meta").path("location").asText())
        .isEqualTo(PUBLIC_BASE + "/ServiceProviderConfig");
    Reply type = proxiedHttp.get("/ResourceTypes/User");
    assertThat(type.json().path("meta").path("location").asText())
        .isEqualTo(PUBLIC_BASE + "/ResourceTypes/User");

    Reply bulk =
        proxiedHttp.post(
            "/Bulk",
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"POST","path":"/Users","bulkId":"p","data":{"userName":"%s"}}]}
            """.formatted(unique("proxiedbulk")));
    assertThat(bulk.json().path("Operations").get(0).path("location").asText())
        .startsWith(PUBLIC_BASE + "/Users/");
  }

  @Test
  void theSameResource_isLocatedByTheBaseOfEachServer() {
    String id = createUser(http, unique("shared"));

    Reply viaProxy = proxiedHttp.get("/Users/" + id);

    assertThat(viaProxy.json().path("meta").path("location").asText()).isEqualTo(PUBLIC_BASE + "/Users/" + id);
    assertThat(http.get("/Users/" + id).json().path("meta").path("location").asText())
        .isEqualTo(http.base() + "/Users/" + id);
  }
}
