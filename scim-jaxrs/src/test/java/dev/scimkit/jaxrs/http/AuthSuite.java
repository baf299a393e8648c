package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.Fixtures.createUser;
import static dev.scimkit.jaxrs.http.Fixtures.patch;
import static dev.scimkit.jaxrs.http.Fixtures.user;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static dev.scimkit.jaxrs.http.ScimHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.IssuedToken;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.jaxrs.ScimHttpConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bearer-token authentication with organisation tokens: every request needs a valid token of its
 * tenant; every failure is the same {@code 401} with {@code WWW-Authenticate: Bearer} and the SCIM
 * Error body, whatever the reason, and changes nothing.
 */
public abstract class AuthSuite extends ScimHttpTest {
  static final String TENANT = "acme";
  static final String CHALLENGE = "Bearer realm=\"scim\"";
  static final String INVALID = "Bearer realm=\"scim\", error=\"invalid_token\"";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final OrganizationTokens tokens =
      OrganizationTokens.builder(new InMemoryTokenStore()).clock(clock).build();
  private final String token = Secrets.issue(tokens, TENANT);

  @Override
  protected ScimHttpConfig.Builder config(ScimHttpConfig.Builder builder) {
    return builder.authenticator(tokens.authenticator());
  }

  @Override
  protected ScimHttp client(ScimHttp plain) {
    return plain.withBearer(token);
  }

  private ScimHttp anonymous() {
    return ScimHttp.of(server.baseUri());
  }

  private void assertUnauthorized(Reply r, String challenge) {
    assertScimError(r, 401, null);
    assertThat(r.header("WWW-Authenticate")).as("%s", r).isEqualTo(challenge);
  }

  @Test
  void aValidToken_isServed() {
    String id = createUser(http, unique("auth.ok"));

    assertThat(http.get("/Users/" + id).status()).isEqualTo(200);
  }

  @Test
  void noAuthorizationHeader_is401WithABearerChallengeOnEveryEndpoint() {
    String id = createUser(http, unique("auth.target"));
    ScimHttp anon = anonymous();
    List<Reply> replies =
        List.of(
            anon.get("/Users"),
            anon.get("/Users/" + id),
            anon.get("/Users?filter=" + form("userName eq \"x\"")),
            anon.post("/Users", user(unique("auth.anon"))),
            anon.put("/Users/" + id, user(unique("auth.anon"))),
            anon.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}")),
            anon.delete("/Users/" + id),
            anon.post("/Users/.search", "{\"filter\":\"userName pr\"}"),
            anon.post("/.search", "{\"filter\":\"userName pr\"}"),
            anon.post("/Bulk", "{\"Operations\":[]}"),
            anon.get("/Groups"),
            anon.get("/ServiceProviderConfig"),
            anon.get("/Schemas"),
            anon.get("/ResourceTypes"),
            anon.get("/Me"));

    for (Reply r : replies) {
      assertUnauthorized(r, CHALLENGE);
    }
    Reply after = http.get("/Users/" + id);
    assertThat(after.json().has("title")).as("nothing changed").isFalse();
  }

  @Test
  @Timeout(30)
  void aRequestWithoutAValidToken_is401BeforeItsBodyIsSent_withConnectionClose() {
    for (String authorization : new String[] {null, "Bearer scimkit_" + "B".repeat(43)}) {
      try (RawHttp raw = RawHttp.connect(server.baseUri())) {
        // a slow client: the head promises 100,000 bytes of body, none of which ever come
        String[] headers =
            authorization == null
                ? new String[] {"Content-Type", "application/scim+json", "Content-Length", "100000"}
                : new String[] {"Content-Type", "application/scim+json", "Content-Length", "100000", "Authorization", authorization};
        Reply r = raw.send("POST", "/Users", null, headers).read("POST", Duration.ofSeconds(10));

        assertScimError(r, 401, null);
        assertThat(r.header("Connection")).as("no draining of the body: %s", r).isEqualToIgnoringCase("close");
      }
    }
  }

  @Test
  void aBadToken_is401_theSameForUnknownMalformedRevokedAndExpiredTokens() {
    IssuedToken revoked = Secrets.remember(tokens.create(TENANT, "to revoke"));
    tokens.revoke(TENANT, revoked.token().id());
    IssuedToken expiring =
        Secrets.remember(tokens.create(TENANT, "to expire", clock.instant().plus(Duration.ofHours(1))));
    clock.advance(Duration.ofHours(1));
    ScimHttp anon = anonymous();

    List<Reply> replies =
        List.of(
            anon.get("/Users", "Authorization", "Bearer not-a-token"),
            anon.get("/Users", "Authorization", "Bearer scimkit_" + "A".repeat(43)),
            anon.get("/Users", "Authorization", "Bearer " + revoked.secret()),
            anon.get("/Users", "Authorization", "Bearer " + expiring.secret()),
            anon.get("/Users", "Authorization", "Bearer " + token + "x"),
            anon.get("/Users", "Authorization", "Bearer " + revoked.token().hash()),
            anon.get("/Users", "Authorization", "Bearer " + revoked.token().id()),
            anon.get("/Users", "Authorization", "Basic " + token),
            anon.get("/Users", "Authorization", token),
            anon.get("/Users", "Authorization", "Bearer"),
            anon.get("/Users", "Authorization", "Bearer " + token + " " + token),
            anon.get("/Users", "Authorization", "Bearer " + "x".repeat(6_000)));

    for (Reply r : replies) {
      assertUnauthorized(r, INVALID);
      assertThat(r.body()).as("the same answer whatever the reason").isEqualTo(replies.get(0).body());
    }
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    assertThat(anonymous().get("/Users", "Authorization", "bearer " + token).status()).isEqualTo(200);
    assertThat(anonymous().get("/Users", "Authorization", "BEARER  " + token).status()).isEqualTo(200);
  }

  @Test
  void requestsWithoutAValidToken_changeNothing() {
    String userName = unique("auth.nochange");

    assertUnauthorized(anonymous().post("/Users", user(userName)), CHALLENGE);
    assertUnauthorized(anonymous().post("/Users", user(userName), "Authorization", "Bearer nope"), INVALID);

    Reply r = http.get("/Users?filter=" + form("userName eq \"" + userName + "\""));
    assertThat(r.json().path("totalResults").asInt()).isZero();
  }

  @Test
  void rotating_newTokenWorks_oldOneStops_andTheDataIsUntouched() {
    IssuedToken old = Secrets.remember(tokens.create(TENANT, "old"));
    ScimHttp withOld = anonymous().withBearer(old.secret());
    String id = createUser(withOld, unique("auth.rotate"));
    String before = withOld.get("/Users/" + id).body();

    String fresh = Secrets.issue(tokens, TENANT);
    assertThat(tokens.revoke(TENANT, old.token().id())).isTrue();

    assertUnauthorized(withOld.get("/Users/" + id), INVALID);
    Reply after = anonymous().withBearer(fresh).get("/Users/" + id);
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.body()).isEqualTo(before);
  }

  @Test
  void severalActiveTokensOfATenant_seeTheSameData() {
    String second = Secrets.issue(tokens, TENANT);
    String id = createUser(http, unique("auth.two"));

    Reply r = anonymous().withBearer(second).get("/Users/" + id);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.id()).isEqualTo(id);
  }
}
