package dev.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimkit.core.auth.StoredToken;
import dev.scimkit.core.auth.TokenStore;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The persisted token store: hashes only, per tenant, revocable, unique ids and hashes. */
abstract class TokenStoreContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456789Z");

  abstract DataSource dataSource();

  private TokenStore tokens;
  private String tenant;

  @BeforeEach
  void open() {
    tokens = JdbcStore.builder(dataSource()).build().tokenStore();
    tenant = "t-" + UUID.randomUUID();
  }

  private StoredToken token(String id, String hash, Instant created, Instant expires) {
    return new StoredToken(id, tenant, hash, "Entra ID production", created, expires, null);
  }

  @Test
  void save_thenFindByHash_returnsItExactly() {
    StoredToken t = token(UUID.randomUUID().toString(), UUID.randomUUID().toString(), T0, T0.plusSeconds(3600));
    tokens.save(t);
    assertThat(tokens.findByHash(t.hash())).contains(t);
    assertThat(tokens.findByHash("no-such-hash")).isEmpty();
  }

  @Test
  void list_isTheTenantsTokensOldestFirst() {
    StoredToken b = token("b-" + UUID.randomUUID(), UUID.randomUUID().toString(), T0.plusSeconds(5), null);
    StoredToken a = token("a-" + UUID.randomUUID(), UUID.randomUUID().toString(), T0, null);
    tokens.save(b);
    tokens.save(a);
    tokens.save(new StoredToken(UUID.randomUUID().toString(), "other-" + tenant, UUID.randomUUID().toString(), "", T0, null, null));
    assertThat(tokens.list(tenant)).containsExactly(a, b);
  }

  @Test
  void save_duplicateIdOrHash_isRejected() {
    StoredToken t = token(UUID.randomUUID().toString(), UUID.randomUUID().toString(), T0, null);
    tokens.save(t);
    assertThatThrownBy(() -> tokens.save(token(t.id(), UUID.randomUUID().toString(), T0, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tokens.save(token(UUID.randomUUID().toString(), t.hash(), T0, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void revoke_marksTheTokenOnce_andOnlyForItsTenant() {
    StoredToken t = token(UUID.randomUUID().toString(), UUID.randomUUID().toString(), T0, null);
    tokens.save(t);
    assertThat(tokens.revoke("other-" + tenant, t.id(), T0.plusSeconds(1))).isFalse();
    assertThat(tokens.findByHash(t.hash()).orElseThrow().isActive(T0.plusSeconds(2))).isTrue();
    assertThat(tokens.revoke(tenant, t.id(), T0.plusSeconds(10))).isTrue();
    assertThat(tokens.revoke(tenant, t.id(), T0.plusSeconds(20))).isFalse();
    StoredToken revoked = tokens.findByHash(t.hash()).orElseThrow();
    assertThat(revoked.revokedAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(revoked.isActive(T0.plusSeconds(11))).isFalse();
  }

  @Test
  void revoke_ofAnExpiredToken_answersFalse() {
    StoredToken t = token(UUID.randomUUID().toString(), UUID.randomUUID().toString(), T0, T0.plusSeconds(60));
    tokens.save(t);
    assertThat(tokens.revoke(tenant, t.id(), T0.plusSeconds(61))).isFalse();
    assertThat(tokens.revoke(tenant, "no-such-id", T0)).isFalse();
  }
}
