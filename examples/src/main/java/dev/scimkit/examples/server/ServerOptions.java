package dev.scimkit.examples.server;

import java.time.Duration;
import dev.scimkit.core.RequestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of the standalone server, parsed. Option names are stable: scripts and the
 * README rely on them.
 *
 * <pre>
 * java -jar scimkit-server.jar [options]
 * java -jar scimkit-server.jar token create|list|revoke --tenant NAME [--id ID] [--store ...]
 * </pre>
 */
record ServerOptions(
    Command command,
    String host,
    int port,
    String basePath,
    String store,
    String dbUser,
    String dbPassword,
    String token,
    Map<String, String> tenantTokens,
    String tenant,
    String tokenId,
    String description,
    Limits limits,
    Webhook webhook) {

  static final String DEFAULT_HOST = "127.0.0.1";
  static final int DEFAULT_PORT = 8080;
  static final String DEFAULT_BASE_PATH = "/scim/v2";
  static final String DEFAULT_STORE = "h2:./scimkit-data";

  /**
   * Where provisioning events go ({@code --webhook}), signed with the secret ({@code
   * --webhook-secret}, or the {@code SCIMKIT_WEBHOOK_SECRET} environment variable) unless it is
   * {@code null}.
   */
  record Webhook(java.net.URI url, String secret) {}

  /**
   * How much of the server one client may hold, and for how long: what keeps slow and idle
   * clients from starving the others (see {@link HttpListener}).
   *
   * @param maxConnections connections open at once; beyond it, new ones wait to be accepted
   * @param headTimeout time from the first byte of a request head to its end
   * @param bodyTimeout time from the end of a request head to the end of its body
   * @param idleTimeout time a connection may stay open between requests
   * @param workerThreads threads that run requests, or 0 for the store's default ({@link
   *     ServerOptions#workerThreads()})
   */
  record Limits(
      int maxConnections, Duration headTimeout, Duration bodyTimeout, Duration idleTimeout, int workerThreads) {
    static final Limits DEFAULTS =
        new Limits(10_000, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 0);
  }

  /**
   * The threads that run requests: {@code --worker-threads}, else two per core on a store in this
   * process (memory, H2), whose requests seldom wait, and Undertow's default of eight per core on
   * PostgreSQL, whose requests wait for the database. More threads than that on the embedded
   * stores only take turns on the cores: with 16 instead of 4 on 2 cores, the in-memory store
   * answered 10–15% fewer reads at 32 connections (benchmarks/README.md).
   */
  int workerThreads() {
    if (limits.workerThreads() > 0) {
      return limits.workerThreads();
    }
    int cores = Runtime.getRuntime().availableProcessors();
    boolean inProcess = store.equals("memory") || store.startsWith("h2:");
    return Math.max(2, cores) * (inProcess ? 2 : 8);
  }

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of(
          "--host", "--port", "--base-path", "--store", "--db-user", "--db-password", "--token",
          "--tenant", "--id", "--description", "--max-connections", "--head-timeout",
          "--body-timeout", "--idle-timeout", "--worker-threads", "--webhook", "--webhook-secret");

  private static final int MAX_WORKER_THREADS = 4_096;

  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m)");

  enum Command {
    SERVE,
    HELP,
    TOKEN_CREATE,
    TOKEN_LIST,
    TOKEN_REVOKE
  }

  static final String USAGE =
      """
      Usage: java -jar scimkit-server.jar [options]
             java -jar scimkit-server.jar token create|list|revoke --tenant NAME [--id ID] [store options]

      Options:
        --host HOST              address to listen on (default 127.0.0.1)
        --port PORT              port to listen on (default 8080; 0 picks a free one)
        --base-path PATH         path of the SCIM base URL (default /scim/v2)
        --store STORE            memory | h2:PATH | jdbc:postgresql://HOST/DB (default h2:./scimkit-data)
        --db-user USER           database user (PostgreSQL)
        --db-password PASSWORD   database password (PostgreSQL)
        --token TOKEN            accept TOKEN for the default tenant
        --tenant NAME=TOKEN      accept TOKEN for tenant NAME (repeatable)
                                 (these tokens are valid while the server is started with
                                 them: they are not stored, and starting with another value
                                 retires the old one; tokens made by 'token create' are
                                 not affected)
        --max-connections N      connections open at once (default 10000, at most the file
                                 descriptor limit less 256); more wait to be accepted
        --head-timeout TIME      close a connection whose request head takes longer (default 10s)
        --body-timeout TIME      close a connection whose request body takes longer (default 30s)
        --idle-timeout TIME      close a connection idle between requests this long (default 60s)
        --worker-threads N       threads that run requests (default 2 per core on memory and
                                 H2, 8 per core on PostgreSQL)
        --webhook URL            POST every provisioning event (user created, deactivated,
                                 deleted, members added, ...) to URL as JSON, at least once
        --webhook-secret SECRET  sign the webhook's requests with HMAC-SHA256 (header
                                 Scimkit-Signature; or set SCIMKIT_WEBHOOK_SECRET)
        --help                   print this help

      TIME is a number with ms, s or m: 500ms, 10s, 2m.

      Token commands (run against the configured store):
        token create --tenant NAME [--description TEXT]   print a new token once
        token list --tenant NAME                          list tokens (ids, never secrets)
        token revoke --tenant NAME --id ID                revoke a token
      """;

  /** A malformed command line; the message is one line, for the user. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static ServerOptions parse(String... args) throws UsageException {
    Command command = Command.SERVE;
    List<String> rest = new ArrayList<>(List.of(args));
    if (!rest.isEmpty() && rest.get(0).equals("token")) {
      rest.remove(0);
      if (rest.isEmpty()) {
        throw new UsageException("'token' needs a subcommand: create, list or revoke");
      }
      String sub = rest.remove(0);
      command =
          switch (sub) {
            case "create" -> Command.TOKEN_CREATE;
            case "list" -> Command.TOKEN_LIST;
            case "revoke" -> Command.TOKEN_REVOKE;
            default -> throw new UsageException("unknown token subcommand '" + sub + "'");
          };
    }
    String host = DEFAULT_HOST;
    int port = DEFAULT_PORT;
    String basePath = DEFAULT_BASE_PATH;
    String store = DEFAULT_STORE;
    String dbUser = null;
    String dbPassword = null;
    String token = null;
    Map<String, String> tenants = new LinkedHashMap<>();
    String tenant = null;
    String tokenId = null;
    String description = "";
    int maxConnections = Limits.DEFAULTS.maxConnections();
    Duration headTimeout = Limits.DEFAULTS.headTimeout();
    Duration bodyTimeout = Limits.DEFAULTS.bodyTimeout();
    Duration idleTimeout = Limits.DEFAULTS.idleTimeout();
    int workerThreads = Limits.DEFAULTS.workerThreads();
    java.net.URI webhook = null;
    String webhookSecret = System.getenv("SCIMKIT_WEBHOOK_SECRET");
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        command = Command.HELP;
        continue;
      }
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0 && !arg.startsWith("--tenant=")) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else if (arg.startsWith("--tenant=")) {
        name = "--tenant";
        value = arg.substring("--tenant=".length());
      }
      if (!name.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      if (!KNOWN.contains(name)) {
        throw new UsageException("unknown option " + name);
      }
      if (value == null) {
        if (i + 1 >= rest.size()) {
          throw new UsageException("option " + name + " needs a value");
        }
        value = rest.get(++i);
      }
      switch (name) {
        case "--host" -> host = nonEmpty(name, value);
        case "--port" -> port = port(value);
        case "--base-path" -> basePath = basePath(value);
        case "--store" -> store = store(value);
        case "--db-user" -> dbUser = value;
        case "--db-password" -> dbPassword = value;
        case "--token" -> token = nonEmpty(name, value);
        case "--id" -> tokenId = nonEmpty(name, value);
        case "--description" -> description = value;
        case "--max-connections" -> maxConnections = positive(name, value);
        case "--head-timeout" -> headTimeout = duration(name, value);
        case "--body-timeout" -> bodyTimeout = duration(name, value);
        case "--idle-timeout" -> idleTimeout = duration(name, value);
        case "--worker-threads" -> {
          workerThreads = positive(name, value);
          if (workerThreads > MAX_WORKER_THREADS) {
            throw new UsageException(name + " must be at most " + MAX_WORKER_THREADS + ", got '" + value + "'");
          }
        }
        case "--webhook" -> webhook = webhookUrl(value);
        case "--webhook-secret" -> webhookSecret = nonEmpty(name, value);
        case "--tenant" -> {
          if (command == Command.SERVE || command == Command.HELP) {
            int sep = value.indexOf('=');
            if (sep <= 0 || sep == value.length() - 1) {
              throw new UsageException("--tenant needs NAME=TOKEN, got '" + value + "'");
            }
            tenants.put(tenantName(value.substring(0, sep)), value.substring(sep + 1));
          } else {
            tenant = tenantName(nonEmpty(name, value));
          }
        }
        default -> throw new UsageException("unknown option " + name);
      }
    }
    if (command.name().startsWith("TOKEN_") && tenant == null) {
      throw new UsageException("token commands need --tenant NAME");
    }
    if (command == Command.TOKEN_REVOKE && tokenId == null) {
      throw new UsageException("token revoke needs --id ID");
    }
    return new ServerOptions(
        command, host, port, basePath, store, dbUser, dbPassword, token, Map.copyOf(tenants),
        tenant, tokenId, description,
        new Limits(maxConnections, headTimeout, bodyTimeout, idleTimeout, workerThreads),
        webhook == null ? null : new Webhook(webhook, webhookSecret));
  }

  private static java.net.URI webhookUrl(String value) throws UsageException {
    try {
      java.net.URI url = new java.net.URI(value);
      if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
        return url;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new UsageException("--webhook must be an http or https URL, got '" + value + "'");
  }

  private static String nonEmpty(String option, String value) throws UsageException {
    if (value.isBlank()) {
      throw new UsageException("option " + option + " needs a non-empty value");
    }
    return value;
  }

  private static int positive(String option, String value) throws UsageException {
    try {
      int n = Integer.parseInt(value);
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be a whole number above 0, got '" + value + "'");
    }
  }

  /** {@code 500ms}, {@code 10s}, {@code 2m}: at least 1 ms and at most a day. */
  private static Duration duration(String option, String value) throws UsageException {
    Matcher m = DURATION.matcher(value.trim());
    if (m.matches()) {
      try {
        long n = Long.parseLong(m.group(1));
        Duration d =
            switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(n);
              case "s" -> Duration.ofSeconds(n);
              default -> Duration.ofMinutes(n);
            };
        if (!d.isZero() && d.compareTo(Duration.ofDays(1)) <= 0) {
          return d;
        }
      } catch (NumberFormatException e) {
        // too many digits: reported below
      }
    }
    throw new UsageException(option + " must be a time such as 500ms, 10s or 2m, got '" + value + "'");
  }

  /** The rule every tenant name of Scimkit follows (tokens, path tenancy), as a usage error. */
  private static String tenantName(String name) throws UsageException {
    try {
      return RequestContext.requireTenantName(name);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--tenant: " + e.getMessage());
    }
  }

  private static int port(String value) throws UsageException {
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new UsageException("--port must be a number from 0 to 65535, got '" + value + "'");
    }
  }

  private static String basePath(String value) throws UsageException {
    String path = value.trim();
    if (!path.startsWith("/")) {
      path = "/" + path;
    }
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.contains("?") || path.contains("#") || path.contains(" ")) {
      throw new UsageException("--base-path must be a plain path, got '" + value + "'");
    }
    return path;
  }

  private static String store(String value) throws UsageException {
    if (value.equals("memory") || value.startsWith("jdbc:postgresql:")) {
      return value;
    }
    if (value.startsWith("h2:") && value.length() > 3) {
      return value;
    }
    throw new UsageException(
        "--store must be memory, h2:PATH or jdbc:postgresql://HOST/DB, got '" + value + "'");
  }
}
