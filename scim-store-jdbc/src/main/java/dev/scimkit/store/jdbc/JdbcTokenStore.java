package dev.scimkit.store.jdbc;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.ScimException;
import dev.scimkit.core.auth.StoredToken;
import dev.scimkit.core.auth.TokenStore;
import dev.scimkit.store.jdbc.internal.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Organisation bearer tokens in table {@code scim_token}, as SHA-256 hashes only: the secret
 * never reaches the database. Obtain it from {@link JdbcStore#tokenStore()}.
 *
 * <p>Token ids and hashes are unique across all tenants (a primary key and a unique index), so
 * {@link #save} of a duplicate fails atomically even when two instances race. A revocation is a
 * single conditional {@code UPDATE}. While the database is unreachable every method fails with a
 * {@link ScimException} of status 503, which an authenticating filter should pass on rather than
 * answer 401.
 *
 * <p>Thread-safe.
 */
public final class JdbcTokenStore implements TokenStore {
  private final Database db;

  JdbcTokenStore(Database db) {
    this.db = db;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if a token with the same id or hash exists
   * @throws ScimException 503 if the database is unreachable
   */
  @Override
  public void save(StoredToken token) {
    requireNonNull(token, "token == null");
    try {
      db.transaction("save the token", c -> {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO scim_token (id, tenant, hash, description, created_ns, expires_ns, revoked_ns)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, token.id());
          ps.setString(2, token.tenant());
          ps.setString(3, token.hash());
          ps.setString(4, token.description());
          ps.setLong(5, nanos(token.created()));
          setInstant(ps, 6, token.expiresAt());
          setInstant(ps, 7, token.revokedAt());
          ps.executeUpdate();
        }
        return null;
      });
    } catch (RuntimeException e) {
      if (e instanceof ScimException) {
        throw e;
      }
      // Database.UniqueViolation: the id or hash is taken
      throw new IllegalArgumentException("a token with this id or hash already exists", e);
    }
  }

  @Override
  public Optional<StoredToken> findByHash(String hash) {
    requireNonNull(hash, "hash == null");
    return db.transaction("find the token", c -> {
      List<StoredToken> found = query(c, "hash = ?", hash);
      return found.isEmpty() ? Optional.<StoredToken>empty() : Optional.of(found.get(0));
    });
  }

  @Override
  public List<StoredToken> list(String tenant) {
    requireNonNull(tenant, "tenant == null");
    return db.transaction("list tokens", c -> List.copyOf(query(c, "tenant = ?", tenant)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A token that was already revoked keeps its first revocation time; an expired one is
   * marked revoked too, and the answer is {@code false} for both.
   */
  @Override
  public boolean revoke(String tenant, String id, Instant when) {
    requireNonNull(tenant, "tenant == null");
    requireNonNull(id, "id == null");
    requireNonNull(when, "when == null");
    return db.transaction("revoke the token", c -> {
      Long expires = null;
      boolean found = false;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT expires_ns FROM scim_token WHERE tenant = ? AND id = ? AND revoked_ns IS NULL FOR UPDATE")) {
        ps.setString(1, tenant);
        ps.setString(2, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            found = true;
            long e = rs.getLong(1);
            expires = rs.wasNull() ? null : e;
          }
        }
      }
      if (!found) {
        return false;
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE scim_token SET revoked_ns = ? WHERE tenant = ? AND id = ? AND revoked_ns IS NULL")) {
        ps.setLong(1, nanos(when));
        ps.setString(2, tenant);
        ps.setString(3, id);
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      return expires == null || nanos(when) < expires;
    });
  }

  private static List<StoredToken> query(Connection c, String condition, String value) throws SQLException {
    List<StoredToken> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, tenant, hash, description, created_ns, expires_ns, revoked_ns FROM scim_token WHERE "
            + condition + " ORDER BY created_ns, seq")) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new StoredToken(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              instant(rs.getLong(5)),
              instantOrNull(rs, 6),
              instantOrNull(rs, 7)));
        }
      }
    }
    return out;
  }

  private static void setInstant(PreparedStatement ps, int i, Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, nanos(instant));
    }
  }

  private static Instant instantOrNull(ResultSet rs, int column) throws SQLException {
    long n = rs.getLong(column);
    return rs.wasNull() ? null : instant(n);
  }

  private static long nanos(Instant instant) {
    return dev.scimkit.store.jdbc.internal.Database.nanos(instant);
  }

  private static Instant instant(long nanos) {
    return dev.scimkit.store.jdbc.internal.Database.instant(nanos);
  }
}
