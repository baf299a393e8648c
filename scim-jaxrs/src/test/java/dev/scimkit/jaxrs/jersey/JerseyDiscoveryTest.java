package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.DiscoverySuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class JerseyDiscoveryTest extends DiscoverySuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
