package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.ErrorSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyErrorTest extends ErrorSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
