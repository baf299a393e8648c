package dev.scimkit.jaxrs.jersey;

import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.jaxrs.RateLimit;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.http.MutableClock;
import dev.scimkit.jaxrs.http.ScimHttp;
import dev.scimkit.jaxrs.http.ScimHttpTest;
import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.Secrets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The default rate limit never throttles a tenant that sends what Entra ID needs: a burst, then
 * {@value RateLimit#ENTRA_REQUIRED_PER_SECOND} requests per second, on a clock the test moves.
 */
class RateLimitDefaultsTest extends ScimHttpTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final OrganizationTokens tokens = OrganizationTokens.builder(new InMemoryTokenStore()).build();

  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }

  @Override
  protected ScimHttpConfig.Builder config(ScimHttpConfig.Builder builder) {
    return builder.authenticator(tokens.authenticator()).rateLimit(RateLimit.defaults()).clock(clock);
  }

  @Test
  void defaults_allowMoreThanEntraNeeds() {
    assertThat(RateLimit.defaults().requestsPerSecond()).isGreaterThanOrEqualTo(RateLimit.ENTRA_REQUIRED_PER_SECOND);
    assertThat(RateLimit.defaults().burst()).isGreaterThanOrEqualTo(RateLimit.ENTRA_REQUIRED_PER_SECOND);
  }

  @Test
  void aTenantAtEntrasRate_isNeverThrottled_evenAfterAFullBurst() {
    ScimHttp entra = ScimHttp.of(server.baseUri()).withBearer(Secrets.issue(tokens, "contoso"));
    for (int i = 0; i < RateLimit.DEFAULT_BURST; i++) {
      assertThat(entra.get("/Users?count=1").status()).as("burst request %d", i).isEqualTo(200);
    }
    Duration interval = Duration.ofMillis(1000 / RateLimit.ENTRA_REQUIRED_PER_SECOND);
    for (int i = 0; i < 10 * RateLimit.ENTRA_REQUIRED_PER_SECOND; i++) {
      clock.advance(interval);
      assertThat(entra.get("/Users?count=1").status()).as("request %d at 25/s", i).isEqualTo(200);
    }
  }

  @Test
  void aTenantFarAboveTheDefaults_isThrottled() {
    ScimHttp flood = ScimHttp.of(server.baseUri()).withBearer(Secrets.issue(tokens, "flood"));
    int ok = 0;
    for (int i = 0; i < RateLimit.DEFAULT_BURST + 5; i++) {
      if (flood.get("/Users?count=1").status() == 200) {
        ok++;
      }
    }
    assertThat(ok).isEqualTo(RateLimit.DEFAULT_BURST);
    assertScimError(flood.get("/Users?count=1"), 429, null);
  }
}
