package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.ConcurrencySuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyConcurrencyTest extends ConcurrencySuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
