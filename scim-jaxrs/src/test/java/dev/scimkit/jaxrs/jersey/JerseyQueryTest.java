package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.QuerySuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyQueryTest extends QuerySuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
