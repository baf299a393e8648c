package dev.scimkit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.CommonAttributes;
import dev.scimkit.core.schema.Mutability;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schema;
import dev.scimkit.filter.AttributePath;
import dev.scimkit.filter.FilterParseException;
import dev.scimkit.filter.Filters;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Turns what clients really send into the canonical document the engine stores, before any
 * validation. Every client quirk of {@code CLIENTS.md} that concerns the shape of values is
 * handled here, once, for POST, PUT and PATCH alike:
 *
 * <ul>
 *   <li>{@code null} means absent; so do {@code []} and {@code {}};
 *   <li>attribute names in any letter case become the schema's spelling; URN-qualified and dotted
 *       keys ({@code "name.givenName"}) are placed where they belong;
 *   <li>booleans sent as strings ({@code "True"}, {@code "false"}) become booleans;
 *   <li>a complex attribute sent as a plain value ({@code "manager": "<id>"}) becomes {@code
 *       {"value": …}};
 *   <li>a single value sent for a multi-valued attribute becomes a one-element array;
 *   <li>numbers sent for string attributes are kept as their text;
 *   <li>read-only attributes ({@code id}, {@code meta}, {@code groups}, …) and unknown attributes
 *       are dropped; the client's {@code schemas} list is ignored and rebuilt from what is present.
 * </ul>
 *
 * <p>Values are otherwise kept exactly as sent: no trimming, no case folding, no reformatting.
 * Values that cannot be made to fit (an object for a string, {@code "yes"} for a boolean) are
 * {@code 400 invalidValue}, and so is text that not every store can keep ({@link UnicodeText}: a
 * NUL character or an unpaired surrogate).
 */
