package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.TenancySuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyTenancyTest extends TenancySuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
