package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.TenancySuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyTenancyTest extends TenancySuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
