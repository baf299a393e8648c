package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.DiscoverySuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyDiscoveryTest extends DiscoverySuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
