package dev.scimkit.jaxrs.http;

import java.net.URI;

/** A running HTTP server with Scimkit mounted under {@link #baseUri()}. */
public interface ScimServer extends AutoCloseable {

  /** The SCIM base URI as a client configures it, without a trailing slash. */
  URI baseUri();

  /** Stops the server; never throws. */
  @Override
  void close();

  /** A server at {@code baseUri} that {@code stop} stops. */
  static ScimServer of(URI baseUri, Runnable stop) {
    return new ScimServer() {
      @Override
      public URI baseUri() {
        return baseUri;
      }

      @Override
      public void close() {
        stop.run();
      }
    };
  }
}
