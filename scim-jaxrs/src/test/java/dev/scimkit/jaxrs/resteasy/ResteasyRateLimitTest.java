package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.RateLimitSuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyRateLimitTest extends RateLimitSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
