package dev.scimkit.examples.springboot;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.clients.EntraIdProvisioningSuite;

class BootEntraIdProvisioningTest extends EntraIdProvisioningSuite {
  @Override
  protected ScimRuntime runtime() {
    return BootRuntime.INSTANCE;
  }
}
