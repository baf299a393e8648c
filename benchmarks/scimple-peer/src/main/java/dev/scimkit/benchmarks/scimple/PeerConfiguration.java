package dev.scimkit.benchmarks.scimple;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.directory.scim.server.configuration.ServerConfiguration;

/** SCIMple's server configuration, as a CDI bean. */
@ApplicationScoped
public class PeerConfiguration {
  @Produces
  ServerConfiguration serverConfiguration() {
    return new ServerConfiguration().setId("scimple-peer");
  }
}
