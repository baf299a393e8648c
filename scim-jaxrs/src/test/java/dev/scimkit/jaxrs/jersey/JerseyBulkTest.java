package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.BulkSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyBulkTest extends BulkSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
