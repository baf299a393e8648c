package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.LocationSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyLocationTest extends LocationSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
