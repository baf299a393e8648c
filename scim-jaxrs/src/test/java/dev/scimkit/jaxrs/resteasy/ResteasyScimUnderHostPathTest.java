package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.ScimRuntime;
import dev.scimkit.jaxrs.http.ScimUnderHostPathSuite;

class ResteasyScimUnderHostPathTest extends ScimUnderHostPathSuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
