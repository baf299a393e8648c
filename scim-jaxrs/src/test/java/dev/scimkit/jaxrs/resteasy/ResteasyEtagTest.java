package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.EtagSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyEtagTest extends EtagSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
