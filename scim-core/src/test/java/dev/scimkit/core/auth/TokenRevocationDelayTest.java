package dev.scimkit.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The authenticator remembers the tokens it found active for the revocation delay: how stale it
 * may be, and where it may not be stale at all.
 */
class TokenRevocationDelayTest {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final CountingStore store = new CountingStore();

  private OrganizationTokens tokens(Duration delay) {
    return OrganizationTokens.builder(store).clock(clock).revocationDelay(delay).build();
  }

  @Test
  void aSteadyStreamOfRequests_looksTheTokenUpOncePerDelay() {
    OrganizationTokens tokens = tokens(Duration.ofSeconds(1));
    IssuedToken issued = tokens.create("acme", "Entra");

    for (int i = 0; i < 100; i++) {
      assertThat(tokens.authenticator().authenticate(issued.secret())).isPresent();
    }
    assertThat(store.lookups.get()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.authenticator().authenticate(issued.secret())).isPresent();
    assertThat(store.lookups.get()).isEqualTo(2);
  }

  @Test
  void aRevocationElsewhere_takesEffectWithinTheDelay() {
    OrganizationTokens tokens = tokens(Duration.ofSeconds(1));
    IssuedToken issued = tokens.create("acme", "Entra");
    assertThat(tokens.authenticator().authenticate(issued.secret())).isPresent();

    // another instance (or the command line) revokes it in the shared store
    store.revoke("acme", issued.token().id(), clock.instant());

    clock.advance(Duration.ofMillis(999));
    assertThat(tokens.authenticator().authenticate(issued.secret())).as("within the delay").isPresent();
    clock.advance(Duration.ofMillis(1));
    assertThat(tokens.authenticator().authenticate(issued.secret())).as("once the delay has passed").isEmpty();
  }

  @Test
  void aRevocationThroughTheseTokens_takesEffectAtOnce() {
    OrganizationTokens tokens = tokens(Duration.ofHours(1));
    IssuedToken issued = tokens.create("acme", "Entra");
    IssuedToken other = tokens.create("acme", "Okta");
    assertThat(tokens.authenticator().authenticate(issued.secret())).isPresent();
    assertThat(tokens.authenticator().authenticate(other.secret())).isPresent();

    tokens.revoke("acme", issued.token().id());

    assertThat(tokens.authenticator().authenticate(issued.secret())).isEmpty();
    assertThat(tokens.authenticator().authenticate(other.secret())).isPresent();
  }

  @Test
  void anExpiry_takesEffectAtOnce_evenForARememberedToken() {
    OrganizationTokens tokens = tokens(Duration.ofHours(1));
    IssuedToken issued = tokens.create("acme", "Entra", T0.plusSeconds(60));
    clock.advance(Duration.ofSeconds(59));
    assertThat(tokens.authenticator().authenticate(issued.secret())).isPresent();

    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.authenticator().authenticate(issued.secret())).isEmpty();
  }

  @Test
  void aZeroDelay_looksUpEveryRequest_andSeesARevocationElsewhereAtOnce() {
    OrganizationTokens tokens = tokens(Duration.ZERO);
    IssuedToken issued = tokens.create("acme", "Entra");
    assertThat(tokens.authenticator().authenticate(issued.secret())).isPresent();
    assertThat(tokens.authenticator().authenticate(issued.secret())).isPresent();
    assertThat(store.lookups.get()).isEqualTo(2);

    store.revoke("acme", issued.token().id(), clock.instant());
    assertThat(tokens.authenticator().authenticate(issued.secret())).isEmpty();
  }

  @Test
  void unknownTokens_areNeverRemembered() {
    OrganizationTokens tokens = tokens(Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      assertThat(tokens.authenticator().authenticate("scimkit_" + "A".repeat(43))).isEmpty();
    }
    assertThat(store.lookups.get()).isEqualTo(3);
  }

  @Test
  void aNegativeDelay_isRefused() {
    assertThatThrownBy(() -> OrganizationTokens.builder(store).revocationDelay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** An in-memory token store that counts lookups. */
  private static final class CountingStore implements TokenStore {
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    final AtomicInteger lookups = new AtomicInteger();

    @Override
    public void save(StoredToken token) {
      tokens.save(token);
    }

    @Override
    public Optional<StoredToken> findByHash(String hash) {
      lookups.incrementAndGet();
      return tokens.findByHash(hash);
    }

    @Override
    public List<StoredToken> list(String tenant) {
      return tokens.list(tenant);
    }

    @Override
    public boolean revoke(String tenant, String id, Instant when) {
      return tokens.revoke(tenant, id, when);
    }
  }
}
