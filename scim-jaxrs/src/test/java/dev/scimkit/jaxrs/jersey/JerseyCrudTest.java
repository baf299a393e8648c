package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.CrudSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyCrudTest extends CrudSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
