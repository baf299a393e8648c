package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.Fixtures.createUser;
import static dev.scimkit.jaxrs.http.Fixtures.patch;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.jaxrs.ScimHttpConfig;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code /Me} with a host resolver maps to the caller's own User. */
public abstract class MeSuite extends ScimHttpTest {
  private final AtomicReference<String> me = new AtomicReference<>();

  @Override
  protected ScimHttpConfig.Builder config(ScimHttpConfig.Builder builder) {
    return builder.meResolver((principal, ctx) -> Optional.ofNullable(me.get()));
  }

  @Test
  void me_withAResolver_readsAndPatchesTheCallersUser() {
    String userName = unique("me");
    String id = createUser(http, userName);
    me.set(id);

    Reply read = http.get("/Me");
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertThat(read.id()).isEqualTo(id);
    assertThat(read.json().path("userName").asText()).isEqualTo(userName);
    assertThat(read.header("ETag")).isEqualTo(read.json().path("meta").path("version").asText());

    Reply projected = http.get("/Me?attributes=userName");
    assertThat(projected.json().has("emails")).isFalse();

    Reply patched =
        http.patch("/Me", patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Myself\"}"));
    assertThat(patched.status()).as("%s", patched).isEqualTo(200);
    assertThat(http.get("/Users/" + id).json().path("displayName").asText()).isEqualTo("Myself");
  }

  @Test
  void me_whenTheCallerHasNoUser_is404() {
    me.set(null);

    assertScimError(http.get("/Me"), 404, null);
  }
}
