package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.JsonLimitsSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyJsonLimitsTest extends JsonLimitsSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
