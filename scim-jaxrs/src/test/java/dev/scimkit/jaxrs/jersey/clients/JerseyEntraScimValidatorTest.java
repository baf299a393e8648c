package dev.scimkit.jaxrs.jersey.clients;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.clients.EntraScimValidatorSuite;
import dev.scimkit.jaxrs.jersey.JerseyRuntime;

class JerseyEntraScimValidatorTest extends EntraScimValidatorSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
