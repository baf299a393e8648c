package dev.scimkit.jaxrs.jersey.clients;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.clients.OtherClientsSuite;
import dev.scimkit.jaxrs.jersey.JerseyRuntime;

class JerseyOtherClientsTest extends OtherClientsSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
