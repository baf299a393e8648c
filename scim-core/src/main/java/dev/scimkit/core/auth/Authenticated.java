package dev.scimkit.core.auth;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of a successful {@link Authenticator#authenticate(String)}: the tenant the caller
 * acts for, and a name for the caller that is safe to log and to put into audit events.
 *
 * @param tenant the tenant (organisation) every request of this caller is confined to
 * @param principal the caller: a token's public {@linkplain StoredToken#id() id}, a JWT subject,
 *     ...; never a secret
 */
public record Authenticated(String tenant, String principal) {
  public Authenticated {
    requireNonNull(tenant, "tenant == null");
    requireNonNull(principal, "principal == null");
    if (tenant.isEmpty()) {
      throw new IllegalArgumentException("tenant is empty");
    }
  }
}
