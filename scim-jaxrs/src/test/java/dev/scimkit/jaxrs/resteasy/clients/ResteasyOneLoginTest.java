package dev.scimkit.jaxrs.resteasy.clients;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.clients.OneLoginSuite;
import dev.scimkit.jaxrs.resteasy.ResteasyRuntime;

class ResteasyOneLoginTest extends OneLoginSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
