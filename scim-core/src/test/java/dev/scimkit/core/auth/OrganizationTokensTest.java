package dev.scimkit.core.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimkit.core.ListResponse;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.SearchParameters;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrganizationTokensTest {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryTokenStore store = new InMemoryTokenStore();
  private final OrganizationTokens tokens = OrganizationTokens.builder(store).clock(clock).build();
  private final Authenticator auth = tokens.authenticator();

  @Test
  void create_secretHasThePrefixAnd256RandomBits() {
    IssuedToken issued = tokens.create("acme", "Entra ID");

    assertThat(issued.secret()).startsWith("scimkit_");
    byte[] random = Base64.getUrlDecoder().decode(issued.secret().substring("scimkit_".length()));
    assertThat(random).hasSize(32);
    assertThat(issued.secret()).matches("scimkit_[A-Za-z0-9_-]{43}");
  }

  @Test
  void create_manySecretsAndIds_areAllDifferent() {
    Set<String> secrets = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      IssuedToken t = tokens.create("acme", "");
      secrets.add(t.secret());
      ids.add(t.token().id());
    }
    assertThat(secrets).hasSize(2_000);
    assertThat(ids).hasSize(2_000);
  }

  @Test
  void create_storesOnlyTheSha256HexOfTheSecret() throws Exception {
    IssuedToken issued = tokens.create("acme", "Okta", T0.plusSeconds(3600));
    StoredToken stored = store.list("acme").get(0);

    String expected =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(issued.secret().getBytes(UTF_8)));
    assertThat(stored.hash()).isEqualTo(expected).matches("[0-9a-f]{64}");
    assertThat(stored).isEqualTo(issued.token());
    assertThat(stored.toString()).doesNotContain(issued.secret());
    assertThat(stored.id()).doesNotContain(issued.secret().substring(8, 20));
    assertThat(stored.tenant()).isEqualTo("acme");
    assertThat(stored.description()).isEqualTo("Okta");
    assertThat(stored.created()).isEqualTo(T0);
    assertThat(stored.expiresAt()).isEqualTo(T0.plusSeconds(3600));
  }

  @Test
  void issuedToken_toString_doesNotShowTheSecret() {
    IssuedToken issued = tokens.create("acme", "");

    assertThat(issued.toString()).doesNotContain(issued.secret()).contains(issued.token().id()).contains("redacted");
  }

  @Test
  void authenticate_aFreshToken_answersItsTenantAndId() {
    IssuedToken issued = tokens.create("acme", "");

    assertThat(auth.authenticate(issued.secret()))
        .contains(new Authenticated("acme", issued.token().id()));
  }

  @Test
  void authenticate_unknownMalformedOrOverlongText_isEmpty() {
    IssuedToken issued = tokens.create("acme", "");

    assertThat(auth.authenticate("scimkit_" + "A".repeat(43))).isEmpty();
    assertThat(auth.authenticate(issued.secret() + "x")).isEmpty();
    assertThat(auth.authenticate(issued.secret().substring(1))).isEmpty();
    assertThat(auth.authenticate(issued.secret().toUpperCase())).isEmpty();
    assertThat(auth.authenticate(issued.token().hash())).as("the hash is not a credential").isEmpty();
    assertThat(auth.authenticate(issued.token().id())).isEmpty();
    assertThat(auth.authenticate("")).isEmpty();
    assertThat(auth.authenticate("scimkit_" + "x".repeat(100_000))).isEmpty();
  }

  @Test
  void severalTokensPerTenant_areAllActive() {
    IssuedToken a = tokens.create("acme", "Entra");
    IssuedToken b = tokens.create("acme", "Okta");
    IssuedToken c = tokens.create("globex", "Entra");

    assertThat(auth.authenticate(a.secret()).orElseThrow().tenant()).isEqualTo("acme");
    assertThat(auth.authenticate(b.secret()).orElseThrow().tenant()).isEqualTo("acme");
    assertThat(auth.authenticate(c.secret()).orElseThrow().tenant()).isEqualTo("globex");
    assertThat(tokens.list("acme")).extracting(StoredToken::description).containsExactly("Entra", "Okta");
  }

  @Test
  void revoke_stopsThatTokenOnly() {
    IssuedToken old = tokens.create("acme", "old");
    IssuedToken fresh = tokens.create("acme", "new");
    clock.advance(Duration.ofMinutes(5));

    assertThat(tokens.revoke("acme", old.token().id())).isTrue();

    assertThat(auth.authenticate(old.secret())).isEmpty();
    assertThat(auth.authenticate(fresh.secret())).isPresent();
    assertThat(tokens.list("acme").get(0).revokedAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(tokens.revoke("acme", old.token().id())).as("already revoked").isFalse();
  }

  @Test
  void revoke_withAnotherTenantsName_isRefusedAndTheTokenStillWorks() {
    IssuedToken issued = tokens.create("acme", "");

    assertThat(tokens.revoke("globex", issued.token().id())).isFalse();
    assertThat(auth.authenticate(issued.secret())).isPresent();
  }

  @Test
  void expiry_stopsTheTokenAtExpiresAt() {
    IssuedToken issued = tokens.create("acme", "", T0.plus(Duration.ofDays(90)));

    clock.advance(Duration.ofDays(90).minusSeconds(1));
    assertThat(auth.authenticate(issued.secret())).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(auth.authenticate(issued.secret())).isEmpty();
  }

  @Test
  void create_withAnExpiryInThePast_isRefused() {
    assertThatThrownBy(() -> tokens.create("acme", "", T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.create("", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.create(null, "")).hasMessage("tenant == null");
  }

  @Test
  void createAndRegister_acceptTenantNamesOnly_theRulePathTenancyUses() {
    String secret = "deployment-secret-0123456789abcdefXYZ";
    for (String bad : List.of("bad tenant!", " acme", ".hidden", "..", "a/b", "ü", "x".repeat(65))) {
      assertThatThrownBy(() -> tokens.create(bad, ""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a tenant name: '" + bad + "'")
          .hasMessageContaining("1 to 64 of A-Z a-z 0-9 . _ -");
      assertThatThrownBy(() -> tokens.register(bad, secret, "")).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(tokens.list("bad tenant!")).isEmpty();
    for (String good : List.of("acme", "a", "default", "acme.eu-1_x", "0", "x".repeat(64), "ACME")) {
      assertThat(RequestContext.isTenantName(good)).as(good).isTrue();
      assertThat(tokens.create(good, "").token().tenant()).isEqualTo(good);
    }
  }

  @Test
  void register_aHostChosenSecret_authenticatesAndIsIdempotent() {
    String secret = "deployment-secret-0123456789abcdefXYZ";

    StoredToken first = tokens.register("acme", secret, "--token");
    StoredToken again = tokens.register("acme", secret, "--token");

    assertThat(again).isEqualTo(first);
    assertThat(tokens.list("acme")).hasSize(1);
    assertThat(first.toString()).doesNotContain(secret);
    assertThat(auth.authenticate(secret)).contains(new Authenticated("acme", first.id()));
  }

  @Test
  void register_refusesWeakOrUnsendableSecrets_andSecretsOfAnotherTenantOrRevoked() {
    assertThatThrownBy(() -> tokens.register("acme", "short", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.register("acme", "x".repeat(40) + " y", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.register("acme", "x".repeat(300), "")).isInstanceOf(IllegalArgumentException.class);
    String secret = "a".repeat(16) + "b".repeat(16);
    StoredToken t = tokens.register("acme", secret, "");

    assertThatThrownBy(() -> tokens.register("globex", secret, "")).isInstanceOf(IllegalArgumentException.class);
    tokens.revoke("acme", t.id());
    assertThatThrownBy(() -> tokens.register("acme", secret, "")).isInstanceOf(IllegalArgumentException.class);
    assertThat(auth.authenticate(secret)).isEmpty();
  }

  @Test
  void authenticate_comparesTheHashAgain_whenAStoresLookupIsLoose() {
    IssuedToken issued = tokens.create("acme", "");
    // a store whose index answers the token for any hash: the authenticator must not trust it
    TokenStore loose =
        new TokenStore() {
          @Override
          public void save(StoredToken token) {}

          @Override
          public java.util.Optional<StoredToken> findByHash(String hash) {
            return java.util.Optional.of(issued.token());
          }

          @Override
          public List<StoredToken> list(String tenant) {
            return List.of();
          }

          @Override
          public boolean revoke(String tenant, String id, Instant when) {
            return false;
          }
        };
    Authenticator a = OrganizationTokens.builder(loose).clock(clock).build().authenticator();

    assertThat(a.authenticate("scimkit_" + "B".repeat(43))).isEmpty();
    assertThat(a.authenticate(issued.secret())).isPresent();
  }

  @Test
  void creatingRevokingAndExpiringTokens_neverTouchesTheTenantsResources() throws Exception {
    AtomicInteger audited = new AtomicInteger();
    ScimEngine engine = ScimEngine.builder().clock(clock).auditListener(e -> audited.incrementAndGet()).build();
    RequestContext acme = RequestContext.of("acme");
    ResponseOptions at = ResponseOptions.at("https://scim.example.com");
    String userId =
        engine.create("User", JSON.readTree("{\"userName\":\"ada\",\"active\":true}"), acme, at).id();
    engine.create(
        "Group", JSON.readTree("{\"displayName\":\"Admins\",\"members\":[{\"value\":\"" + userId + "\"}]}"), acme, at);
    String before = snapshot(engine, acme);
    int changes = audited.get();

    IssuedToken first = tokens.create("acme", "first");
    IssuedToken second = tokens.create("acme", "rotation", T0.plusSeconds(60));
    tokens.revoke("acme", first.token().id());
    clock.advance(Duration.ofMinutes(2)); // second expires
    tokens.create("acme", "third");

    assertThat(snapshot(engine, acme)).isEqualTo(before);
    assertThat(audited.get()).as("no resource change happened").isEqualTo(changes);
    assertThat(auth.authenticate(second.secret())).isEmpty();
  }

  private static String snapshot(ScimEngine engine, RequestContext ctx) {
    StringBuilder out = new StringBuilder();
    for (String type : List.of("User", "Group")) {
      ListResponse page =
          engine.search(type, new SearchParameters(null, null, null, null, null, null, null), ctx, "");
      for (JsonNode r : page.resources()) {
        out.append(r).append('\n');
      }
    }
    return out.toString();
  }

  private static final String CONFIGURED_A = "configured-secret-A-0123456789abcdef";
  private static final String CONFIGURED_B = "configured-secret-B-0123456789abcdef";

  @Test
  void configuredToken_authenticatesWhileConfigured_andIsNeverStored() {
    OrganizationTokens configured =
        OrganizationTokens.builder(store).clock(clock).configuredToken("acme", CONFIGURED_A).build();
    assertThat(configured.authenticator().authenticate(CONFIGURED_A))
        .contains(new Authenticated("acme", "configured-token"));
    assertThat(store.list("acme")).isEmpty();
    assertThat(configured.list("acme")).isEmpty();
  }

  @Test
  void configuredToken_startingWithAnotherValue_retiresTheOldOne_andLeavesCreatedTokens() {
    IssuedToken created = tokens.create("acme", "Entra ID production");
    OrganizationTokens first =
        OrganizationTokens.builder(store).clock(clock).configuredToken("acme", CONFIGURED_A).build();
    assertThat(first.authenticator().authenticate(CONFIGURED_A)).isPresent();
    // the next start, configured with another secret
    OrganizationTokens second =
        OrganizationTokens.builder(store).clock(clock).configuredToken("acme", CONFIGURED_B).build();
    assertThat(second.authenticator().authenticate(CONFIGURED_A)).isEmpty();
    assertThat(second.authenticator().authenticate(CONFIGURED_B)).isPresent();
    assertThat(second.authenticator().authenticate(created.secret())).isPresent();
  }

  @Test
  void configuredToken_refusesWeakSecrets_andOneSecretForTwoTenants() {
    OrganizationTokens.Builder builder = OrganizationTokens.builder(store);
    assertThatThrownBy(() -> builder.configuredToken("acme", "short"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.configuredToken("", CONFIGURED_A))
        .isInstanceOf(IllegalArgumentException.class);
    builder.configuredToken("acme", CONFIGURED_A);
    assertThatThrownBy(() -> builder.configuredToken("globex", CONFIGURED_A))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
