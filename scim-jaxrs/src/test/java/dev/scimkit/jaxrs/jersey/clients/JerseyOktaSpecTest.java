package dev.scimkit.jaxrs.jersey.clients;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.clients.OktaSpecSuite;
import dev.scimkit.jaxrs.jersey.JerseyRuntime;

class JerseyOktaSpecTest extends OktaSpecSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
