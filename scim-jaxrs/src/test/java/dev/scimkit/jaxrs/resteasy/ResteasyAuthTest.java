package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.AuthSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyAuthTest extends AuthSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
