package dev.scimkit.jaxrs;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.auth.Authenticator;
import java.net.URI;
import java.time.Clock;

/**
 * The HTTP side of a Scimkit endpoint: the engine, and what only HTTP knows about (public base
 * URI, body size, JSON parser limits, authentication, tenant and {@code /Me} resolution, rate
 * limits). Immutable.
 *
 * <pre>{@code
 * OrganizationTokens tokens = OrganizationTokens.builder(tokenStore).build();
 * ScimHttpConfig config = ScimHttpConfig.builder(engine)
 *     .authenticator(tokens.authenticator())                    // bearer tokens: one per organisation
 *     .baseUri(URI.create("https://api.example.com/scim/v2"))   // behind a reverse proxy
 *     .rateLimit(RateLimit.defaults())                          // optional
 *     .build();
 * }</pre>
 *
 * <p><b>Authentication is off unless an {@linkplain Builder#authenticator(Authenticator)
 * authenticator} is configured.</b> Without one, every request is served, for the tenant the
 * {@link TenantResolver} names, to whoever can reach the endpoint. That is right only for tests
 * and for hosts that authenticate every request themselves before it reaches Scimkit (a gateway,
 * or a filter of their own that sets a {@link ScimPrincipal}); Scimkit logs a warning when it
 * starts without one.
 */
public final class ScimHttpConfig {
  /** Default for {@link Builder#maxRequestBytes(int)}: 1 MiB. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;

  /** Default for {@link Builder#maxJsonDepth(int)}. */
  public static final int DEFAULT_MAX_JSON_DEPTH = 64;

  /** Default for {@link Builder#maxJsonStringLength(int)}: 256 KiB. */
  public static final int DEFAULT_MAX_JSON_STRING_LENGTH = 256 * 1024;

  /** Default for {@link Builder#maxJsonNumberLength(int)}. */
  public static final int DEFAULT_MAX_JSON_NUMBER_LENGTH = 100;

  private final ScimEngine engine;
  private final URI baseUri;
  private final int maxRequestBytes;
  private final int maxJsonDepth;
  private final int maxJsonStringLength;
  private final int maxJsonNumberLength;
  private final TenantResolver tenantResolver;
  private final MeResolver meResolver;
  private final Authenticator authenticator;
  private final String realm;
  private final RateLimit rateLimit;
  private final Clock clock;

  private ScimHttpConfig(Builder b) {
    this.engine = b.engine;
    this.baseUri = b.baseUri;
    this.maxRequestBytes = b.maxRequestBytes;
    this.maxJsonDepth = b.maxJsonDepth;
    this.maxJsonStringLength = b.maxJsonStringLength;
    this.maxJsonNumberLength = b.maxJsonNumberLength;
    this.tenantResolver = b.tenantResolver;
    this.meResolver = b.meResolver;
    this.authenticator = b.authenticator;
    this.realm = b.realm;
    this.rateLimit = b.rateLimit;
    this.clock = b.clock;
  }

  /** Starts a configuration for {@code engine} with every default. */
  public static Builder builder(ScimEngine engine) {
    return new Builder(engine);
  }

  public ScimEngine engine() {
    return engine;
  }

  /** The fixed public base URI, or {@code null} to use each request's own base URI. */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * The largest request body accepted, in bytes; larger bodies are {@code 413}. {@code /Bulk}
   * accepts up to the larger of this and the engine's bulk {@code maxPayloadSize}.
   */
  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  /**
   * The largest body any request may have: {@link #maxRequestBytes()}, or the engine's {@code
   * /Bulk} payload limit if that is larger. A host's server can refuse or stop reading a body
   * beyond it; Scimkit answers such a body {@code 413} without reading it whole.
   */
  public int maxBodyBytes() {
    return Math.max(maxRequestBytes, engine.bulkLimits().maxPayloadSize());
  }

  public int maxJsonDepth() {
    return maxJsonDepth;
  }

  public int maxJsonStringLength() {
    return maxJsonStringLength;
  }

  public int maxJsonNumberLength() {
    return maxJsonNumberLength;
  }

  public TenantResolver tenantResolver() {
    return tenantResolver;
  }

  /** The {@code /Me} resolver, or {@code null} when {@code /Me} is not supported. */
  public MeResolver meResolver() {
    return meResolver;
  }

  /**
   * The authenticator every request's bearer token goes through, or {@code null} when Scimkit
   * does not authenticate (see the class documentation).
   */
  public Authenticator authenticator() {
    return authenticator;
  }

  /** The realm named in {@code WWW-Authenticate} challenges. */
  public String realm() {
    return realm;
  }

  /** The per-tenant rate limit, or {@code null} when requests are not limited. */
  public RateLimit rateLimit() {
    return rateLimit;
  }

