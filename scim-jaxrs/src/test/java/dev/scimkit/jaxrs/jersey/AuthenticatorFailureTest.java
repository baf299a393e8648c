package dev.scimkit.jaxrs.jersey;

import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.auth.Authenticated;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.http.Reply;
import dev.scimkit.jaxrs.http.ScimHttpTest;
import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.Secrets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An authenticator that cannot decide (its token database is down) is a server error, not a
 * {@code 401}: an identity provider that got 401 would think its token bad and stop.
 */
class AuthenticatorFailureTest extends ScimHttpTest {
  static final String GOOD = "good-token";
  static final String DOWN = "token-while-db-down";

  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }

  @Override
  protected ScimHttpConfig.Builder config(ScimHttpConfig.Builder builder) {
    Secrets.remember(GOOD);
    Secrets.remember(DOWN);
    return builder.authenticator(
        token -> {
          if (token.equals(DOWN)) {
            throw new IllegalStateException("token database unreachable");
          }
          return token.equals(GOOD) ? Optional.of(new Authenticated("acme", "tok_good")) : Optional.empty();
        });
  }

  @Test
  void anAuthenticatorFailure_is500WithAReference_notA401() {
    Reply r = http.get("/Users", "Authorization", "Bearer " + DOWN);

    assertScimError(r, 500, null);
    assertThat(r.header("WWW-Authenticate")).isNull();
    assertThat(r.json().path("detail").asText()).contains("reference").doesNotContain("database");
  }

  @Test
  void aHostAuthenticator_runsRequestsAsItsTenantAndPrincipal() {
    assertThat(http.get("/Users", "Authorization", "Bearer " + GOOD).status()).isEqualTo(200);
    assertScimError(http.get("/Users", "Authorization", "Bearer bad"), 401, null);
  }
}
