package dev.scimkit.jaxrs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.Scimkit;
import jakarta.ws.rs.core.Configuration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the resources of one mounted endpoint share: the configuration and a JSON codec set up
 * with its limits. Created once per application by {@link dev.scimkit.jaxrs.Scimkit#properties}.
 */
public final class EndpointRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(EndpointRuntime.class);

  private final ScimHttpConfig config;
  private final ObjectMapper mapper;
  private final int maxBulkBytes;
  private final TenantBuckets buckets;

  public EndpointRuntime(ScimHttpConfig config) {
    this.config = config;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(config.maxJsonDepth())
                    .maxStringLength(config.maxJsonStringLength())
                    .maxNumberLength(config.maxJsonNumberLength())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();
    this.mapper =
        JsonMapper.builder(factory)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    this.maxBulkBytes = config.maxBodyBytes();
    this.buckets = config.rateLimit() == null ? null : new TenantBuckets(config.rateLimit(), config.clock());
    if (config.authenticator() == null) {
      LOG.warn(
          "Scimkit serves SCIM without authentication (no authenticator configured): anyone who "
              + "can reach it can read and change its users and groups, unless the host "
              + "authenticates every request itself");
    }
  }

  /** The runtime of an application, or {@code null} when the host did not configure Scimkit. */
  static EndpointRuntime of(Configuration configuration) {
    Object runtime = configuration == null ? null : configuration.getProperty(Scimkit.CONFIG_PROPERTY);
    return runtime instanceof EndpointRuntime r ? r : null;
  }

  /** The rate limiter's buckets, or {@code null} when requests are not limited. */
  TenantBuckets buckets() {
    return buckets;
  }

  public ScimHttpConfig config() {
    return config;
  }

  public ScimEngine engine() {
    return config.engine();
  }

  /** The most bytes a {@code /Bulk} body may have before the engine checks its own limit. */
  public int maxBulkBytes() {
    return maxBulkBytes;
  }

  /** The most bytes the body of a request to {@code method} may have. */
  int limitFor(Method method) {
    // /Bulk carries many resources and has its own, larger limit; every other body is one
    return method != null && method.getName().equals("bulk") ? maxBulkBytes : config.maxRequestBytes();
  }

  /** The {@code 413} for a body over {@code limit} bytes. */
  static ScimException tooLarge(int limit) {
    return new ScimException(413, null, "the request body is larger than " + limit + " bytes");
  }

  /** A parsed request body and its size in bytes. */
  public record Body(JsonNode json, int bytes) {}

  /**
   * Reads and parses a request body of at most {@code limit} bytes.
   *
   * @throws ScimException 413 when larger, 400 {@code invalidSyntax} when empty or not JSON (the
   *     detail gives the line and column, never the parser's own message)
   */
  public Body read(InputStream in, int limit) {
    byte[] bytes = readLimited(in, limit);
    if (bytes.length == 0) {
      throw ScimException.badRequest(ScimType.INVALID_SYNTAX, "the request body is empty");
    }
    try {
      return new Body(mapper.readTree(bytes), bytes.length);
    } catch (StreamConstraintsException e) {
      throw ScimException.badRequest(
          ScimType.INVALID_SYNTAX, "the request body exceeds a JSON limit (nesting, string or number length)");
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw ScimException.badRequest(ScimType.INVALID_SYNTAX, "the request body is not valid JSON" + where);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readLimited(InputStream in, int limit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
    byte[] buffer = new byte[8192];
    int total = 0;
    for (int n; (n = readSome(in, buffer)) != -1; ) {
      total += n;
      if (total > limit) {
        throw tooLarge(limit);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * One read of the body. Any failure is the connection's, not Scimkit's: the client went away,
   * or the server closed the connection under the read (a body timeout), and containers do not
   * all say so with an {@link IOException} (Undertow's servlet stream may throw a {@code
   * NullPointerException} once closed).
   */
  private static int readSome(InputStream in, byte[] buffer) {
    try {
      return in.read(buffer);
    } catch (IOException | RuntimeException e) {
      throw ScimException.badRequest(ScimType.INVALID_SYNTAX, "the request body could not be read");
    }
  }

  /** Serialises a response body. */
  public byte[] write(JsonNode json) {
    try {
      return mapper.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }
}
