package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.MediaTypeSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyMediaTypeTest extends MediaTypeSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
