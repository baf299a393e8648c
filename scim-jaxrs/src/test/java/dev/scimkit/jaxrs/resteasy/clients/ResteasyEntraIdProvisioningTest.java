package dev.scimkit.jaxrs.resteasy.clients;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.clients.EntraIdProvisioningSuite;
import dev.scimkit.jaxrs.resteasy.ResteasyRuntime;

class ResteasyEntraIdProvisioningTest extends EntraIdProvisioningSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
