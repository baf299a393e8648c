package dev.scimkit.core.auth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A bearer token as a {@link TokenStore} keeps it: never the secret, only its hash.
 *
 * @param id the token's public id, safe to log and show (it names the token in audit events)
 * @param tenant the tenant the token acts for
 * @param hash the lower-case hex SHA-256 of the secret token text
 * @param description what the admin called it ("Entra ID production"), may be empty
 * @param created when it was created
 * @param expiresAt when it stops working, or {@code null} for never
 * @param revokedAt when it was revoked, or {@code null} while it is not
 */
public record StoredToken(
    String id,
    String tenant,
    String hash,
    String description,
    Instant created,
    Instant expiresAt,
    Instant revokedAt) {

  public StoredToken {
    requireNonNull(id, "id == null");
    requireNonNull(tenant, "tenant == null");
    requireNonNull(hash, "hash == null");
    requireNonNull(description, "description == null");
    requireNonNull(created, "created == null");
  }

  /** Whether the token authenticates at {@code now}: not revoked and not expired. */
  public boolean isActive(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  /** This token, revoked at {@code when}. */
  public StoredToken revoked(Instant when) {
    return new StoredToken(id, tenant, hash, description, created, expiresAt, when);
  }
}
