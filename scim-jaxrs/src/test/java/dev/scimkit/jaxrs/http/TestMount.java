package dev.scimkit.jaxrs.http;

import dev.scimkit.jaxrs.ScimHttpConfig;
import java.net.URI;

/**
 * How the HTTP suites mount Scimkit, chosen per surefire execution by the system property
 * {@value #PROPERTY}: as an application of its own (the default), or under {@link
 * HostApplication#SCIM_PATH} inside a {@link HostApplication} that also serves the host's
 * resources ({@code host}). Every suite must pass both ways on every runtime.
 */
public enum TestMount {
  OWN_APPLICATION,
  HOST_SUB_PATH;

  public static final String PROPERTY = "scimkit.test.mount";

  /** The mount of this test run. */
  public static TestMount current() {
    return "host".equals(System.getProperty(PROPERTY)) ? HOST_SUB_PATH : OWN_APPLICATION;
  }

  /**
   * Serves {@code config} in a {@link HostApplication} on {@code runtime}, and answers the SCIM
   * base URI under it.
   */
  public static ScimServer inHostApplication(ScimRuntime runtime, ScimHttpConfig config) {
    ScimServer host = runtime.serve(new HostApplication(config), HostApplication.PATH);
    URI scim = URI.create(host.baseUri() + "/" + HostApplication.SCIM_PATH);
    return ScimServer.of(scim, host::close);
  }
}
