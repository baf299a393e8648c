package dev.scimkit.core.auth;

import java.time.Clock;
import java.util.Optional;

/**
 * Authenticates organisation tokens against a {@link TokenStore}: hash the presented text, look
 * the hash up, compare it in constant time, and accept it only while the token is active.
 */
final class TokenAuthenticator implements Authenticator {
  private final TokenStore store;
  private final Clock clock;

  TokenAuthenticator(TokenStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Optional<Authenticated> authenticate(String bearerToken) {
    if (bearerToken == null || bearerToken.isEmpty() || bearerToken.length() > TokenSecrets.MAX_PRESENTED_LENGTH) {
      return Optional.empty();
    }
    String hash = TokenSecrets.hash(bearerToken);
    Optional<StoredToken> found = store.findByHash(hash);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    StoredToken token = found.get();
    // The lookup already matched the hash; comparing again in constant time guards against a
    // store whose lookup is looser than equality (a case-insensitive index, a prefix match).
    if (!TokenSecrets.sameHash(token.hash(), hash) || !token.isActive(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(new Authenticated(token.tenant(), token.id()));
  }

  @Override
  public String toString() {
    return "OrganizationTokens.authenticator()";
  }
}
