package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.JsonLimitsSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyJsonLimitsTest extends JsonLimitsSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
