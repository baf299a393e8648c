package dev.scimkit.examples.springboot;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.clients.OtherClientsSuite;

class BootOtherClientsTest extends OtherClientsSuite {
  @Override
  protected ScimRuntime runtime() {
    return BootRuntime.INSTANCE;
  }
}
