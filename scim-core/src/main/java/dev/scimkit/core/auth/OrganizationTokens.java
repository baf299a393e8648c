package dev.scimkit.core.auth;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.RequestContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Organisation bearer tokens, as a host's admin console manages them: the common SaaS shape in
 * which every organisation uses the same SCIM URL and the token tells which organisation is
 * calling (Entra ID's "Secret Token", Okta's "API token").
 *
 * <pre>{@code
 * OrganizationTokens tokens = OrganizationTokens.builder(new InMemoryTokenStore()).build();
 * IssuedToken issued = tokens.create("acme", "Entra ID production");
 * showOnceToTheAdmin(issued.secret());      // never stored, never logged
 * ScimHttpConfig config = ScimHttpConfig.builder(engine)
 *     .authenticator(tokens.authenticator())
 *     .build();
 * }</pre>
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>A secret is {@code scimkit_} followed by 256 random bits from a {@link SecureRandom},
 *       base64url-encoded. The prefix lets secret scanners and people recognise one.
 *   <li>Only the SHA-256 hash of a secret is stored; the secret is returned once, by {@link
 *       #create}, and cannot be read back. A lost secret is replaced by creating a new token.
 *   <li>A tenant may have any number of active tokens (to rotate: create the new one, configure
 *       it in the identity provider, then revoke the old one).
 *   <li>Creating, revoking and expiring tokens never touches a tenant's users or groups.
 *   <li>A presented token is looked up by its hash and compared in constant time; revoked and
 *       expired tokens do not authenticate.
 *   <li>A {@linkplain Builder#configuredToken configured token} (a secret from the host's
 *       configuration) is valid exactly while it is configured: it is kept only as a hash in
 *       memory, never stored, so starting with another value retires the old one.
 *   <li>A token revoked by {@link #revoke} stops authenticating at once, and an expired token at
 *       its expiry. A token revoked elsewhere (by another instance sharing the store, the
 *       command line, or the store directly) stops within the {@linkplain
 *       Builder#revocationDelay revocation delay}, one second by default: the authenticator
 *       remembers the tokens it found active for that long, so that a steady stream of requests
 *       costs one store lookup per token and second.
 * </ul>
 *
 * <p>Thread-safe when its store is.
 */
public final class OrganizationTokens {
  /** How long a token revoked elsewhere may go on authenticating, unless configured otherwise. */
  public static final Duration DEFAULT_REVOCATION_DELAY = Duration.ofSeconds(1);

  private final TokenStore store;
  private final Clock clock;
  private final SecureRandom random;
  private final TokenAuthenticator authenticator;

  private OrganizationTokens(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.random = b.random;
    this.authenticator = new TokenAuthenticator(store, clock, b.configured, b.revocationDelay);
  }

  /** Starts organisation tokens kept in {@code store}. */
  public static Builder builder(TokenStore store) {
    return new Builder(store);
  }

  /**
   * Creates a token for {@code tenant} that does not expire.
   *
   * @param tenant a {@linkplain RequestContext#isTenantName tenant name}
   * @param description what the admin calls it ("Entra ID production"); may be empty
   * @return the secret (show it once) and the stored token
   * @throws IllegalArgumentException if {@code tenant} is not a tenant name
   */
  public IssuedToken create(String tenant, String description) {
    return issue(tenant, description, null);
  }

  /**
   * Creates a token for {@code tenant} that stops authenticating at {@code expiresAt}.
   *
   * @param tenant a {@linkplain RequestContext#isTenantName tenant name}
   * @param description what the admin calls it; may be empty
   * @return the secret (show it once) and the stored token
   * @throws IllegalArgumentException if {@code tenant} is not a tenant name, or {@code expiresAt}
   *     is not in the future
   */
  public IssuedToken create(String tenant, String description, Instant expiresAt) {
    requireNonNull(expiresAt, "expiresAt == null");
    if (!expiresAt.isAfter(clock.instant())) {
      throw new IllegalArgumentException("expiresAt is not in the future: " + expiresAt);
    }
    return issue(tenant, description, expiresAt);
  }

  private IssuedToken issue(String tenant, String description, Instant expiresAt) {
    requireNonNull(tenant, "tenant == null");
    requireNonNull(description, "description == null");
    RequestContext.requireTenantName(tenant);
    String secret = TokenSecrets.newSecret(random);
    StoredToken token =
        new StoredToken(
            TokenSecrets.newId(random),
            tenant,
            TokenSecrets.hash(secret),
            description,
            clock.instant(),
            expiresAt,
            null);
    store.save(token);
    return new IssuedToken(secret, token);
  }

  /**
   * Registers a secret the host chose itself (from an environment variable or a deployment
   * secret, say) as a token of {@code tenant}, for setups where the secret must be known before
   * the server starts. Prefer {@link #create}: its secrets are random by construction.
   *
   * <p>Idempotent: registering the same secret for the same tenant again answers the token already
   * stored. A registered token stays valid until it is revoked, also after the host stops
   * registering it: for a secret that should be valid exactly while it is in the host's
   * configuration, use {@link Builder#configuredToken} instead.
   *
   * @param tenant a {@linkplain RequestContext#isTenantName tenant name}
   * @param secret 32 to 256 characters that may appear in a bearer token ({@code A-Z a-z 0-9 - .
   *     _ ~ + /}, {@code =} at the end); only its hash is kept
   * @return the stored token
   * @throws IllegalArgumentException if {@code tenant} is not a tenant name, if the secret is too
   *     short, too long or has other characters, or is already registered for another tenant or
   *     revoked
   */
  public StoredToken register(String tenant, String secret, String description) {
    requireNonNull(tenant, "tenant == null");
    requireNonNull(secret, "secret == null");
    requireNonNull(description, "description == null");
    RequestContext.requireTenantName(tenant);
    if (!TokenSecrets.isAcceptableSecret(secret)) {
      throw new IllegalArgumentException(
          "a registered secret must be " + TokenSecrets.MIN_REGISTERED_LENGTH + " to "
              + TokenSecrets.MAX_PRESENTED_LENGTH + " characters of A-Z a-z 0-9 - . _ ~ + / (= at the end)");
    }
    String hash = TokenSecrets.hash(secret);
    StoredToken existing = store.findByHash(hash).orElse(null);
    if (existing == null) {
      StoredToken token =
          new StoredToken(TokenSecrets.newId(random), tenant, hash, description, clock.instant(), null, null);
      store.save(token);
      return token;
    }
    if (!existing.tenant().equals(tenant) || existing.revokedAt() != null) {
      throw new IllegalArgumentException("this secret is registered for another tenant, or was revoked");
    }
    return existing;
  }

  /** The tenant's tokens, active or not, oldest first; they hold hashes, never secrets. */
  public List<StoredToken> list(String tenant) {
    return store.list(requireNonNull(tenant, "tenant == null"));
  }

  /**
   * Revokes one of the tenant's tokens: from now on it does not authenticate. The tenant's
   * resources are not touched. A token id of another tenant is treated as unknown.
   *
   * @return whether an active token of this tenant was revoked by this call
   */
  public boolean revoke(String tenant, String tokenId) {
    requireNonNull(tenant, "tenant == null");
    requireNonNull(tokenId, "tokenId == null");
    boolean revoked = store.revoke(tenant, tokenId, clock.instant());
    authenticator.forget(tokenId);
    return revoked;
  }

  /**
   * The authenticator for these tokens, to configure on the HTTP layer. It answers a token's
   * tenant and its public {@linkplain StoredToken#id() id} as principal.
   */
  public Authenticator authenticator() {
    return authenticator;
  }

  /** Builds {@link OrganizationTokens}. */
  public static final class Builder {
    private final TokenStore store;
    private final java.util.Map<String, String> configured = new java.util.HashMap<>();
    private Clock clock = Clock.systemUTC();
    private SecureRandom random;
    private Duration revocationDelay = DEFAULT_REVOCATION_DELAY;

    private Builder(TokenStore store) {
      this.store = requireNonNull(store, "store == null");
    }

    /** The clock for creation, revocation and expiry. Default: system UTC. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * The longest a token revoked elsewhere than through these {@link OrganizationTokens} (by
     * another instance of the application sharing the token store, by the command line, or in
     * the store directly) may go on authenticating, measured on the {@linkplain #clock clock}.
     * Default: one second. Until then, a token found active is not looked up again, which spares
     * the store (a database query) a lookup per request. {@link Duration#ZERO} looks every
     * token up on every request. Revocations through {@link OrganizationTokens#revoke} and
     * expiry take effect at once whatever the delay.
     *
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public Builder revocationDelay(Duration delay) {
      requireNonNull(delay, "delay == null");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay is negative: " + delay);
      }
      this.revocationDelay = delay;
      return this;
    }

    /**
     * The source of secrets and token ids. Default: a new {@link SecureRandom}. Tests may fix it
     * to get reproducible ids; in production leave the default.
     */
    public Builder secureRandom(SecureRandom random) {
      this.random = requireNonNull(random, "random == null");
      return this;
    }

    /**
     * Accepts {@code secret} as a token of {@code tenant} for as long as the {@link
     * OrganizationTokens} built here is in use: for a secret the host keeps in its configuration
     * (an environment variable, a deployment secret, a command-line option). It is held only as
     * its SHA-256 hash, in memory, and never stored, listed or revocable: it is valid while it is
     * configured, and configuring another value for the tenant at the next start leaves the old
     * one invalid. Tokens created with {@link OrganizationTokens#create} are not affected. Audit
     * events name its principal {@value TokenAuthenticator#CONFIGURED_PRINCIPAL}.
     *
     * @param secret 32 to 256 characters that may appear in a bearer token ({@code A-Z a-z 0-9 -
     *     . _ ~ + /}, {@code =} at the end)
     * @throws IllegalArgumentException if the tenant is empty or the secret is not acceptable, or
     *     is already configured for another tenant
     */
    public Builder configuredToken(String tenant, String secret) {
      requireNonNull(tenant, "tenant == null");
      requireNonNull(secret, "secret == null");
      if (tenant.isEmpty()) {
        throw new IllegalArgumentException("tenant is empty");
      }
      if (!TokenSecrets.isAcceptableSecret(secret)) {
        throw new IllegalArgumentException(
            "a configured secret must be " + TokenSecrets.MIN_REGISTERED_LENGTH + " to "
                + TokenSecrets.MAX_PRESENTED_LENGTH + " characters of A-Z a-z 0-9 - . _ ~ + / (= at the end)");
      }
      String previous = configured.putIfAbsent(TokenSecrets.hash(secret), tenant);
      if (previous != null && !previous.equals(tenant)) {
        throw new IllegalArgumentException("this secret is already configured for another tenant");
      }
      return this;
    }

    public OrganizationTokens build() {
      if (random == null) {
        random = new SecureRandom();
      }
      return new OrganizationTokens(this);
    }
  }
}
