package dev.scimkit.examples.springboot;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.clients.EntraScimValidatorSuite;

class BootEntraScimValidatorTest extends EntraScimValidatorSuite {
  @Override
  protected ScimRuntime runtime() {
    return BootRuntime.INSTANCE;
  }
}
