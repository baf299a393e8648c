package dev.scimkit.jaxrs.resteasy.clients;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.clients.OtherClientsSuite;
import dev.scimkit.jaxrs.resteasy.ResteasyRuntime;

class ResteasyOtherClientsTest extends OtherClientsSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
