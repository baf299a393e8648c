package dev.scimkit.jaxrs.jersey.clients;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.clients.OneLoginSuite;
import dev.scimkit.jaxrs.jersey.JerseyRuntime;

class JerseyOneLoginTest extends OneLoginSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
