package dev.scimkit.jaxrs;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.ScimEngine;
import java.net.URI;

/**
 * The HTTP side of a Scimkit endpoint: the engine, and what only HTTP knows about (public base
 * URI, body size, JSON parser limits, tenant and {@code /Me} resolution). Immutable.
 *
 * <pre>{@code
 * ScimHttpConfig config = ScimHttpConfig.builder(engine)
 *     .baseUri(URI.create("https://api.example.com/scim/v2"))   // behind a reverse proxy
 *     .build();
 * }</pre>
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

  private ScimHttpConfig(Builder b) {
    this.engine = b.engine;
    this.baseUri = b.baseUri;
    this.maxRequestBytes = b.maxRequestBytes;
    this.maxJsonDepth = b.maxJsonDepth;
    this.maxJsonStringLength = b.maxJsonStringLength;
    this.maxJsonNumberLength = b.maxJsonNumberLength;
    this.tenantResolver = b.tenantResolver;
    this.meResolver = b.meResolver;
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
