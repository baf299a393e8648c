package dev.scimkit.core.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.ResourceType;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One element of a bulk request's {@code Operations}, read and checked on its own: either ready to
 * run, or carrying the {@link #rejection()} it is answered with.
 */
final class BulkOperation {

  enum Method {
    POST,
    PUT,
    PATCH,
    DELETE;

    static Method fromName(String name) {
      for (Method m : values()) {
        if (m.name().equalsIgnoreCase(name.trim())) {
          return m;
        }
      }
      return null;
    }
  }

  private final int index;
  private final String methodName;
  private final Method method;
  private final String bulkId;
  private final String version;
  private final ResourceType type;
  private final String id;
  private final JsonNode data;
  private final Set<String> references;
  private ScimException rejection;

  private BulkOperation(
      int index,
      String methodName,
      Method method,
      String bulkId,
      String version,
      ResourceType type,
      String id,
      JsonNode data,
      Set<String> references,
      ScimException rejection) {
    this.index = index;
    this.methodName = methodName;
    this.method = method;
    this.bulkId = bulkId;
    this.version = version;
    this.type = type;
    this.id = id;
    this.data = data;
    this.references = references;
    this.rejection = rejection;
  }

  /**
   * Reads the operation at {@code index} (0-based). Never throws for what the client sent: a
   * malformed operation comes back with a {@link #rejection()}.
   */
  static BulkOperation parse(int index, JsonNode node, ScimEngine engine) {
    String label = label(index);
    if (node == null || !node.isObject()) {
      return rejected(index, null, null, syntax(label + " must be a JSON object"));
    }
    JsonNode methodNode = field(node, "method");
    boolean methodText = methodNode != null && methodNode.isTextual();
    Method method = methodText ? Method.fromName(methodNode.asText()) : null;
    String methodName =
        method != null ? method.name() : methodText ? shorten(methodNode.asText()) : null;

    JsonNode bulkIdNode = field(node, "bulkId");
    String bulkId = null;
    if (present(bulkIdNode)) {
      if (!bulkIdNode.isTextual() || bulkIdNode.asText().isBlank()) {
        return rejected(
            index, methodName, null, syntax(label + ": bulkId must be a non-empty string"));
      }
      bulkId = bulkIdNode.asText();
    }
    if (method == null) {
      String detail =
          present(methodNode)
              ? label + " has an unknown method " + shorten(methodNode.toString())
              : label + " has no method";
      return rejected(
          index, methodName, bulkId, syntax(detail + "; expected POST, PUT, PATCH or DELETE"));
    }

    JsonNode versionNode = field(node, "version");
    String version = null;
    if (present(versionNode)) {
      if (!versionNode.isTextual() && !versionNode.isNumber()) {
        return rejected(
            index,
            methodName,
            bulkId,
            syntax(label + ": version must be a string such as W/\"3\""));
      }
      version = versionNode.asText();
    }
    if (method == Method.POST && bulkId == null) {
      return rejected(index, methodName, null, syntax(label + ": a POST needs a bulkId"));
    }

    JsonNode pathNode = field(node, "path");
    if (!present(pathNode) || !pathNode.isTextual() || pathNode.asText().isBlank()) {
      return rejected(
          index, methodName, bulkId, syntax(label + " has no path such as /Users or /Users/{id}"));
    }
    String path = pathNode.asText().trim();
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (relative.endsWith("/")) {
      relative = relative.substring(0, relative.length() - 1);
    }
    int slash = relative.indexOf('/');
    String endpoint = slash < 0 ? relative : relative.substring(0, slash);
    String id = slash < 0 ? null : relative.substring(slash + 1);
    ResourceType type = endpoint.isEmpty() ? null : typeAt(engine, endpoint);
    if (type == null) {
      return rejected(
          index,
          methodName,
          bulkId,
          new ScimException(404, null, label + ": no resource type at the path " + quote(path)));
    }
    if (method == Method.POST && id != null) {
      return rejected(
          index,
          methodName,
          bulkId,
          ScimException.badRequest(
              ScimType.INVALID_PATH,
              label + ": the path of a POST is a resource type endpoint such as "
                  + type.endpoint() + ", not " + quote(path)));
    }
    if (method != Method.POST && (id == null || id.isEmpty() || id.contains("/"))) {
      return rejected(
          index,
          methodName,
          bulkId,
          ScimException.badRequest(
              ScimType.INVALID_PATH,
              label + ": the path of a " + method + " names one resource, such as "
                  + type.endpoint() + "/{id}, not " + quote(path)));
    }

    JsonNode data = null;
    if (method != Method.DELETE) {
      data = field(node, "data");
      if (data == null || !data.isObject()) {
        return rejected(
            index,
            methodName,
            bulkId,
            type,
            id,
            syntax(label + ": a " + method + " needs a data object"));
      }
    }

    Set<String> references = new LinkedHashSet<>();
    String idReference = id == null ? null : BulkIdReferences.referencedBulkId(id);
    if (idReference != null) {
      references.add(idReference);
    }
    if (data != null) {
      BulkIdReferences.collect(data, method == Method.PATCH, references);
    }
    return new BulkOperation(
        index,
        methodName,
        method,
        bulkId,
        version,
        type,
        id,
        data,
        Collections.unmodifiableSet(references),
        null);
  }

  private static ResourceType typeAt(ScimEngine engine, String endpoint) {
    try {
      return engine.resourceType("/" + endpoint);
    } catch (ScimException e) {
      return null;
    }
  }

  private static BulkOperation rejected(
      int index, String methodName, String bulkId, ScimException e) {
    return rejected(index, methodName, bulkId, null, null, e);
  }

  private static BulkOperation rejected(
      int index, String methodName, String bulkId, ResourceType type, String id, ScimException e) {
    Method method = methodName == null ? null : Method.fromName(methodName);
    return new BulkOperation(index, methodName, method, bulkId, null, type, id, null, Set.of(), e);
  }

  /** 0-based position in the request. */
  int index() {
    return index;
  }

  /** The method as answered: the canonical name, or what the client sent when it is unknown. */
  String methodName() {
    return methodName;
  }

  /** The method, or {@code null} when it is missing or unknown. */
  Method method() {
    return method;
  }

  String bulkId() {
    return bulkId;
  }

  String version() {
    return version;
  }

  /** The resource type addressed, or {@code null} when the path could not be read. */
  ResourceType type() {
    return type;
  }

  /** The id in the path as sent (possibly a {@code bulkId:} reference), or {@code null}. */
  String id() {
    return id;
  }

  JsonNode data() {
    return data;
  }

  /** The bulkIds this operation references, in the order they appear. */
  Set<String> references() {
    return references;
  }

  /** Why the operation is answered with an error without being tried, or {@code null}. */
  ScimException rejection() {
    return rejection;
  }

  /** Marks the operation as failed before it runs (its references cannot work out). */
  void reject(ScimException e) {
    if (rejection == null) {
      rejection = e;
    }
  }

  /** "operation 3", the way details name an operation (1-based, as a client counts). */
  static String label(int index) {
    return "operation " + (index + 1);
  }

  static String shorten(String s) {
    return s.length() > 100 ? s.substring(0, 100) + "..." : s;
  }

  static String quote(String s) {
    return '"' + shorten(s) + '"';
  }

  /** The value of the key that equals {@code name} ignoring case (an exact match wins). */
  static JsonNode field(JsonNode object, String name) {
    JsonNode exact = object.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, JsonNode> f : object.properties()) {
      if (f.getKey().equalsIgnoreCase(name)) {
        return f.getValue();
      }
    }
    return null;
  }

  private static boolean present(JsonNode node) {
    return node != null && !node.isNull();
  }

  private static ScimException syntax(String detail) {
    return ScimException.badRequest(ScimType.INVALID_SYNTAX, detail);
  }
}
