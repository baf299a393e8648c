package dev.scimkit.core.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.AuthenticationScheme;
import dev.scimkit.core.BulkLimits;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schema;
import dev.scimkit.core.schema.Schemas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents of RFC 7644 section 4, built from the engine's real configuration:
 * {@code /ServiceProviderConfig}, {@code /ResourceTypes} and {@code /Schemas}.
 */
public final class Discovery {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<ResourceType> types;
  private final Map<String, Schema> schemas;
  private final List<String> schemaOrder;
  private final int maxResults;
  private final Duration cursorTimeout;
  private final BulkLimits bulk;
  private final List<AuthenticationScheme> authenticationSchemes;
  private final String documentationUri;

  public Discovery(
      List<ResourceType> types,
      int maxResults,
      Duration cursorTimeout,
      BulkLimits bulk,
      List<AuthenticationScheme> authenticationSchemes,
      String documentationUri) {
    this.types = List.copyOf(types);
    this.maxResults = maxResults;
    this.cursorTimeout = cursorTimeout;
    this.bulk = bulk;
    this.authenticationSchemes = List.copyOf(authenticationSchemes);
    this.documentationUri = documentationUri;
    Map<String, Schema> all = new LinkedHashMap<>();
    for (ResourceType t : types) {
      all.putIfAbsent(t.schema().id(), t.schema());
      for (ResourceType.Extension e : t.extensions()) {
        all.putIfAbsent(e.schema().id(), e.schema());
      }
    }
    all.putIfAbsent(Schemas.SERVICE_PROVIDER_CONFIG, Schemas.serviceProviderConfig());
    all.putIfAbsent(Schemas.RESOURCE_TYPE, Schemas.resourceType());
    all.putIfAbsent(Schemas.SCHEMA, Schemas.schema());
    this.schemas = Map.copyOf(all);
    this.schemaOrder = List.copyOf(all.keySet());
  }

  public ObjectNode serviceProviderConfig(String baseUri) {
    ObjectNode json = NODES.objectNode();
    json.putArray("schemas").add(Schemas.SERVICE_PROVIDER_CONFIG);
    if (documentationUri != null) {
      json.put("documentationUri", documentationUri);
    }
    json.putObject("patch").put("supported", true);
    json.putObject("bulk")
        .put("supported", true)
        .put("maxOperations", bulk.maxOperations())
        .put("maxPayloadSize", bulk.maxPayloadSize());
    json.putObject("filter").put("supported", true).put("maxResults", maxResults);
    json.putObject("changePassword").put("supported", false);
    json.putObject("sort").put("supported", true);
    json.putObject("etag").put("supported", true);
    // RFC 9865 section 4: both methods, index by default (what clients that predate cursors
    // expect); a page without count holds maxResults, as with index paging.
    json.putObject("pagination")
        .put("cursor", true)
        .put("index", true)
        .put("defaultPaginationMethod", "index")
        .put("defaultPageSize", maxResults)
        .put("maxPageSize", maxResults)
        .put("cursorTimeout", cursorTimeout.toSeconds());
    ArrayNode schemes = json.putArray("authenticationSchemes");
    for (AuthenticationScheme s : authenticationSchemes) {
      ObjectNode n = schemes.addObject();
      n.put("type", s.type());
      n.put("name", s.name());
      n.put("description", s.description());
      if (s.specUri() != null) {
        n.put("specUri", s.specUri());
      }
      if (s.documentationUri() != null) {
        n.put("documentationUri", s.documentationUri());
      }
      n.put("primary", s.primary());
    }
    json.set("meta", meta("ServiceProviderConfig", base(baseUri) + "/ServiceProviderConfig"));
    return json;
  }

  public List<ObjectNode> resourceTypes(String baseUri) {
    List<ObjectNode> out = new ArrayList<>();
    for (ResourceType t : types) {
      out.add(resourceType(t, baseUri));
    }
    return out;
  }

  /** @throws ScimException 404 if there is no such resource type */
  public ObjectNode resourceType(String name, String baseUri) {
    for (ResourceType t : types) {
      if (t.name().equalsIgnoreCase(name)) {
        return resourceType(t, baseUri);
      }
    }
    throw new ScimException(404, null, "no resource type " + name);
  }

  private ObjectNode resourceType(ResourceType t, String baseUri) {
    ObjectNode json = NODES.objectNode();
    json.putArray("schemas").add(Schemas.RESOURCE_TYPE);
    json.put("id", t.name());
    json.put("name", t.name());
    json.put("endpoint", t.endpoint());
    json.put("description", t.description());
    json.put("schema", t.schema().id());
    if (!t.extensions().isEmpty()) {
      ArrayNode ext = json.putArray("schemaExtensions");
      for (ResourceType.Extension e : t.extensions()) {
        ext.addObject().put("schema", e.schema().id()).put("required", e.required());
      }
    }
    json.set("meta", meta("ResourceType", base(baseUri) + "/ResourceTypes/" + t.name()));
    return json;
  }

  public List<ObjectNode> schemas(String baseUri) {
    List<ObjectNode> out = new ArrayList<>();
    for (String id : schemaOrder) {
      out.add(schema(id, baseUri));
    }
    return out;
  }

  /** @throws ScimException 404 if there is no such schema */
  public ObjectNode schema(String id, String baseUri) {
    Schema s = schemas.get(id);
    if (s == null) {
      for (Schema candidate : schemas.values()) {
        if (candidate.id().equalsIgnoreCase(id)) {
          s = candidate;
        }
      }
    }
    if (s == null) {
      throw new ScimException(404, null, "no schema " + id);
    }
    ObjectNode json = s.toJson();
    json.set("meta", meta("Schema", base(baseUri) + "/Schemas/" + s.id()));
    return json;
  }

  private static ObjectNode meta(String resourceType, String location) {
    ObjectNode meta = NODES.objectNode();
    meta.put("resourceType", resourceType);
    meta.put("location", location);
    return meta;
  }

  private static String base(String baseUri) {
    if (baseUri == null) {
      return "";
    }
    return baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
  }
}
