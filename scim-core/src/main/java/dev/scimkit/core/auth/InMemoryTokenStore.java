package dev.scimkit.core.auth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link TokenStore} in memory: for tests, demos and single-instance hosts that can hand out new
 * tokens after a restart (everything is lost when the process ends). Thread-safe.
 */
public final class InMemoryTokenStore implements TokenStore {
  private final Map<String, StoredToken> byId = new LinkedHashMap<>();
  private final Map<String, String> idByHash = new LinkedHashMap<>();

  /** Creates an empty store. */
  public InMemoryTokenStore() {}

  @Override
  public synchronized void save(StoredToken token) {
    requireNonNull(token, "token == null");
    if (byId.containsKey(token.id())) {
      throw new IllegalArgumentException("a token with id " + token.id() + " exists");
    }
    if (idByHash.containsKey(token.hash())) {
      throw new IllegalArgumentException("a token with the same hash exists");
    }
    byId.put(token.id(), token);
    idByHash.put(token.hash(), token.id());
  }

  @Override
  public synchronized Optional<StoredToken> findByHash(String hash) {
    requireNonNull(hash, "hash == null");
    String id = idByHash.get(hash);
    return id == null ? Optional.empty() : Optional.of(byId.get(id));
  }

  @Override
  public synchronized List<StoredToken> list(String tenant) {
    requireNonNull(tenant, "tenant == null");
    List<StoredToken> out = new ArrayList<>();
    for (StoredToken t : byId.values()) {
      if (t.tenant().equals(tenant)) {
        out.add(t); // insertion order is creation order
      }
    }
    return out;
  }

  @Override
  public synchronized boolean revoke(String tenant, String id, Instant when) {
    requireNonNull(tenant, "tenant == null");
    requireNonNull(id, "id == null");
    requireNonNull(when, "when == null");
    StoredToken token = byId.get(id);
    if (token == null || !token.tenant().equals(tenant) || token.revokedAt() != null) {
      return false;
    }
    byId.put(id, token.revoked(when));
    return token.isActive(when);
  }
}
