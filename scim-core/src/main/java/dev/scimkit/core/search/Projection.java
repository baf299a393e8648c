package dev.scimkit.core.search;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.CommonAttributes;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Returned;
import dev.scimkit.core.schema.Schema;
import dev.scimkit.filter.AttributePath;
import dev.scimkit.filter.FilterParseException;
import dev.scimkit.filter.Filters;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which attributes a response carries: the {@code attributes} and {@code excludedAttributes}
 * parameters (RFC 7644 section 3.4.2.5) combined with each attribute's {@code returned}
 * characteristic (RFC 7643 section 7).
 *
 * <pre>{@code
 * Projection projection = Projection.fromParameters(Schemas.groupType(), null, "members");
 * if (projection.includes("members")) { ... load the members ... }
 * ObjectNode shown = projection.apply(representation);
 * }</pre>
 *
 * <p>The rules, for each attribute and sub-attribute of a representation:
 *
 * <ul>
 *   <li>{@code returned: always} ({@code id}, and {@code schemas}, which is always kept as it is)
 *       is always kept; {@code returned: never} ({@code password}) is always removed.
 *   <li>Without {@code attributes}, {@code returned: default} is kept unless excluded, and {@code
 *       returned: request} is removed.
 *   <li>With {@code attributes}, only what it names is kept (besides {@code always}). Naming a
 *       complex attribute keeps its {@code default} sub-attributes; naming a sub-attribute ({@code
 *       name.givenName}, {@code emails.value}, {@code meta.lastModified}) keeps its parent with
 *       just the named sub-attributes. A {@code request} attribute or sub-attribute is kept only
 *       when named itself.
 *   <li>Naming an extension URN ({@code
 *       urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}) in either list selects or
 *       excludes every attribute under it. Extension attributes may be named qualified or, when
 *       unambiguous, unqualified ({@code employeeNumber}).
 *   <li>{@code excludedAttributes} applies after {@code attributes} when both are given: it can
 *       remove anything but {@code always} attributes, down to single sub-attributes.
 *   <li>Names match in any letter case. Names of attributes the type does not have are ignored.
 *   <li>Elements of multi-valued complex attributes left with no sub-attribute are removed, and
 *       so is an attribute or extension object left empty. {@code schemas} is not changed when an
 *       extension object is removed: it still says which schemas the resource has.
 *   <li>Members of the representation that no schema defines are kept when no {@code attributes}
 *       is given, and removed when it is.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Projection {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private enum Decision {
    /** Not shown at all. */
    DROP,
    /** A {@code returned: always} attribute: shown with its default sub-attributes. */
    ALWAYS,
    /** Selected by the parameters. */
    SELECTED,
    /** Not selected, but it has {@code returned: always} sub-attributes, shown alone. */
    ALWAYS_SUBS_ONLY
  }

  private final ResourceType type;
  private final Selection included;
  private final Selection excluded;

  private Projection(ResourceType type, Selection included, Selection excluded) {
    this.type = type;
    this.included = included;
    this.excluded = excluded;
  }

  /** The projection of a request with neither {@code attributes} nor {@code excludedAttributes}. */
  public static Projection defaults(ResourceType type) {
    requireNonNull(type, "type == null");
    return new Projection(type, Selection.NOT_GIVEN, Selection.NOT_GIVEN);
  }

  /**
   * The projection of query parameters as the client sent them.
   *
   * @param attributes the {@code attributes} parameter, comma-separated; null or blank when not
   *     given
   * @param excludedAttributes the {@code excludedAttributes} parameter, comma-separated; null or
   *     blank when not given
   * @throws ScimException 400 {@code invalidValue} if an entry is not a well-formed attribute path
   */
  public static Projection fromParameters(
      ResourceType type, String attributes, String excludedAttributes) {
    return of(
        type,
        attributes == null ? null : List.of(attributes),
        excludedAttributes == null ? null : List.of(excludedAttributes));
  }

  /**
   * The projection of attribute lists, as in a {@code SearchRequest} body; each entry may itself
   * be comma-separated.
   *
   * @param attributes the {@code attributes} paths, or null when not given
   * @param excludedAttributes the {@code excludedAttributes} paths, or null when not given
   * @throws ScimException 400 {@code invalidValue} if an entry is not a well-formed attribute path
   */
  public static Projection of(
      ResourceType type, Collection<String> attributes, Collection<String> excludedAttributes) {
    requireNonNull(type, "type == null");
    return new Projection(
        type,
        Selection.parse(type, "attributes", attributes),
        Selection.parse(type, "excludedAttributes", excludedAttributes));
  }

  /** Whether the client gave {@code attributes}, so that only what it names is returned. */
  public boolean restrictsAttributes() {
    return included.given;
  }

  /**
   * Whether a response would show any of {@code attribute} (or, for a path with a
   * sub-attribute, that sub-attribute). The engine asks this to avoid loading what it would then
   * remove: {@code includes("members")} is false for Entra's {@code
   * excludedAttributes=members}, {@code includes("groups")} for {@code attributes=userName}.
   */
  public boolean includes(ResolvedAttribute attribute) {
    requireNonNull(attribute, "attribute == null");
    if (attribute.attribute() == SearchAttributes.SCHEMAS) {
      return true;
    }
    String key = key(attribute.schema(), attribute.attribute().name());
    String extension = attribute.extension() ? lower(attribute.schema()) : null;
    Decision decision = decide(key, extension, attribute.attribute());
    if (decision == Decision.DROP) {
      return false;
    }
    Attribute sub = attribute.subAttribute();
    return sub == null || keepSub(decision, key, extension, sub, sub.lowerName());
  }

  /**
   * As {@link #includes(ResolvedAttribute)}, for an attribute path or an extension URN written as
   * in the parameters; false for a name the type does not have.
   *
   * @throws ScimException 400 {@code invalidValue} if {@code attributePath} is not well formed
   */
  public boolean includes(String attributePath) {
    requireNonNull(attributePath, "attributePath == null");
    AttributePath path = parse("attributePath", attributePath.strip());
    Schema extension = extensionNamedBy(type, path);
    if (extension != null) {
      for (Attribute a : extension.attributes()) {
        if (includes(new ResolvedAttribute(extension.id(), true, a, null))) {
          return true;
        }
      }
      return false;
    }
    ResolvedAttribute attribute = SearchAttributes.resolve(type, path);
    return attribute != null && includes(attribute);
  }

  /**
   * Returns a new representation holding what this projection shows of {@code representation},
   * in its order. Values are copied; the input is not changed.
   */
  public ObjectNode apply(ObjectNode representation) {
    return project(representation, true);
  }

  /**
   * As {@link #apply}, but what is shown whole is shared with {@code representation} rather than
   * copied: the result is a new object whose values may be the input's own nodes. For a caller
   * that treats both as read-only from then on, as the engine does with the documents a store
   * hands over (a default projection then allocates a new object only for what it leaves out
   * part of, and for the top level).
   */
  public ObjectNode view(ObjectNode representation) {
    return project(representation, false);
  }

  private ObjectNode project(ObjectNode representation, boolean copy) {
    requireNonNull(representation, "representation == null");
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : representation.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals("schemas")) {
        out.set(name, copy ? value.deepCopy() : value);
        continue;
      }
      Schema extension = name.indexOf(':') >= 0 ? type.extension(name) : null;
      if (extension != null) {
        JsonNode kept = projectExtension(extension, value, copy);
        if (kept != null) {
          out.set(name, kept);
        }
        continue;
      }
      String schema = CommonAttributes.URN;
      Attribute attribute = CommonAttributes.byName(name);
      if (attribute == null) {
        schema = type.schema().id();
        attribute = type.schema().attribute(name);
      }
      JsonNode kept =
          attribute == null
              ? (included.given ? null : copyOf(value, copy))
              : project(key(schema, attribute.name()), null, attribute, value, copy);
      if (kept != null) {
        out.set(name, kept);
      }
    }
    return out;
  }

  private static JsonNode copyOf(JsonNode value, boolean copy) {
    return copy ? value.deepCopy() : value;
  }

  private JsonNode projectExtension(Schema extension, JsonNode value, boolean copy) {
    String urn = lower(extension.id());
    if (!value.isObject()) {
      boolean shown = included.given ? included.extensions.contains(urn) : true;
      return shown && !excluded.extensions.contains(urn) ? copyOf(value, copy) : null;
    }
    ObjectNode out = NODES.objectNode();
    boolean whole = true;
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      Attribute attribute = extension.attribute(field.getKey());
      JsonNode kept;
      if (attribute == null) {
        boolean shown = !included.given || included.extensions.contains(urn);
        kept = shown && !excluded.extensions.contains(urn) ? copyOf(field.getValue(), copy) : null;
      } else {
        kept = project(key(extension.id(), attribute.name()), urn, attribute, field.getValue(), copy);
      }
      if (kept != null) {
        out.set(field.getKey(), kept);
      }
      whole &= kept == field.getValue();
    }
    if (out.isEmpty()) {
      return null;
    }
    return whole && !copy ? value : out;
  }

  /** The shown part of one attribute's value, or null to leave it out. */
  private JsonNode project(
      String key, String extension, Attribute attribute, JsonNode value, boolean copy) {
    Decision decision = decide(key, extension, attribute);
    if (decision == Decision.DROP) {
      return null;
    }
    if (value.isArray() && attribute.isComplex()) {
      ArrayNode out = NODES.arrayNode();
      boolean whole = true;
      for (JsonNode element : value) {
        JsonNode kept = null;
        if (element.isObject()) {
          ObjectNode shown = projectComplex(decision, key, extension, attribute, element, copy);
          kept = shown.isEmpty() ? null : shown;
        } else if (decision != Decision.ALWAYS_SUBS_ONLY) {
          kept = copyOf(element, copy);
        }
        if (kept != null) {
          out.add(kept);
        }
        whole &= kept == element;
      }
      if (out.isEmpty() && !value.isEmpty()) {
        return null;
      }
      return whole && !copy ? value : out;
    }
    if (value.isObject() && attribute.isComplex()) {
      ObjectNode kept = projectComplex(decision, key, extension, attribute, value, copy);
      return kept.isEmpty() && !value.isEmpty() ? null : kept;
    }
    return decision == Decision.ALWAYS_SUBS_ONLY ? null : copyOf(value, copy);
  }

  /**
   * The shown sub-attributes of one complex value: a new object, or, when sharing and every one
   * is shown, {@code element} itself.
   */
  private ObjectNode projectComplex(
      Decision decision,
      String key,
      String extension,
      Attribute attribute,
      JsonNode element,
      boolean copy) {
    if (!copy && showsEvery(decision, key, extension, attribute, element)) {
      return (ObjectNode) element;
    }
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : element.properties()) {
      if (shows(decision, key, extension, attribute, field.getKey())) {
        out.set(field.getKey(), copyOf(field.getValue(), copy));
      }
    }
    return out;
  }

  private boolean showsEvery(
      Decision decision, String key, String extension, Attribute attribute, JsonNode element) {
    for (Map.Entry<String, JsonNode> field : element.properties()) {
      if (!shows(decision, key, extension, attribute, field.getKey())) {
        return false;
      }
    }
    return true;
  }

  /** Whether the sub-attribute {@code name} of a complex value shows. */
  private boolean shows(
      Decision decision, String key, String extension, Attribute attribute, String name) {
    Attribute sub = attribute.subAttribute(name);
    return keepSub(decision, key, extension, sub, sub != null ? sub.lowerName() : lower(name));
  }

  private Decision decide(String key, String extension, Attribute attribute) {
    Returned returned = attribute.returned();
    if (returned == Returned.NEVER) {
      return Decision.DROP;
    }
    if (returned == Returned.ALWAYS) {
      return Decision.ALWAYS;
    }
    boolean selected;
    if (excluded.whole.contains(key)
        || (extension != null && excluded.extensions.contains(extension))) {
      selected = false;
    } else if (included.given) {
      selected =
          included.whole.contains(key)
              || included.subs.containsKey(key)
              || (returned == Returned.DEFAULT
                  && extension != null
                  && included.extensions.contains(extension));
    } else {
      selected = returned == Returned.DEFAULT;
    }
    if (selected) {
      return Decision.SELECTED;
    }
    for (Attribute sub : attribute.subAttributes()) {
      if (sub.returned() == Returned.ALWAYS) {
        return Decision.ALWAYS_SUBS_ONLY;
      }
    }
    return Decision.DROP;
  }

  /** Whether a sub-attribute of a shown attribute shows; {@code sub} is null when undefined. */
  private boolean keepSub(
      Decision decision, String key, String extension, Attribute sub, String subName) {
    Returned returned = sub == null ? Returned.DEFAULT : sub.returned();
    if (returned == Returned.NEVER) {
      return false;
    }
    if (returned == Returned.ALWAYS) {
      return true;
    }
    if (decision == Decision.ALWAYS_SUBS_ONLY || excluded.subsOf(key).contains(subName)) {
      return false;
    }
    if (included.subsOf(key).contains(subName)) {
      return true;
    }
    if (returned == Returned.REQUEST) {
      return false;
    }
    if (decision == Decision.ALWAYS || !included.given) {
      return true;
    }
    return included.whole.contains(key)
        || (extension != null && included.extensions.contains(extension));
  }

  /**
   * The lower-case {@code schema:name} key of an attribute, remembered: a projection decides
   * every attribute of every resource it shows, and the schema URNs and names it is asked about
   * are those of the resource types, a small fixed set (names a client sends that no type has
   * never get here). Bounded all the same, in case a host keeps creating types.
   */
  private static String key(String schema, String attributeName) {
    Map<String, String> byName = KEYS.get(schema);
    if (byName == null) {
      if (KEYS.size() >= MAX_KEYED_SCHEMAS) {
        return lower(schema) + ':' + lower(attributeName);
      }
      byName = KEYS.computeIfAbsent(schema, k -> new ConcurrentHashMap<>());
    }
    String key = byName.get(attributeName);
    if (key == null) {
      key = lower(schema) + ':' + lower(attributeName);
      if (byName.size() < MAX_KEYED_NAMES) {
        byName.put(attributeName, key);
      }
    }
    return key;
  }

  private static final int MAX_KEYED_SCHEMAS = 256;
  private static final int MAX_KEYED_NAMES = 1_024;
  private static final Map<String, Map<String, String>> KEYS = new ConcurrentHashMap<>();

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static AttributePath parse(String parameter, String text) {
    try {
      return Filters.parseAttributePath(text);
    } catch (FilterParseException e) {
      throw ScimException.badRequest(
          ScimType.INVALID_VALUE, "invalid attribute in '" + parameter + "': " + e.getMessage());
    }
  }

  /** The extension {@code path} names as a whole ({@code urn:…:enterprise:2.0:User}), or null. */
  private static Schema extensionNamedBy(ResourceType type, AttributePath path) {
    if (path.schema() == null || path.subAttribute() != null) {
      return null;
    }
    return type.extension(path.schema() + ':' + path.name());
  }

  @Override
  public String toString() {
    return "Projection{" + type.name() + ", attributes=" + included + ", excluded=" + excluded
        + '}';
  }

  /** The attributes one parameter names, as lower-case keys {@code schema:name}. */
  private static final class Selection {
    static final Selection NOT_GIVEN = new Selection(false);

    final boolean given;
    final Set<String> whole = new HashSet<>();
    final Map<String, Set<String>> subs = new HashMap<>();
    final Set<String> extensions = new HashSet<>();

    private Selection(boolean given) {
      this.given = given;
    }

    Set<String> subsOf(String key) {
      return subs.getOrDefault(key, Set.of());
    }

    static Selection parse(ResourceType type, String parameter, Collection<String> entries) {
      if (entries == null) {
        return NOT_GIVEN;
      }
      Selection selection = new Selection(true);
      boolean any = false;
      for (String entry : entries) {
        requireNonNull(entry, parameter + " contains null");
        for (String part : entry.split(",", -1)) {
          String text = part.strip();
          if (text.isEmpty()) {
            continue;
          }
          any = true;
          selection.add(type, Projection.parse(parameter, text));
        }
      }
      return any ? selection : NOT_GIVEN;
    }

    private void add(ResourceType type, AttributePath path) {
      Schema extension = extensionNamedBy(type, path);
      if (extension != null) {
        extensions.add(lower(extension.id()));
        return;
      }
      ResolvedAttribute attribute = SearchAttributes.resolve(type, path);
      if (attribute == null) {
        return; // unknown names are ignored
      }
      String key = key(attribute.schema(), attribute.attribute().name());
      if (attribute.subAttribute() == null) {
        whole.add(key);
      } else {
        subs.computeIfAbsent(key, k -> new HashSet<>()).add(lower(attribute.subAttribute().name()));
      }
    }

    @Override
    public String toString() {
      if (!given) {
        return "-";
      }
      return "{whole=" + whole + ", subs=" + subs + ", extensions=" + extensions + '}';
    }
  }
}
