package dev.scimkit.examples.server;

import dev.scimkit.core.auth.IssuedToken;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.core.auth.StoredToken;
import java.io.PrintStream;
import java.time.Instant;

/** {@code token create|list|revoke --tenant NAME}: manages tokens in the configured store. */
final class TokenCommands {
  private TokenCommands() {}

  static void run(ServerOptions options, PrintStream out) throws ServerOptions.UsageException {
    if (options.store().equals("memory")) {
      throw new ServerOptions.UsageException(
          "token commands need a persistent --store (h2:PATH or jdbc:postgresql://...)");
    }
    try (ServerStores stores = ServerStores.open(options)) {
      OrganizationTokens tokens = OrganizationTokens.builder(stores.tokens()).build();
      switch (options.command()) {
        case TOKEN_CREATE -> {
          IssuedToken issued = tokens.create(options.tenant(), options.description());
          out.println("Token " + issued.token().id() + " for tenant '" + options.tenant()
              + "' (shown once, only its hash is kept):");
          out.println("  " + issued.secret());
        }
        case TOKEN_LIST -> {
          Instant now = Instant.now();
          for (StoredToken t : tokens.list(options.tenant())) {
            out.println(t.id() + "  " + (t.isActive(now) ? "active " : "revoked") + "  created "
                + t.created() + (t.description().isEmpty() ? "" : "  " + t.description()));
          }
        }
        case TOKEN_REVOKE -> {
          if (!tokens.revoke(options.tenant(), options.tokenId())) {
            throw new ServerOptions.UsageException(
                "tenant '" + options.tenant() + "' has no active token " + options.tokenId());
          }
          out.println("Revoked token " + options.tokenId() + " of tenant '" + options.tenant() + "'");
        }
        default -> throw new IllegalStateException("not a token command: " + options.command());
      }
    }
  }
}
