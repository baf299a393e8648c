package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.PathTenancySuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyPathTenancyTest extends PathTenancySuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
