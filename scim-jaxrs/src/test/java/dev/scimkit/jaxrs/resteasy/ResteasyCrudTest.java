package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.CrudSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyCrudTest extends CrudSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
