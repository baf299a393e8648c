package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.EtagSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyEtagTest extends EtagSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
