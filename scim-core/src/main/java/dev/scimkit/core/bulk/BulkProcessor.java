package dev.scimkit.core.bulk;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.BulkLimits;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimResource;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.ResourceStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out bulk requests (RFC 7644 section 3.7) on a {@link ScimEngine}, one operation at a
 * time through the engine's own {@code create}, {@code replace}, {@code patch} and {@code delete}.
 *
 * <p>{@link ScimEngine#bulk(JsonNode, long, RequestContext, ResponseOptions)} is the usual way in
 * and uses this class; the package description lists what a request may carry, the order
 * operations run in, and every error. A processor holds no state of its own and is thread-safe;
 * one request's operations run one after another on the calling thread.
 */
public final class BulkProcessor {
  /** What a string value starts with to reference the resource a POST creates: {@code bulkId:}. */
  public static final String BULK_ID_PREFIX = "bulkId:";

  private static final Logger LOG = LoggerFactory.getLogger(BulkProcessor.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ScimEngine engine;

  /** A processor of bulk requests on {@code engine}, within its {@link ScimEngine#bulkLimits()}. */
  public BulkProcessor(ScimEngine engine) {
    this.engine = requireNonNull(engine, "engine == null");
  }

  /**
   * Carries out a bulk request and answers its {@code
   * urn:ietf:params:scim:api:messages:2.0:BulkResponse}, to be sent with HTTP status {@code 200}
   * even when operations failed: each operation's {@code status} tells.
   *
   * @param body the request body as parsed; {@code null} counts as a missing body
   * @param payloadBytes the size of the body in bytes as received, or a negative number when it is
   *     not known (then the size limit is not checked here)
   * @param ctx the tenant every operation is confined to
   * @param options the base URI for {@code location}; its projection parameters are not used (a
   *     bulk response carries no resource bodies)
   * @return the response message: {@code schemas} and the {@code Operations} processed
   * @throws ScimException 413 if the body is larger than {@link BulkLimits#maxPayloadSize()} or
   *     has more operations than {@link BulkLimits#maxOperations()}; 400 {@code invalidSyntax} if
   *     the body is not a JSON object with an {@code Operations} array; 400 {@code invalidValue} if
   *     {@code failOnErrors} is not a positive integer. Nothing is changed then.
   */
  public ObjectNode process(
      JsonNode body, long payloadBytes, RequestContext ctx, ResponseOptions options) {
    requireNonNull(ctx, "ctx == null");
    requireNonNull(options, "options == null");
    BulkLimits limits = engine.bulkLimits();
    if (payloadBytes > limits.maxPayloadSize()) {
      throw new ScimException(
          413,
          null,
          "the bulk request has " + payloadBytes + " bytes; the most this server accepts is "
              + limits.maxPayloadSize());
    }
    if (body == null || !body.isObject()) {
      throw ScimException.badRequest(
          ScimType.INVALID_SYNTAX, "a bulk request must be a JSON object with an Operations array");
    }
    JsonNode operations = BulkOperation.field(body, "Operations");
    if (operations == null || !operations.isArray()) {
      throw ScimException.badRequest(
          ScimType.INVALID_SYNTAX, "a bulk request must have an Operations array");
    }
    if (operations.size() > limits.maxOperations()) {
      throw new ScimException(
          413,
          null,
          "the bulk request has " + operations.size()
              + " operations; the most this server accepts is " + limits.maxOperations());
    }
    int failOnErrors = failOnErrors(BulkOperation.field(body, "failOnErrors"));

    List<BulkOperation> ops = new ArrayList<>(operations.size());
    for (int i = 0; i < operations.size(); i++) {
      ops.add(BulkOperation.parse(i, operations.get(i), engine));
    }
    int[] order = BulkPlan.order(ops);

    // Only id, location and version are answered: asking for "id" alone spares rendering (and,
    // for a group, loading its members).
    ResponseOptions shape = new ResponseOptions(options.baseUri(), "id", null);
    Map<String, String> created = new HashMap<>();
    ObjectNode[] results = new ObjectNode[ops.size()];
    int errors = 0;
    for (int i : order) {
      if (errors >= failOnErrors) {
        break;
      }
      ObjectNode result = run(ops.get(i), created, ctx, shape);
      results[i] = result;
      if (result.has("response")) {
        errors++;
      }
    }

    ObjectNode response = NODES.objectNode();
    response.putArray("schemas").add(Schemas.BULK_RESPONSE);
    ArrayNode answered = response.putArray("Operations");
    for (ObjectNode result : results) {
      if (result != null) {
        answered.add(result);
      }
    }
    return response;
  }

  private ObjectNode run(
      BulkOperation op, Map<String, String> created, RequestContext ctx, ResponseOptions shape) {
    ObjectNode result = NODES.objectNode();
    if (op.methodName() != null) {
      result.put("method", op.methodName());
    }
    if (op.bulkId() != null) {
      result.put("bulkId", op.bulkId());
    }
    String location = null;
    try {
      if (op.rejection() != null) {
        if (op.type() != null
            && op.id() != null
            && BulkIdReferences.referencedBulkId(op.id()) == null) {
          location = location(shape, op.type(), op.id());
        }
        throw op.rejection();
      }
      ResourceType type = op.type();
      String id = op.id() == null ? null : BulkIdReferences.resolveId(op.id(), created);
      if (id != null) {
        location = location(shape, type, id);
      }
      boolean patch = op.method() == BulkOperation.Method.PATCH;
      JsonNode data =
          op.data() == null ? null : BulkIdReferences.resolve(op.data(), patch, created);
      switch (op.method()) {
        case POST -> {
          ScimResource r = engine.create(type.name(), data, ctx, shape);
          created.put(op.bulkId(), r.id());
          return succeeded(result, r.location(), r.etag(), 201);
        }
        case PUT -> {
          long expected = expectedVersion(op, id, ctx, shape);
          ScimResource r = engine.replace(type.name(), id, data, expected, ctx, shape);
          return succeeded(result, r.location(), r.etag(), 200);
        }
        case PATCH -> {
          long expected = expectedVersion(op, id, ctx, shape);
          ScimResource r = engine.patch(type.name(), id, data, expected, ctx, shape);
          if (r == null) {
            r = engine.get(type.name(), id, ctx, shape);
          }
          return succeeded(result, r.location(), r.etag(), 200);
        }
        case DELETE -> {
          engine.delete(type.name(), id, expectedVersion(op, id, ctx, shape), ctx);
          return succeeded(result, location, null, 204);
        }
        default -> throw new IllegalStateException("unknown method " + op.method());
      }
    } catch (ScimException e) {
      return failed(result, location, e.status(), e.scimType(), e.detail());
    } catch (RuntimeException e) {
      LOG.error(
          "bulk {} failed unexpectedly (request id {})",
          BulkOperation.label(op.index()),
          ctx.requestId(),
          e);
      String detail = "the operation failed because of an internal error";
      if (!ctx.requestId().isEmpty()) {
        detail += "; request id " + ctx.requestId();
      }
      return failed(result, location, 500, null, detail);
    }
  }

  /**
   * The expected version of a {@code version} member, as {@code If-Match} would give it. A tag
   * that is none of this server's versions can match nothing: that is 412 (after 404, as a single
   * request would answer).
   */
  private long expectedVersion(
      BulkOperation op, String id, RequestContext ctx, ResponseOptions shape) {
    String version = op.version();
    if (version == null || version.isBlank() || version.trim().equals("*")) {
      return ResourceStore.ANY_VERSION;
    }
    long parsed = ScimResource.parseEtag(version);
    if (parsed >= 0) {
      return parsed;
    }
    engine.get(op.type().name(), id, ctx, shape);
    throw ScimException.preconditionFailed(
        op.type().name() + " " + BulkOperation.quote(id) + " has no version "
            + BulkOperation.quote(version));
  }

  private static String location(ResponseOptions shape, ResourceType type, String id) {
    String base = shape.baseUri() == null ? "" : shape.baseUri();
    return base + type.endpoint() + "/" + id;
  }

  private static ObjectNode succeeded(
      ObjectNode result, String location, String version, int status) {
    if (location != null) {
      result.put("location", location);
    }
    if (version != null) {
      result.put("version", version);
    }
    result.put("status", Integer.toString(status));
    return result;
  }

  private static ObjectNode failed(
      ObjectNode result, String location, int status, ScimType scimType, String detail) {
    if (location != null) {
      result.put("location", location);
    }
    String code = Integer.toString(status);
    result.put("status", code);
    ObjectNode error = result.putObject("response");
    error.putArray("schemas").add(Schemas.ERROR);
    if (scimType != null) {
      error.put("scimType", scimType.value());
    }
    error.put("detail", detail);
    error.put("status", code);
    return result;
  }

  /** The {@code failOnErrors} limit, or {@link Integer#MAX_VALUE} when there is none. */
  private static int failOnErrors(JsonNode node) {
    if (node == null || node.isNull()) {
      return Integer.MAX_VALUE;
    }
    BigInteger value = null;
    if (node.isIntegralNumber()) {
      value = node.bigIntegerValue();
    } else if (node.isTextual() && node.asText().trim().matches("[0-9]{1,30}")) {
      value = new BigInteger(node.asText().trim());
    }
    if (value == null || value.signum() <= 0) {
      throw ScimException.badRequest(
          ScimType.INVALID_VALUE,
          "failOnErrors must be a positive integer, not " + BulkOperation.shorten(node.toString()));
    }
    return value.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValueExact();
  }
}
