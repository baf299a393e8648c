package dev.scimkit.jaxrs.resteasy.clients;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.clients.EntraScimValidatorSuite;
import dev.scimkit.jaxrs.resteasy.ResteasyRuntime;

class ResteasyEntraScimValidatorTest extends EntraScimValidatorSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
