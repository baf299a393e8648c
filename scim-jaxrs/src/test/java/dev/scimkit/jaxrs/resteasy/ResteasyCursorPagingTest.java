package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.CursorPagingSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyCursorPagingTest extends CursorPagingSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
