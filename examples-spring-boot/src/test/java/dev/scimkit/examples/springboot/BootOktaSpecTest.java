package dev.scimkit.examples.springboot;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.clients.OktaSpecSuite;

class BootOktaSpecTest extends OktaSpecSuite {
  @Override
  protected ScimRuntime runtime() {
    return BootRuntime.INSTANCE;
  }
}
