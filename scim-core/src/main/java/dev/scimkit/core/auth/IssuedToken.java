package dev.scimkit.core.auth;

import static java.util.Objects.requireNonNull;

/**
 * A token just created by {@link OrganizationTokens#create}: the secret, to be shown to the admin
 * once and then forgotten, and what the store keeps of it.
 *
 * <p>{@link #toString()} does not show the secret, so an {@code IssuedToken} that ends up in a
 * log line leaks nothing.
 *
 * @param secret the bearer token text the client sends; Scimkit keeps no copy of it
 * @param token the stored token: its public id, tenant, hash, description and dates
 */
public record IssuedToken(String secret, StoredToken token) {
  public IssuedToken {
    requireNonNull(secret, "secret == null");
    requireNonNull(token, "token == null");
  }

  @Override
  public String toString() {
    return "IssuedToken[id=" + token.id() + ", tenant=" + token.tenant() + ", secret=<redacted>]";
  }
}
