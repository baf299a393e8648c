package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.MediaTypeSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyMediaTypeTest extends MediaTypeSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
