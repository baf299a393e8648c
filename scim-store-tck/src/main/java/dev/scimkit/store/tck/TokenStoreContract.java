package dev.scimkit.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimkit.core.auth.StoredToken;
import dev.scimkit.core.auth.TokenStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link TokenStore} must meet. Extend it and implement {@link
 * #newTokenStore()}; each test uses tenants of its own.
 *
 * <pre>{@code
 * class MyTokenStoreTest extends TokenStoreContract {
 *   @Override protected TokenStore newTokenStore() { return new MyTokenStore(dataSource); }
 * }
 * }</pre>
 */
public abstract class TokenStoreContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  protected TokenStore store;
  protected String acme;
  protected String globex;

  /** A new store (or one whose tenants do not collide with earlier tests). */
  protected abstract TokenStore newTokenStore();

  @BeforeEach
  void setUpTokenStore() {
    store = newTokenStore();
    String run = UUID.randomUUID().toString().substring(0, 8);
    acme = "acme-" + run;
    globex = "globex-" + run;
  }

  /** A token with a random id and hash; {@code minutes} after T0. */
  protected static StoredToken token(String tenant, int minutes, Instant expiresAt) {
    String hash = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    return new StoredToken(
        "tok_" + UUID.randomUUID(), tenant, hash, "token " + minutes, T0.plusSeconds(60L * minutes), expiresAt, null);
  }

  @Test
  void save_thenFindByHash_answersTheSameToken() {
    StoredToken t = token(acme, 0, T0.plusSeconds(3600));
    store.save(t);

    assertThat(store.findByHash(t.hash())).contains(t);
  }

  @Test
  void findByHash_ofAnUnknownHash_isEmpty() {
    store.save(token(acme, 0, null));

    assertThat(store.findByHash("0".repeat(64))).isEmpty();
  }

  @Test
  void save_rejectsADuplicateIdOrHash() {
    StoredToken t = token(acme, 0, null);
    store.save(t);

    assertThatThrownBy(
            () -> store.save(new StoredToken(t.id(), acme, "f".repeat(64), "", T0, null, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> store.save(new StoredToken("tok_other_" + UUID.randomUUID(), globex, t.hash(), "", T0, null, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.list(globex)).isEmpty();
  }

  @Test
  void list_answersOnlyTheTenantsTokens_oldestFirst() {
    StoredToken first = token(acme, 1, null);
    StoredToken second = token(acme, 2, null);
    StoredToken third = token(acme, 3, null);
    store.save(first);
    store.save(token(globex, 0, null));
    store.save(second);
    store.save(third);

    assertThat(store.list(acme)).containsExactly(first, second, third);
    assertThat(store.list(globex)).hasSize(1);
    assertThat(store.list("nobody-" + UUID.randomUUID())).isEmpty();
  }

  @Test
  void severalTokensOfATenant_areEachFoundByTheirHash() {
    List<StoredToken> tokens = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      StoredToken t = token(acme, i, null);
      store.save(t);
      tokens.add(t);
    }

    for (StoredToken t : tokens) {
      assertThat(store.findByHash(t.hash())).contains(t);
    }
  }

  @Test
  void revoke_marksTheTokenRevoked_andKeepsItFindable() {
    StoredToken t = token(acme, 0, null);
    StoredToken other = token(acme, 1, null);
    store.save(t);
    store.save(other);
    Instant when = T0.plusSeconds(7200);

    assertThat(store.revoke(acme, t.id(), when)).isTrue();

    StoredToken revoked = store.findByHash(t.hash()).orElseThrow();
    assertThat(revoked.revokedAt()).isEqualTo(when);
    assertThat(revoked.isActive(when)).isFalse();
    assertThat(store.findByHash(other.hash()).orElseThrow().isActive(when)).as("siblings stay active").isTrue();
    assertThat(store.list(acme)).hasSize(2);
  }

  @Test
  void revoke_twice_answersFalseTheSecondTime() {
    StoredToken t = token(acme, 0, null);
    store.save(t);

    assertThat(store.revoke(acme, t.id(), T0.plusSeconds(60))).isTrue();
    assertThat(store.revoke(acme, t.id(), T0.plusSeconds(120))).isFalse();
    assertThat(store.findByHash(t.hash()).orElseThrow().revokedAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void revoke_ofAnotherTenantsToken_changesNothing() {
    StoredToken t = token(acme, 0, null);
    store.save(t);

    assertThat(store.revoke(globex, t.id(), T0.plusSeconds(60))).isFalse();
    assertThat(store.findByHash(t.hash()).orElseThrow().revokedAt()).isNull();
  }

  @Test
  void revoke_ofAnUnknownId_isFalse() {
    assertThat(store.revoke(acme, "tok_unknown_" + UUID.randomUUID(), T0)).isFalse();
  }

  @Test
  @Timeout(30)
  void concurrentSaves_loseNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<StoredToken>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  StoredToken t = token(n % 2 == 0 ? acme : globex, n, null);
                  store.save(t);
                  return t;
                }));
      }
      for (Future<StoredToken> f : futures) {
        StoredToken t = f.get(20, TimeUnit.SECONDS);
        assertThat(store.findByHash(t.hash())).contains(t);
      }
      assertThat(store.list(acme)).hasSize(100);
      assertThat(store.list(globex)).hasSize(100);
    } finally {
      pool.shutdownNow();
    }
  }
}
