package dev.scimkit.jaxrs.jersey.clients;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.clients.EntraIdProvisioningSuite;
import dev.scimkit.jaxrs.jersey.JerseyRuntime;

class JerseyEntraIdProvisioningTest extends EntraIdProvisioningSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