public final class ResourceNormalizer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ResourceType type;

  public ResourceNormalizer(ResourceType type) {
    this.type = type;
  }

  /**
   * Normalises a resource body (POST, PUT, or a path-less PATCH value).
   *
   * @throws ScimException 400 {@code invalidSyntax} if the body is not an object, 400 {@code
   *     invalidValue} if a value does not fit its attribute
   */
  public ObjectNode normalizeResource(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ScimException.badRequest(ScimType.INVALID_SYNTAX, "the request body must be a JSON object");
    }
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (isAbsent(value) || key.equalsIgnoreCase("schemas")) {
        continue;
      }
      Schema extension = type.extension(key);
      if (extension != null) {
        if (!value.isObject()) {
          throw ScimException.badRequest(
              ScimType.INVALID_VALUE, "the extension " + key + " must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
          ResolvedAttribute r = type.resolve(extension.id(), e.getKey(), null);
          if (r != null) {
            put(out, r, e.getValue(), key + ":" + e.getKey());
          }
        }
        continue;
      }
      ResolvedAttribute r = resolveKey(key);
      if (r != null) {
        put(out, r, value, key);
      }
    }
    rebuildSchemas(out);
    return out;
  }

  /**
   * Resolves a body key: a plain name, a dotted {@code name.sub}, or a URN-qualified name.
   * Returns {@code null} for keys that name no attribute of the type.
   */
  public ResolvedAttribute resolveKey(String key) {
    AttributePath path;
    try {
      path = Filters.parseAttributePath(key);
    } catch (FilterParseException e) {
      return null;
    }
    return type.resolve(path);
  }

  /**
   * Places a normalised value for {@code r} into {@code doc}, replacing what was there (for a
   * sub-attribute, only that sub-attribute of a single-valued complex attribute). Read-only
   * attributes are skipped.
   */
  public void put(ObjectNode doc, ResolvedAttribute r, JsonNode value, String written) {
    if (isReadOnly(r)) {
      return;
    }
    ObjectNode container = container(doc, r, true);
    if (r.subAttribute() == null) {
      JsonNode normalized = normalizeValue(r.attribute(), value, written);
      if (normalized == null) {
        container.remove(r.attribute().name());
      } else {
        container.set(r.attribute().name(), normalized);
      }
      return;
    }
    if (r.attribute().multiValued()) {
      // "emails.value": as a body key this has no single target; PATCH handles it with a path.
      throw ScimException.badRequest(
          ScimType.INVALID_VALUE,
          "'" + written + "' names a sub-attribute of the multi-valued attribute "
              + r.attribute().name() + "; use a PATCH path with a filter");
    }
    JsonNode normalized = normalizeValue(r.subAttribute(), value, written);
    JsonNode parent = container.get(r.attribute().name());
    ObjectNode parentObject = parent instanceof ObjectNode o ? o : NODES.objectNode();
    if (normalized == null) {
      parentObject.remove(r.subAttribute().name());
    } else {
      parentObject.set(r.subAttribute().name(), normalized);
    }
    if (parentObject.isEmpty()) {
      container.remove(r.attribute().name());
    } else {
      container.set(r.attribute().name(), parentObject);
    }
  }

  /**
   * The object that holds {@code r}'s attribute in {@code doc}: {@code doc} itself, or the
   * extension object under its URN (created when {@code create} is true, else {@code null} if
   * absent).
   */
  public static ObjectNode container(ObjectNode doc, ResolvedAttribute r, boolean create) {
    if (!r.extension()) {
      return doc;
    }
    JsonNode ext = doc.get(r.schema());
    if (ext instanceof ObjectNode o) {
      return o;
    }
    if (!create) {
      return null;
    }
    return doc.putObject(r.schema());
  }

  /** Removes extension objects left empty and rebuilds {@code schemas} from what is present. */
  public void rebuildSchemas(ObjectNode doc) {
    ArrayNode schemas = NODES.arrayNode();
    schemas.add(type.schema().id());
    for (ResourceType.Extension e : type.extensions()) {
      JsonNode ext = doc.get(e.schema().id());
      if (ext != null && ext.isObject() && ext.isEmpty()) {
        doc.remove(e.schema().id());
      } else if (ext != null) {
        schemas.add(e.schema().id());
      }
    }
    doc.remove("schemas");
    // schemas first, then everything else in the order it came
    ObjectNode copy = doc.deepCopy();
    doc.removeAll();
    doc.set("schemas", schemas);
    doc.setAll(copy);
  }

  private static boolean isReadOnly(ResolvedAttribute r) {
    if (r.schema().equals(CommonAttributes.URN) && !r.attribute().name().equals("externalId")) {
      return true;
    }
    return r.target().mutability() == Mutability.READ_ONLY
        || r.attribute().mutability() == Mutability.READ_ONLY;
  }

  static boolean isAbsent(JsonNode value) {
    return value == null
        || value.isNull()
        || value.isMissingNode()
        || (value.isContainerNode() && value.isEmpty());
  }

  /**
   * Normalises one value for {@code def} (multi-valued: an array, or a single element that is
   * wrapped). Returns {@code null} when the value means "absent".
   */
  public JsonNode normalizeValue(Attribute def, JsonNode value, String written) {
    if (isAbsent(value)) {
      return null;
    }
    if (def.multiValued()) {
      ArrayNode out = NODES.arrayNode();
      if (value.isArray()) {
        for (JsonNode element : value) {
          JsonNode n = normalizeSingle(def, element, written);
          if (n != null) {
            out.add(n);
          }
        }
      } else {
        JsonNode n = normalizeSingle(def, value, written);
        if (n != null) {
          out.add(n);
        }
      }
      return out.isEmpty() ? null : out;
    }
    if (value.isArray()) {
      if (value.size() == 1) {
        return normalizeSingle(def, value.get(0), written);
      }
      throw invalid(written, "a single value, not an array");
    }
    return normalizeSingle(def, value, written);
  }

  /** Normalises one element: a complex object or a simple value. */
  public JsonNode normalizeSingle(Attribute def, JsonNode value, String written) {
    if (isAbsent(value)) {
      return null;
    }
    if (def.isComplex()) {
      if (!value.isObject()) {
        Attribute valueSub = def.subAttribute("value");
        if (valueSub == null || value.isArray()) {
          throw invalid(written, "a JSON object");
        }
        ObjectNode wrapped = NODES.objectNode();
        wrapped.set(valueSub.name(), simple(valueSub, value, written + ".value"));
        return wrapped;
      }
      ObjectNode out = NODES.objectNode();
      for (Map.Entry<String, JsonNode> f : value.properties()) {
        Attribute sub = def.subAttribute(f.getKey());
        if (sub == null || isAbsent(f.getValue()) || sub.mutability() == Mutability.READ_ONLY) {
          continue;
        }
        JsonNode n =
            sub.multiValued()
                ? normalizeValue(sub, f.getValue(), written + "." + f.getKey())
                : normalizeSingle(sub, f.getValue(), written + "." + f.getKey());
        if (n != null) {
          out.set(sub.name(), n);
        }
      }
      return out.isEmpty() ? null : out;
    }
    return simple(def, value, written);
  }

  private static JsonNode simple(Attribute def, JsonNode value, String written) {
    if (value.isContainerNode()) {
      throw invalid(written, "a " + def.type().value() + ", not a JSON " + (value.isArray() ? "array" : "object"));
    }
    switch (def.type()) {
      case BOOLEAN -> {
        if (value.isBoolean()) {
          return value;
        }
        if (value.isTextual()) {
          String s = value.asText();
          if (s.equalsIgnoreCase("true")) {
            return NODES.booleanNode(true);
          }
          if (s.equalsIgnoreCase("false")) {
            return NODES.booleanNode(false);
          }
        }
        throw invalid(written, "a boolean");
      }
      case INTEGER -> {
        BigDecimal n = number(value);
        if (n == null || !Numbers.isModest(n) || n.stripTrailingZeros().scale() > 0) {
          throw invalid(written, "an integer");
        }
        return value.isNumber() ? value : NODES.numberNode(n.toBigIntegerExact());
      }
      case DECIMAL -> {
        BigDecimal n = number(value);
        if (n == null) {
          throw invalid(written, "a decimal number");
        }
        return value.isNumber() ? value : NODES.numberNode(n);
      }
      case DATE_TIME -> {
        if (!value.isTextual() || !isDateTime(value.asText())) {
          throw invalid(written, "a dateTime such as 2008-01-23T04:56:22Z");
        }
        return value;
      }
      default -> {
        // string, reference, binary: keep the text exactly as sent, if every store can keep it
        if (value.isTextual()) {
          String defect = UnicodeText.defect(value.textValue());
          if (defect != null) {
            throw ScimException.badRequest(
                ScimType.INVALID_VALUE, "the value of '" + written + "' contains " + defect + ", which cannot be stored");
          }
          return value;
        }
        return NODES.textNode(value.asText());
      }
    }
  }

  private static BigDecimal number(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Whether {@code s} is an xsd:dateTime, with or without an offset. */
  public static boolean isDateTime(String s) {
    try {
      OffsetDateTime.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime.parse(s);
        return true;
      } catch (DateTimeParseException e2) {
        return false;
      }
    }
  }

  private static ScimException invalid(String written, String expected) {
    return ScimException.badRequest(
        ScimType.INVALID_VALUE, "the value of '" + written + "' must be " + expected);
  }
}
