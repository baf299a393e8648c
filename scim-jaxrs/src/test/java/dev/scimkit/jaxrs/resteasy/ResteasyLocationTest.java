package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.LocationSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyLocationTest extends LocationSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
