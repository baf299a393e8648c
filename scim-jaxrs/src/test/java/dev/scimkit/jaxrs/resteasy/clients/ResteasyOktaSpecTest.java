package dev.scimkit.jaxrs.resteasy.clients;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.clients.OktaSpecSuite;
import dev.scimkit.jaxrs.resteasy.ResteasyRuntime;

class ResteasyOktaSpecTest extends OktaSpecSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
