package dev.scimkit.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.CommonAttributes;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.store.StoredResource;
import java.util.function.Predicate;

/**
 * Reads the values one resolved attribute path names from a {@link ResourceSource} and applies a
 * {@link ValueTest} to them: true when any value passes (multi-valued attributes match if any
 * value matches).
 *
 * <p>Reading is tolerant of documents a little off their schema, so that what a client stored
 * can still be found: a single-valued attribute held as an array is read element by element, and
 * a bare value where a complex one is expected (Entra's {@code "manager": "<id>"}) is read as that
 * complex value's {@code value}.
 */
final class AttributeReader {

  private enum FromRecord {
    NONE,
    ID,
    META
  }

  private final String name;
  private final String extensionUrn;
  private final boolean complex;
  private final String subName;
  private final FromRecord fromRecord;
  private final String resourceTypeName;

  /**
   * @param attribute the resolved path
   * @param resourceTypeName the value of {@code meta.resourceType} for stored resources
   */
  AttributeReader(ResolvedAttribute attribute, String resourceTypeName) {
    this.name = attribute.attribute().name();
    this.extensionUrn = attribute.extension() ? attribute.schema() : null;
    this.complex = attribute.attribute().isComplex();
    this.subName = attribute.subAttribute() == null ? null : attribute.subAttribute().name();
    if (SearchAttributes.isCommon(attribute, CommonAttributes.ID)) {
      fromRecord = FromRecord.ID;
    } else if (SearchAttributes.isCommon(attribute, CommonAttributes.META)) {
      fromRecord = FromRecord.META;
    } else {
      fromRecord = FromRecord.NONE;
    }
    this.resourceTypeName = resourceTypeName;
  }

  /** The attribute's whole value (the top-level node), or null. */
  JsonNode top(ResourceSource source) {
    if (extensionUrn == null) {
      return source.topLevel(name);
    }
    JsonNode extension = source.extension(extensionUrn);
    return extension == null || !extension.isObject() ? null : extension.get(name);
  }

  /** {@code pr}. */
  boolean present(ResourceSource source) {
    StoredResource stored = source.stored();
    if (stored != null && fromRecord != FromRecord.NONE) {
      return fromRecord(stored, ValueTest.PRESENT, true);
    }
    JsonNode top = top(source);
    return subName == null
        ? ScimValues.isPresent(top)
        : anyElement(top, subName, ValueTest.PRESENT);
  }

  /**
   * A comparison: on the sub-attribute when the path names one, on the {@code value}
   * sub-attribute of a complex attribute named alone, else on the attribute's values.
   */
  boolean compare(ResourceSource source, ValueTest test) {
    StoredResource stored = source.stored();
    if (stored != null && fromRecord != FromRecord.NONE) {
      return fromRecord(stored, test, false);
    }
    JsonNode top = top(source);
    if (ScimValues.isAbsent(top)) {
      return false;
    }
    if (subName != null) {
      return anyElement(top, subName, test);
    }
    return complex ? anyElement(top, "value", test) : anyValue(top, test);
  }

  /** Whether the attribute has a value at all, for a value filter on a single-valued attribute. */
  boolean exists(ResourceSource source) {
    if (source.stored() != null && fromRecord != FromRecord.NONE) {
      return true;
    }
    return !ScimValues.isAbsent(top(source));
  }

  /** A value filter on a multi-valued attribute: some element satisfies {@code inner}. */
  boolean anyElementMatches(ResourceSource source, Predicate<JsonNode> inner) {
    JsonNode top = top(source);
    if (ScimValues.isAbsent(top)) {
      return false;
    }
    if (top.isArray()) {
      for (JsonNode element : top) {
        if (inner.test(element)) {
          return true;
        }
      }
      return false;
    }
    return inner.test(top);
  }

  /** Tests the values of sub-attribute {@code sub} of one element of a complex attribute. */
  static boolean elementHas(JsonNode element, String sub, ValueTest test) {
    if (element.isObject()) {
      JsonNode value = element.get(sub);
      return value != null && anyValue(value, test);
    }
    if (!element.isContainerNode() && !element.isNull() && sub.equals("value")) {
      return test.node(element);
    }
    return false;
  }

  private static boolean anyElement(JsonNode top, String sub, ValueTest test) {
    if (ScimValues.isAbsent(top)) {
      return false;
    }
    if (top.isArray()) {
      for (JsonNode element : top) {
        if (elementHas(element, sub, test)) {
          return true;
        }
      }
      return false;
    }
    return elementHas(top, sub, test);
  }

  private static boolean anyValue(JsonNode value, ValueTest test) {
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (test.node(element)) {
          return true;
        }
      }
      return false;
    }
    return test.node(value);
  }

  /** {@code id} and {@code meta} of a stored resource, read from the record's components. */
  private boolean fromRecord(StoredResource stored, ValueTest test, boolean presence) {
    if (fromRecord == FromRecord.ID) {
      return test.text(stored.id());
    }
    if (subName == null) {
      return presence; // meta is always there, and has no value to compare
    }
    return switch (subName) {
      case "created" -> test.instant(stored.created());
      case "lastModified" -> test.instant(stored.lastModified());
      case "version" -> test.text(ScimValues.versionTag(stored.version()));
      case "resourceType" -> test.text(resourceTypeName);
      default -> false; // location depends on the request's base URI, which a record lacks
    };
  }
}
