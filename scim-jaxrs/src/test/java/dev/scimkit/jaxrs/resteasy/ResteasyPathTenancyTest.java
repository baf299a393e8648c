package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.PathTenancySuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyPathTenancyTest extends PathTenancySuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
