package dev.scimkit.core.auth;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates organisation tokens: hash the presented text, look the hash up among the
 * configured tokens and then in the {@link TokenStore}, compare it in constant time, and accept a
 * stored token only while it is active.
 */
final class TokenAuthenticator implements Authenticator {
  /** The principal of a configured token: there is no stored token id to name. */
  static final String CONFIGURED_PRINCIPAL = "configured-token";

  private final TokenStore store;
  private final Clock clock;
  private final Map<String, String> configured;

  /**
   * @param configured the tenant of each configured secret, by the secret's hash
   */
  TokenAuthenticator(TokenStore store, Clock clock, Map<String, String> configured) {
    this.store = store;
    this.clock = clock;
    this.configured = Map.copyOf(configured);
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
