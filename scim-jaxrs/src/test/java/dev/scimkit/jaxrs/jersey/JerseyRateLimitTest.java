package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.RateLimitSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyRateLimitTest extends RateLimitSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
