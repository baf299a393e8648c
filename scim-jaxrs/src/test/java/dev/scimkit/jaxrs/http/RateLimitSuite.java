package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.jaxrs.RateLimit;
import dev.scimkit.jaxrs.ScimHttpConfig;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Per-tenant token buckets on a clock the test moves: a tenant over its limit gets {@code 429}
 * with {@code Retry-After} and the SCIM Error body; other tenants do not notice.
 */
public abstract class RateLimitSuite extends ScimHttpTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final OrganizationTokens tokens = OrganizationTokens.builder(new InMemoryTokenStore()).build();
  private final String noisy = Secrets.issue(tokens, "noisy");
  private final String quiet = Secrets.issue(tokens, "quiet");

  @Override
  protected ScimHttpConfig.Builder config(ScimHttpConfig.Builder builder) {
    return builder
        .authenticator(tokens.authenticator())
        .rateLimit(RateLimit.perTenant(2, 3))
        .clock(clock);
  }

  @Override
  protected ScimHttp client(ScimHttp plain) {
    return plain.withBearer(noisy);
  }

  @Test
  void overTheLimit_is429WithRetryAfter_andOtherTenantsAreServed() {
    clock.advance(Duration.ofMinutes(1)); // a full bucket
    for (int i = 0; i < 3; i++) {
      assertThat(http.get("/Users").status()).as("request %d of the burst", i).isEqualTo(200);
    }

    Reply limited = http.get("/Users");

    assertScimError(limited, 429, null);
    assertThat(limited.header("Retry-After")).isEqualTo("1");
    assertThat(ScimHttp.of(server.baseUri()).withBearer(quiet).get("/Users").status()).isEqualTo(200);

    clock.advance(Duration.ofMillis(500));
    assertThat(http.get("/Users").status()).as("one request refilled").isEqualTo(200);
    assertScimError(http.get("/Users"), 429, null);
  }

  @Test
  void aRejectedWrite_changesNothing() {
    clock.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) {
      http.get("/Users");
    }
    String userName = unique("limited");

    assertScimError(http.post("/Users", Fixtures.user(userName)), 429, null);

    clock.advance(Duration.ofMinutes(1));
    Reply r = http.get("/Users?filter=" + ScimHttp.form("userName eq \"" + userName + "\""));
    assertThat(r.json().path("totalResults").asInt()).isZero();
  }

  @Test
  void unauthenticatedRequests_are401_notCounted() {
    clock.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 10; i++) {
      assertScimError(ScimHttp.of(server.baseUri()).get("/Users"), 401, null);
    }
    assertThat(http.get("/Users").status()).isEqualTo(200);
  }
}
