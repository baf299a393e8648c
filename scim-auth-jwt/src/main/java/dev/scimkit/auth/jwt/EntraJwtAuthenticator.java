package dev.scimkit.auth.jwt;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.scimkit.core.auth.Authenticated;
import dev.scimkit.core.auth.Authenticator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Accepts bearer JWTs that Microsoft Entra ID issues to its provisioning service, as an
 * alternative to organisation tokens: the enterprise application is configured to get a token
 * from Entra instead of sending a long-lived secret.
 *
 * <pre>{@code
 * Authenticator entra = EntraJwtAuthenticator.builder("api://scim.example.com", jwkSource)
 *     .tenantMapping(tid -> customers.byEntraTenantId(tid).map(Customer::scimTenant))
 *     .build();
 * ScimHttpConfig config = ScimHttpConfig.builder(engine).authenticator(entra).build();
 * }</pre>
 *
 * <p>A token authenticates only if all of these hold; otherwise the answer is empty, with no hint
 * of which check failed:
 *
 * <ul>
 *   <li>it is a JWS (never an unsecured {@code alg: none} token) signed with one of the {@link
 *       Builder#algorithms allowed algorithms} (default {@code RS256}, what Entra uses) by a key of
 *       the host-supplied key source (Entra's published keys: the host fetches and caches them,
 *       for example with Nimbus's {@code JWKSourceBuilder} on {@code
 *       https://login.microsoftonline.com/<tenant-id>/discovery/keys});
 *   <li>it has a {@code tid} claim (the Entra tenant id, a GUID) and its {@code iss} is exactly
 *       {@code https://sts.windows.net/<tid>/};
 *   <li>its {@code aud} contains the configured audience;
 *   <li>it has an {@code exp} in the future and no {@code nbf} in the future, both give or take
 *       the {@link Builder#maxClockSkew clock skew};
 *   <li>the host's {@link Builder#tenantMapping tenant mapping} knows the {@code tid}.
 * </ul>
 *
 * <p>The principal is {@code entra:<tid>:<oid>} (the calling service principal's object id, or
 * the {@code sub} when there is no {@code oid}): safe to log, never the token. Thread-safe.
 */
public final class EntraJwtAuthenticator implements Authenticator {
  /** The issuer of Entra ID (v1.0) tokens of the tenant {@code %s}. */
  static final String ISSUER_FORMAT = "https://sts.windows.net/%s/";

  /** The longest token looked at; Entra's are one to three kilobytes. */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;

  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final String audience;
  private final Function<String, Optional<String>> tenantMapping;
  private final Clock clock;
  private final Duration skew;
  private final Set<JWSAlgorithm> algorithms;
  private final DefaultJWTProcessor<SecurityContext> processor;

  private EntraJwtAuthenticator(Builder b) {
    this.audience = b.audience;
    this.tenantMapping = b.tenantMapping;
    this.clock = b.clock;
    this.skew = b.skew;
    this.algorithms = Set.copyOf(b.algorithms);
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSKeySelector(new JWSVerificationKeySelector<>(this.algorithms, b.keys));
    p.setJWTClaimsSetVerifier((claims, context) -> verify(claims));
    this.processor = p;
  }

  /**
   * Starts an authenticator.
   *
   * @param audience the {@code aud} a token must carry: the application ID URI or client id the
   *     enterprise application requests tokens for
   * @param keys the keys that may have signed a token (Entra's signing keys)
   */
  public static Builder builder(String audience, JWKSource<SecurityContext> keys) {
    return new Builder(audience, keys);
  }

  /** As {@link #builder(String, JWKSource)}, with a fixed key set. */
  public static Builder builder(String audience, JWKSet keys) {
    return new Builder(audience, new ImmutableJWKSet<>(requireNonNull(keys, "keys == null")));
  }

  @Override
  public Optional<Authenticated> authenticate(String bearerToken) {
    if (bearerToken == null || bearerToken.isEmpty() || bearerToken.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(bearerToken); // an unsecured (alg: none) JWT does not parse
      if (!algorithms.contains(jwt.getHeader().getAlgorithm())) {
        return Optional.empty();
      }
      JWTClaimsSet claims = processor.process(jwt, null);
      String tid = claims.getStringClaim("tid");
      Optional<String> tenant = tenantMapping.apply(tid);
      if (tenant == null || tenant.isEmpty() || tenant.get().isEmpty()) {
        return Optional.empty();
      }
      String oid = claims.getStringClaim("oid");
      String who = oid != null ? oid : claims.getSubject();
      return Optional.of(new Authenticated(tenant.get(), "entra:" + tid + ":" + (who == null ? "-" : who)));
    } catch (java.text.ParseException
        | com.nimbusds.jose.proc.BadJOSEException
        | com.nimbusds.jose.JOSEException
        | IllegalArgumentException e) {
      // Not valid, for whatever reason: the reason is not the caller's business, and the token
      // itself is not to be logged.
      return Optional.empty();
    }
  }

  private void verify(JWTClaimsSet claims) throws BadJWTException {
    Object tidClaim = claims.getClaim("tid");
    if (!(tidClaim instanceof String tid) || !GUID.matcher(tid).matches()) {
      throw new BadJWTException("no Entra tenant id");
    }
    if (!String.format(ISSUER_FORMAT, tid).equals(claims.getIssuer())) {
      throw new BadJWTException("wrong issuer");
    }
    List<String> audiences = claims.getAudience();
    if (audiences == null || !audiences.contains(audience)) {
      throw new BadJWTException("wrong audience");
    }
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null || !now.isBefore(exp.toInstant().plus(skew))) {
      throw new BadJWTException("expired");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.plus(skew).isBefore(nbf.toInstant())) {
      throw new BadJWTException("not yet valid");
    }
  }

  @Override
  public String toString() {
    return "EntraJwtAuthenticator{audience=" + audience + ", algorithms=" + algorithms + "}";
  }

  /** Builds an {@link EntraJwtAuthenticator}. */
  public static final class Builder {
    private final String audience;
    private final JWKSource<SecurityContext> keys;
    private Function<String, Optional<String>> tenantMapping;
    private Clock clock = Clock.systemUTC();
    private Duration skew = Duration.ofMinutes(1);
    private final Set<JWSAlgorithm> algorithms = new LinkedHashSet<>(Set.of(JWSAlgorithm.RS256));

    private Builder(String audience, JWKSource<SecurityContext> keys) {
      this.audience = requireNonNull(audience, "audience == null");
      this.keys = requireNonNull(keys, "keys == null");
      if (audience.isBlank()) {
        throw new IllegalArgumentException("audience is blank");
      }
    }

    /**
     * Required: maps an Entra tenant id (the {@code tid} claim) to the Scimkit tenant it
     * provisions, or to empty for an Entra tenant that is no customer (its tokens are refused).
     * Called for every request with a validly signed token; make it fast.
     */
    public Builder tenantMapping(Function<String, Optional<String>> mapping) {
      this.tenantMapping = requireNonNull(mapping, "mapping == null");
      return this;
    }

    /** The clock for {@code exp} and {@code nbf}. Default: system UTC. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** How far {@code exp} and {@code nbf} may be off. Default one minute; at most ten. */
    public Builder maxClockSkew(Duration skew) {
      requireNonNull(skew, "skew == null");
      if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("skew must be between 0 and 10 minutes: " + skew);
      }
      this.skew = skew;
      return this;
    }

    /**
     * The signature algorithms accepted. Default {@code RS256}. Only asymmetric JWS algorithms
     * are allowed: a shared-secret ({@code HS*}) algorithm would let anyone who knows the public
     * key sign tokens.
     */
    public Builder algorithms(Set<JWSAlgorithm> algorithms) {
      requireNonNull(algorithms, "algorithms == null");
      if (algorithms.isEmpty()) {
        throw new IllegalArgumentException("algorithms is empty");
      }
      for (JWSAlgorithm a : algorithms) {
        if (!JWSAlgorithm.Family.RSA.contains(a) && !JWSAlgorithm.Family.EC.contains(a)) {
          throw new IllegalArgumentException("not an RSA or EC signature algorithm: " + a);
        }
      }
      this.algorithms.clear();
      this.algorithms.addAll(algorithms);
      return this;
    }

    /**
     * Builds the authenticator.
     *
     * @throws IllegalStateException without a {@link #tenantMapping}
     */
    public EntraJwtAuthenticator build() {
      if (tenantMapping == null) {
        throw new IllegalStateException("a tenantMapping is required");
      }
      return new EntraJwtAuthenticator(this);
    }
  }
}
