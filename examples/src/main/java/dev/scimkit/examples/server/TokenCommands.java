package dev.scimkit.examples.server;

import dev.scimkit.core.auth.IssuedToken;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.core.auth.StoredToken;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/** {@code token create|list|revoke --tenant NAME}: manages tokens in the configured store. */
final class TokenCommands {
  private TokenCommands() {}

  /**
   * Runs a token command: its output on {@code out}, one token a line for {@code token list};
   * notes for people (no tokens to list) on {@code err}.
   */
  static void run(ServerOptions options, PrintStream out, PrintStream err) throws ServerOptions.UsageException {
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
          List<StoredToken> listed = tokens.list(options.tenant());
          if (listed.isEmpty()) {
            // an empty list is an answer, not a failure: status 0, and stdout stays a list
            err.println("Tenant '" + options.tenant() + "' has no tokens. Create one with: java -jar "
                + "scimkit-server.jar token create --tenant " + options.tenant() + storeOption(options));
          }
          for (StoredToken t : listed) {
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

  /** The {@code --store} option to repeat in a suggested command, unless it is the default. */
  static String storeOption(ServerOptions options) {
    return options.store().equals(ServerOptions.DEFAULT_STORE) ? "" : " --store " + options.store();
  }
}