  /** The clock of the rate limiter. */
  public Clock clock() {
    return clock;
  }

  /** Builds a {@link ScimHttpConfig}. */
  public static final class Builder {
    private final ScimEngine engine;
    private URI baseUri;
    private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private int maxJsonDepth = DEFAULT_MAX_JSON_DEPTH;
    private int maxJsonStringLength = DEFAULT_MAX_JSON_STRING_LENGTH;
    private int maxJsonNumberLength = DEFAULT_MAX_JSON_NUMBER_LENGTH;
    private TenantResolver tenantResolver = TenantResolver.fromPrincipal();
    private MeResolver meResolver;
    private Authenticator authenticator;
    private String realm = "scim";
    private RateLimit rateLimit;
    private Clock clock = Clock.systemUTC();

    private Builder(ScimEngine engine) {
      this.engine = requireNonNull(engine, "engine == null");
    }

    /**
     * The public base URI that {@code meta.location}, {@code Location} and {@code $ref} start
     * with, for a server behind a reverse proxy that rewrites host or path. Default: each
     * request's own base URI.
     */
    public Builder baseUri(URI baseUri) {
      requireNonNull(baseUri, "baseUri == null");
      if (!baseUri.isAbsolute()) {
        throw new IllegalArgumentException("baseUri must be absolute: " + baseUri);
      }
      this.baseUri = baseUri;
      return this;
    }

    /** The largest request body, in bytes. Default {@value #DEFAULT_MAX_REQUEST_BYTES}. */
    public Builder maxRequestBytes(int bytes) {
      this.maxRequestBytes = positive(bytes, "maxRequestBytes");
      return this;
    }

    /** The deepest JSON nesting accepted. Default {@value #DEFAULT_MAX_JSON_DEPTH}. */
    public Builder maxJsonDepth(int depth) {
      this.maxJsonDepth = positive(depth, "maxJsonDepth");
      return this;
    }

    /** The longest JSON string value, in characters. Default {@value #DEFAULT_MAX_JSON_STRING_LENGTH}. */
    public Builder maxJsonStringLength(int length) {
      this.maxJsonStringLength = positive(length, "maxJsonStringLength");
      return this;
    }

    /** The longest JSON number, in characters. Default {@value #DEFAULT_MAX_JSON_NUMBER_LENGTH}. */
    public Builder maxJsonNumberLength(int length) {
      this.maxJsonNumberLength = positive(length, "maxJsonNumberLength");
      return this;
    }

    /**
     * Authenticates every request with the bearer token of its {@code Authorization} header.
     * Requests without a token, or whose token the authenticator does not accept, are answered
     * {@code 401} with {@code WWW-Authenticate: Bearer} and the SCIM Error body; the others run
     * as a {@link ScimPrincipal} of the token's tenant. Default: none (no authentication: see the
     * class documentation).
     *
     * <p>A request may only act for its token's tenant: when the {@link TenantResolver} names
     * another tenant (a path segment naming another organisation), it is answered {@code 401}.
     *
     * @see dev.scimkit.core.auth.OrganizationTokens#authenticator()
     */
    public Builder authenticator(Authenticator authenticator) {
      this.authenticator = requireNonNull(authenticator, "authenticator == null");
      return this;
    }

    /**
     * The realm of the {@code WWW-Authenticate: Bearer realm="..."} challenge. Default {@code
     * scim}.
     *
     * @throws IllegalArgumentException if it holds characters other than letters, digits, space
     *     and {@code .-_:/}
     */
    public Builder realm(String realm) {
      requireNonNull(realm, "realm == null");
      if (!realm.matches("[A-Za-z0-9 ._:/-]{1,100}")) {
        throw new IllegalArgumentException("realm must be 1 to 100 of [A-Za-z0-9 ._:/-]: " + realm);
      }
      this.realm = realm;
      return this;
    }

    /** Limits the request rate of each tenant. Default: no limit. */
    public Builder rateLimit(RateLimit limit) {
      this.rateLimit = requireNonNull(limit, "limit == null");
      return this;
    }

    /** The clock the rate limiter refills by. Default: system UTC. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** Decides each request's tenant. Default {@link TenantResolver#fromPrincipal()}. */
    public Builder tenantResolver(TenantResolver resolver) {
      this.tenantResolver = requireNonNull(resolver, "resolver == null");
      return this;
    }

    /** Enables {@code /Me}. */
    public Builder meResolver(MeResolver resolver) {
      this.meResolver = requireNonNull(resolver, "resolver == null");
      return this;
    }

    public ScimHttpConfig build() {
      return new ScimHttpConfig(this);
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " < 1: " + value);
      }
      return value;
    }
  }
}
