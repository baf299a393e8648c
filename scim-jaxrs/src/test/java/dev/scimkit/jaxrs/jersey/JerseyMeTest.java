package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.MeSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyMeTest extends MeSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
