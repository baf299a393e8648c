package dev.scimkit.spring.boot;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code scimkit.*} properties of {@link ScimkitAutoConfiguration}. Each has a default that
 * serves Entra ID and Okta as they are; most hosts set {@code scimkit.base-path} at most.
 *
 * <pre>
 * scimkit.base-path=/api/scim/v2
 * scimkit.tokens.configured.acme=${ACME_SCIM_TOKEN}
 * </pre>
 */
// Defaults are literals, not the library's constants, so that the configuration processor can put
// them in the metadata; ScimkitAutoConfigurationTest checks that they are the library's defaults.
@ConfigurationProperties(prefix = "scimkit")
public class ScimkitProperties {

  /** Where the stores come from. */
  public enum StoreKind {
    /** The JDBC store when the app has one {@code DataSource} and scim-store-jdbc is on the class path, else memory. */
    AUTO,
    /** The JDBC store on the app's {@code DataSource}; startup fails without one. */
    JDBC,
    /** Users, groups and tokens in memory: lost at every restart. For tests and demos. */
    MEMORY
  }

  /** Whether to serve SCIM at all: false leaves out every bean of Scimkit's auto-configuration. */
  private boolean enabled = true;

  /**
   * Where SCIM answers, relative to the servlet context: a path starting with '/' and not ending
   * with one. Scimkit's own servlet is mapped to this path and everything under it; every other
   * request goes to the app's own Spring MVC or Jersey controllers.
   */
  private String basePath = "/scim/v2";

  /**
   * Which store keeps users, groups and token hashes: auto (the app's DataSource when there is
   * exactly one and scim-store-jdbc is on the class path, else memory), jdbc, or memory.
   */
  private StoreKind store = StoreKind.AUTO;

  /**
   * The public base URI that Location, meta.location and $ref start with, for an app behind a
   * reverse proxy that rewrites host or path (https://api.example.com/scim/v2). Default: each
   * request's own base URI.
   */
  private URI baseUri;

  /** The largest request body; larger ones are answered 413 before they are read. */
  private DataSize maxRequestSize = DataSize.ofMegabytes(1);

  /** The largest page a search returns, and the page size when the client gives no count. */
  private int maxPageSize = 1000;

  /**
   * The secret that seals the cursors of cursor paging (RFC 9865), at least 16 characters. Give
   * every instance of one deployment the same secret, or a cursor issued by one instance is
   * invalid on another (and after a restart). Default: random per start.
   */
  private String cursorSecret;

  /** How long a paging cursor stays valid after the response that carried it. */
  private Duration cursorTimeout = Duration.ofHours(1);

  private final Bulk bulk = new Bulk();

  private final RateLimiting rateLimit = new RateLimiting();

  private final Tokens tokens = new Tokens();

  private final Metrics metrics = new Metrics();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getBasePath() {
    return basePath;
  }

  public void setBasePath(String basePath) {
    this.basePath = basePath;
  }

  public StoreKind getStore() {
    return store;
  }

  public void setStore(StoreKind store) {
    this.store = store;
  }

  public URI getBaseUri() {
    return baseUri;
  }

  public void setBaseUri(URI baseUri) {
    this.baseUri = baseUri;
  }

  public DataSize getMaxRequestSize() {
    return maxRequestSize;
  }

  public void setMaxRequestSize(DataSize maxRequestSize) {
    this.maxRequestSize = maxRequestSize;
  }

  public int getMaxPageSize() {
    return maxPageSize;
  }

  public void setMaxPageSize(int maxPageSize) {
    this.maxPageSize = maxPageSize;
  }

  public String getCursorSecret() {
    return cursorSecret;
  }

  public void setCursorSecret(String cursorSecret) {
    this.cursorSecret = cursorSecret;
  }

  public Duration getCursorTimeout() {
    return cursorTimeout;
  }

  public void setCursorTimeout(Duration cursorTimeout) {
    this.cursorTimeout = cursorTimeout;
  }

  public Bulk getBulk() {
    return bulk;
  }

  public RateLimiting getRateLimit() {
    return rateLimit;
  }

  public Tokens getTokens() {
    return tokens;
  }

  public Metrics getMetrics() {
    return metrics;
  }

  /** {@code scimkit.bulk.*}: limits on {@code /Bulk} requests. */
  public static class Bulk {
    /** The most operations one /Bulk request may hold; more are answered 413. */
    private int maxOperations = 1000;

    /** The largest /Bulk request body; larger ones are answered 413. */
    private DataSize maxPayloadSize = DataSize.ofMegabytes(1);

    public int getMaxOperations() {
      return maxOperations;
    }

    public void setMaxOperations(int maxOperations) {
      this.maxOperations = maxOperations;
    }

    public DataSize getMaxPayloadSize() {
      return maxPayloadSize;
    }

    public void setMaxPayloadSize(DataSize maxPayloadSize) {
      this.maxPayloadSize = maxPayloadSize;
    }
  }

  /** {@code scimkit.rate-limit.*}: a per-tenant limit on the request rate, answered 429. */
  public static class RateLimiting {
    /** Whether to limit each tenant's request rate (429 with Retry-After beyond it). */
    private boolean enabled;

    /**
     * The sustained requests per second each tenant may send. Entra ID needs 25 per second for a
     * gallery application.
     */
    private double requestsPerSecond = 100;

    /** How many requests a tenant may send at once after being idle. */
    private int burst = 200;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public double getRequestsPerSecond() {
      return requestsPerSecond;
    }

    public void setRequestsPerSecond(double requestsPerSecond) {
      this.requestsPerSecond = requestsPerSecond;
    }

    public int getBurst() {
      return burst;
    }

    public void setBurst(int burst) {
      this.burst = burst;
    }
  }

  /** {@code scimkit.tokens.*}: the organisation bearer tokens. */
  public static class Tokens {
    /**
     * How long a token revoked by another instance (or in the store directly) may go on
     * authenticating on this one; until then a token found active is not looked up again.
     */
    private Duration revocationDelay = Duration.ofSeconds(1);

    /**
     * Secrets from the app's configuration, by tenant name (scimkit.tokens.configured.acme=...):
     * each is accepted as a token of its tenant while it is configured, is held only as a hash in
     * memory and is never stored. 32 to 256 characters of A-Z a-z 0-9 - . _ ~ + / (= at the end).
     */
    private final Map<String, String> configured = new LinkedHashMap<>();

    public Duration getRevocationDelay() {
      return revocationDelay;
    }

    public void setRevocationDelay(Duration revocationDelay) {
      this.revocationDelay = revocationDelay;
    }

    public Map<String, String> getConfigured() {
      return configured;
    }
  }

  /** {@code scimkit.metrics.*}: Micrometer metrics. */
  public static class Metrics {
    /**
     * Whether to time every SCIM request in the scimkit.requests timer (tagged resource.type,
     * operation, status and tenant) when the app has a Micrometer MeterRegistry.
     */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
