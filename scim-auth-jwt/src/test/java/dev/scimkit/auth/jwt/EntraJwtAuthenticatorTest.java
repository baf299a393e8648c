package dev.scimkit.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.scimkit.core.auth.Authenticated;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Entra-issued JWTs, signed with locally generated RSA keys. */
class EntraJwtAuthenticatorTest {
  private static final String TID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String OTHER_TID = "00000000-1111-2222-3333-444444444444";
  private static final String AUDIENCE = "api://scim.example.com";
  private static final String OID = "9a1c5b34-0000-4000-8000-00000000a001";
  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

  private static final RSAKey KEY = generate("entra-key-1");
  private static final RSAKey OTHER_KEY = generate("entra-key-1"); // same kid, other key: a forgery
  private static final Map<String, String> CUSTOMERS = Map.of(TID, "contoso", OTHER_TID, "fabrikam");

  private final EntraJwtAuthenticator auth =
      EntraJwtAuthenticator.builder(AUDIENCE, new JWKSet(KEY.toPublicJWK()))
          .tenantMapping(tid -> Optional.ofNullable(CUSTOMERS.get(tid)))
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .build();

  private static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JWTClaimsSet.Builder entraClaims(String tid) {
    return new JWTClaimsSet.Builder()
        .issuer("https://sts.windows.net/" + tid + "/")
        .audience(AUDIENCE)
        .claim("tid", tid)
        .claim("oid", OID)
        .subject(OID)
        .issueTime(Date.from(NOW.minusSeconds(60)))
        .notBeforeTime(Date.from(NOW.minusSeconds(60)))
        .expirationTime(Date.from(NOW.plus(Duration.ofHours(1))));
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String token(UnaryOperator<JWTClaimsSet.Builder> change) {
    return sign(KEY, change.apply(entraClaims(TID)).build());
  }

  @Test
  void aValidEntraToken_authenticatesAsTheMappedTenant() {
    assertThat(auth.authenticate(token(c -> c)))
        .contains(new Authenticated("contoso", "entra:" + TID + ":" + OID));
  }

  @Test
  void anotherMappedEntraTenant_getsItsOwnScimTenant() {
    String token = sign(KEY, entraClaims(OTHER_TID).build());

    assertThat(auth.authenticate(token).map(Authenticated::tenant)).contains("fabrikam");
  }

  @Test
  void wrongIssuer_isRefused() {
    assertThat(auth.authenticate(token(c -> c.issuer("https://sts.windows.net/" + OTHER_TID + "/")))).isEmpty();
    assertThat(auth.authenticate(token(c -> c.issuer("https://evil.example.com/" + TID + "/")))).isEmpty();
    assertThat(auth.authenticate(token(c -> c.issuer("https://sts.windows.net/" + TID)))).isEmpty();
    assertThat(auth.authenticate(token(c -> c.issuer(null)))).isEmpty();
  }

  @Test
  void wrongOrMissingAudience_isRefused() {
    assertThat(auth.authenticate(token(c -> c.audience("api://other")))).isEmpty();
    assertThat(auth.authenticate(token(c -> c.audience((String) null)))).isEmpty();
  }

  @Test
  void expiredOrNotYetValid_isRefused_withinTheSkewAccepted() {
    assertThat(auth.authenticate(token(c -> c.expirationTime(Date.from(NOW.minusSeconds(61)))))).isEmpty();
    assertThat(auth.authenticate(token(c -> c.expirationTime(Date.from(NOW.minusSeconds(30)))))).isPresent();
    assertThat(auth.authenticate(token(c -> c.expirationTime(null)))).as("no exp").isEmpty();
    assertThat(auth.authenticate(token(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(120)))))).isEmpty();
  }

  @Test
  void aBadSignature_isRefused() {
    String forged = sign(OTHER_KEY, entraClaims(TID).build());
    String genuine = token(c -> c);
    String[] parts = genuine.split("\\.");
    String tampered =
        parts[0] + "." + Base64URL.encode(entraClaims(TID).claim("oid", "someone-else").build().toString()) + "." + parts[2];

    assertThat(auth.authenticate(forged)).isEmpty();
    assertThat(auth.authenticate(tampered)).isEmpty();
    assertThat(auth.authenticate(parts[0] + "." + parts[1] + ".")).isEmpty();
  }

  @Test
  void algNone_isRefused() {
    String unsecured = new PlainJWT(entraClaims(TID).build()).serialize();
    String[] parts = token(c -> c).split("\\.");
    String noneHeaderWithSignature = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2];

    assertThat(auth.authenticate(unsecured)).isEmpty();
    assertThat(auth.authenticate(noneHeaderWithSignature)).isEmpty();
  }

  @Test
  void hs256SignedWithThePublicKey_isRefused() throws Exception {
    SignedJWT confused = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), entraClaims(TID).build());
    confused.sign(new MACSigner(KEY.toPublicJWK().toRSAPublicKey().getEncoded()));

    assertThat(auth.authenticate(confused.serialize())).isEmpty();
  }

  @Test
  void anEntraTenantThatIsNoCustomer_isRefused() {
    String stranger = "11111111-2222-3333-4444-555555555555";

    assertThat(auth.authenticate(sign(KEY, entraClaims(stranger).build()))).isEmpty();
  }

  @Test
  void aMissingOrMalformedTid_isRefused() {
    assertThat(auth.authenticate(token(c -> c.claim("tid", null)))).isEmpty();
    assertThat(auth.authenticate(token(c -> c.claim("tid", "not-a-guid").issuer("https://sts.windows.net/not-a-guid/")))).isEmpty();
    assertThat(auth.authenticate(token(c -> c.claim("tid", 42)))).isEmpty();
  }

  @Test
  void garbage_isRefusedWithoutAnException() {
    assertThat(auth.authenticate("")).isEmpty();
    assertThat(auth.authenticate("not.a.jwt")).isEmpty();
    assertThat(auth.authenticate("scimkit_abc")).isEmpty();
    assertThat(auth.authenticate("a".repeat(20_000))).isEmpty();
    assertThat(auth.authenticate("eyJhbGciOiJSUzI1NiJ9.e30.")).isEmpty();
  }

  @Test
  void theBuilder_refusesSymmetricAlgorithmsAndAMissingMapping() {
    assertThatThrownBy(
            () -> EntraJwtAuthenticator.builder(AUDIENCE, new JWKSet(KEY.toPublicJWK())).algorithms(Set.of(JWSAlgorithm.HS256)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EntraJwtAuthenticator.builder(AUDIENCE, new JWKSet(KEY.toPublicJWK())).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> EntraJwtAuthenticator.builder(" ", new JWKSet(KEY.toPublicJWK())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_namesNoKeyAndNoToken() {
    assertThat(auth.toString()).contains(AUDIENCE).doesNotContain(KEY.getModulus().toString());
  }
}
