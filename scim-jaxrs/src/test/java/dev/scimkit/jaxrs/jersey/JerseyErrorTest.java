package dev.scimkit.jaxrs.jersey;

import static dev.scimkit.jaxrs.http.Fixtures.user;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;

import dev.scimkit.jaxrs.http.ErrorSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JerseyErrorTest extends ErrorSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }

  /** Jersey on Grizzly hands these to JAX-RS, so they are Scimkit's to answer. */
  @ParameterizedTest
  @ValueSource(strings = {";;;==", "/", "application/", "scim+json"})
  void contentTypeWithoutATypeAndSubtype_is400AsAScimError(String contentType) {
    assertScimError(http.post("/Users", user(unique("typeless")), "Content-Type", contentType), 400, null);
  }
}
