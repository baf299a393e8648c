package dev.scimkit.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Authenticates organisation tokens: hash the presented text, look the hash up among the
 * configured tokens and then in the {@link TokenStore}, compare it in constant time, and accept a
 * stored token only while it is active.
 *
 * <p>A stored token found active is remembered, by its hash, for {@code revocationDelay}, so that
 * an identity provider's steady stream of requests costs one store lookup per token and delay
 * rather than one per request (a database query, for a database's token store). Its expiry is
 * still checked on every request; a revocation through the same {@link OrganizationTokens} takes
 * effect at once; a revocation made elsewhere (another instance, the command line, the store
 * itself) takes effect within {@code revocationDelay} of the clock. Tokens not found or not
 * active are never remembered, and at most {@value #MAX_REMEMBERED} tokens are.
 */
final class TokenAuthenticator implements Authenticator {
  /** The principal of a configured token: there is no stored token id to name. */
  static final String CONFIGURED_PRINCIPAL = "configured-token";

  /** Active tokens remembered at most; past it the memory starts over. */
  static final int MAX_REMEMBERED = 1_024;

  private final TokenStore store;
  private final Clock clock;
  private final Map<String, String> configured;
  private final Duration revocationDelay;
  private final Map<String, Remembered> recent = new ConcurrentHashMap<>();
  /** Counts {@link #forget} calls, so that a lookup racing a revocation is not remembered. */
  private final AtomicLong revocations = new AtomicLong();

  /** A stored token found active at {@code checkedAt}. */
  private record Remembered(Authenticated who, String tokenId, Instant expiresAt, Instant checkedAt) {}

  /**
   * @param configured the tenant of each configured secret, by the secret's hash
   * @param revocationDelay how long an active stored token is remembered; zero for never
   */
  TokenAuthenticator(TokenStore store, Clock clock, Map<String, String> configured, Duration revocationDelay) {
    this.store = store;
    this.clock = clock;
    this.configured = Map.copyOf(configured);
    this.revocationDelay = revocationDelay;
  }

  /** Forgets a token at once: it was revoked through this authenticator's tokens. */
  void forget(String tokenId) {
    revocations.incrementAndGet();
    recent.values().removeIf(r -> r.tokenId().equals(tokenId));
  }

  @Override
  public Optional<Authenticated> authenticate(String bearerToken) {
    if (bearerToken == null || bearerToken.isEmpty() || bearerToken.length() > TokenSecrets.MAX_PRESENTED_LENGTH) {
      return Optional.empty();
    }
    String hash = TokenSecrets.hash(bearerToken);
    String configuredTenant = configured.get(hash);
    if (configuredTenant != null) {
      return Optional.of(new Authenticated(configuredTenant, CONFIGURED_PRINCIPAL));
    }
    Instant now = clock.instant();
    Remembered remembered = recent.get(hash);
    if (remembered != null) {
      if (now.isBefore(remembered.checkedAt().plus(revocationDelay))
          && (remembered.expiresAt() == null || now.isBefore(remembered.expiresAt()))) {
        return Optional.of(remembered.who());
      }
      recent.remove(hash, remembered);
    }
    long revocationsBefore = revocations.get();
    Optional<StoredToken> found = store.findByHash(hash);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    StoredToken token = found.get();
    // The lookup already matched the hash; comparing again in constant time guards against a
    // store whose lookup is looser than equality (a case-insensitive index, a prefix match).
    if (!TokenSecrets.sameHash(token.hash(), hash) || !token.isActive(now)) {
      return Optional.empty();
    }
    Authenticated who = new Authenticated(token.tenant(), token.id());
    if (!revocationDelay.isZero()) {
      if (recent.size() >= MAX_REMEMBERED) {
        recent.clear();
      }
      Remembered fresh = new Remembered(who, token.id(), token.expiresAt(), now);
      recent.put(hash, fresh);
      if (revocations.get() != revocationsBefore) {
        recent.remove(hash, fresh); // a revocation may have come after the lookup
      }
    }
    return Optional.of(who);
  }

  @Override
  public String toString() {
    return "OrganizationTokens.authenticator()";
  }
}
