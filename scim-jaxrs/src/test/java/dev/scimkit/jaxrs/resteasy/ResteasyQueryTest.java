package dev.scimkit.jaxrs.resteasy;

import dev.scimkit.jaxrs.http.QuerySuite;
import dev.scimkit.jaxrs.http.ScimRuntime;

class ResteasyQueryTest extends QuerySuite {
  @Override
  protected ScimRuntime runtime() {
    return ResteasyRuntime.INSTANCE;
  }
}
