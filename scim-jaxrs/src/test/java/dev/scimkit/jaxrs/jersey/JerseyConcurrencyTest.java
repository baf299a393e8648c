package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.ConcurrencySuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyConcurrencyTest extends ConcurrencySuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
