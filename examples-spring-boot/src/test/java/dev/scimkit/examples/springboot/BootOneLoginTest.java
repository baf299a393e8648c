package dev.scimkit.examples.springboot;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.clients.OneLoginSuite;

class BootOneLoginTest extends OneLoginSuite {
  @Override
  protected ScimRuntime runtime() {
    return BootRuntime.INSTANCE;
  }
}
