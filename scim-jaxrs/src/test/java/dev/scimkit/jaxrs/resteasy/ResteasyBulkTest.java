package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.BulkSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyBulkTest extends BulkSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
