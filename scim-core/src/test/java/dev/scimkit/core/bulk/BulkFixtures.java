package dev.scimkit.core.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.BulkLimits;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimResource;
import dev.scimkit.core.SearchParameters;
import dev.scimkit.core.schema.Schemas;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared helpers of the bulk tests: an engine with predictable ids, and JSON written with '. */
final class BulkFixtures {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String BASE_URI = "https://example.com/scim/v2";
  static final ResponseOptions BASE = ResponseOptions.at(BASE_URI);
  static final RequestContext CTX = new RequestContext("acme", "token-1", "req-42");

  private BulkFixtures() {}

  /** An engine whose ids are id-1, id-2, … */
  static ScimEngine engine() {
    return builder().build();
  }

  static ScimEngine engine(BulkLimits limits) {
    return builder().bulkLimits(limits).build();
  }

  static ScimEngine.Builder builder() {
    AtomicInteger ids = new AtomicInteger();
    return ScimEngine.builder()
        .clock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
        .idGenerator(() -> "id-" + ids.incrementAndGet());
  }

  /** JSON written with single quotes for readability. */
  static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** A BulkRequest of these operations (each written with single quotes). */
  static ObjectNode request(String... operations) {
    return json("{'schemas':['" + Schemas.BULK_REQUEST + "'],'Operations':[" + String.join(",", operations) + "]}");
  }

  /** As {@link #request}, with failOnErrors. */
  static ObjectNode requestFailingOn(int failOnErrors, String... operations) {
    ObjectNode body = request(operations);
    body.put("failOnErrors", failOnErrors);
    return body;
  }

  static String postUser(String bulkId, String userName) {
    return "{'method':'POST','path':'/Users','bulkId':'" + bulkId + "','data':{'schemas':['" + Schemas.USER + "'],'userName':'" + userName + "'}}";
  }

  static String postGroup(String bulkId, String displayName, String... memberValues) {
    List<String> members = new ArrayList<>();
    for (String v : memberValues) {
      members.add("{'type':'User','value':'" + v + "'}");
    }
    return "{'method':'POST','path':'/Groups','bulkId':'" + bulkId + "','data':{'schemas':['" + Schemas.GROUP + "'],'displayName':'"
        + displayName + "','members':[" + String.join(",", members) + "]}}";
  }

  /** The response entries. */
  static List<JsonNode> entries(ObjectNode response) {
    List<JsonNode> out = new ArrayList<>();
    response.get("Operations").forEach(out::add);
    return out;
  }

  static List<String> statuses(ObjectNode response) {
    List<String> out = new ArrayList<>();
    response.get("Operations").forEach(e -> out.add(e.get("status").asText()));
    return out;
  }

  static ScimResource createUser(ScimEngine engine, RequestContext ctx, String userName) {
    return engine.create("User", json("{'userName':'" + userName + "'}"), ctx, BASE);
  }

  static ScimResource createGroup(ScimEngine engine, RequestContext ctx, String displayName) {
    return engine.create("Group", json("{'displayName':'" + displayName + "'}"), ctx, BASE);
  }

  static int count(ScimEngine engine, String type, RequestContext ctx) {
    return engine.search(type, SearchParameters.all(), ctx, null).totalResults();
  }

  /** The member ids of a group, in order. */
  static List<String> memberIds(ScimEngine engine, RequestContext ctx, String groupId) {
    List<String> out = new ArrayList<>();
    JsonNode members = engine.get("Group", groupId, ctx, BASE).json().get("members");
    if (members != null) {
      members.forEach(m -> out.add(m.get("value").asText()));
    }
    return out;
  }
}
