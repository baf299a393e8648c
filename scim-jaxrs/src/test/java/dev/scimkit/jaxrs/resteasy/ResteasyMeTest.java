package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.MeSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyMeTest extends MeSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
