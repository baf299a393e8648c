package dev.scimkit.jaxrs.http;

import java.net.URI;

/** A running HTTP server with Scimkit mounted under {@link #baseUri()}. */
public interface ScimServer extends AutoCloseable {

  /** The SCIM base URI as a client configures it, without a trailing slash. */
  URI baseUri();

  /** Stops the server; never throws. */
  @Override
  void close();
}
