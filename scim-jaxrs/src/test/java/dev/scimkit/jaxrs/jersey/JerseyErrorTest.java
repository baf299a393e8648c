package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.ErrorSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyErrorTest extends ErrorSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
