package dev.scimkit.jaxrs.jersey;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.ScimUnderHostPathSuite;

class JerseyScimUnderHostPathTest extends ScimUnderHostPathSuite {
  @Override
  protected ScimRuntime runtime() {
    return JerseyRuntime.INSTANCE;
  }
}
