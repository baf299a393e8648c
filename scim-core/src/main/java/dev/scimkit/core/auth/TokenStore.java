package dev.scimkit.core.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps organisation bearer tokens as hashes. Tokens are data about access, not about users or
 * groups: creating, revoking or expiring one never touches a tenant's resources. Implementations
 * must be thread-safe.
 */
public interface TokenStore {

  /**
   * Stores a new token.
   *
   * @throws IllegalArgumentException if a token with the same id or hash exists
   */
  void save(StoredToken token);

  /** The token whose secret hashes to {@code hash}, active or not. */
  Optional<StoredToken> findByHash(String hash);

  /** The tenant's tokens, active or not, oldest first. */
  List<StoredToken> list(String tenant);

  /**
   * Revokes the tenant's token with this id.
   *
   * @return whether such a token existed and was active until now
   */
  boolean revoke(String tenant, String id, Instant when);
}
