package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.CursorPagingSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyCursorPagingTest extends CursorPagingSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
