package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.AuthSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyAuthTest extends AuthSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
