package dev.scimkit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.Mutability;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schema;

/**
 * Checks a normalised document against its schema: required attributes (also required
 * sub-attributes of each complex value), and, against the previous state, immutable attributes.
 * Types were already checked by {@link ResourceNormalizer}.
 *
 * <p>A required string attribute whose value is empty or only white space counts as missing: it
 * names nothing ({@code "userName": "   "} is no user name), and a store would otherwise keep it
 * as a unique key that every other blank collides with.
 */
public final class ResourceValidator {
  private final ResourceType type;

  public ResourceValidator(ResourceType type) {
    this.type = type;
  }

  /**
   * @throws ScimException 400 {@code invalidValue} naming the first required attribute that is
   *     missing, or a string that is blank
   */
  public void checkRequired(ObjectNode doc) {
    checkRequired(type.schema(), doc, "");
    for (ResourceType.Extension e : type.extensions()) {
      JsonNode ext = doc.get(e.schema().id());
      if (ext instanceof ObjectNode o) {
        checkRequired(e.schema(), o, e.schema().id() + ":");
      } else if (e.required()) {
        throw ScimException.badRequest(
            ScimType.INVALID_VALUE, "the extension " + e.schema().id() + " is required");
      }
    }
  }

  private static void checkRequired(Schema schema, ObjectNode container, String prefix) {
    for (Attribute a : schema.attributes()) {
      JsonNode v = container.get(a.name());
      if (a.required() && a.mutability() != Mutability.READ_ONLY) {
        checkPresent(a, v, prefix + a.name());
      }
      if (v != null && a.isComplex()) {
        if (v.isArray()) {
          for (JsonNode element : v) {
            checkRequiredSubs(a, element, prefix);
          }
        } else {
          checkRequiredSubs(a, v, prefix);
        }
      }
    }
  }

  private static void checkRequiredSubs(Attribute a, JsonNode value, String prefix) {
    for (Attribute sub : a.subAttributes()) {
      if (sub.required() && sub.mutability() != Mutability.READ_ONLY) {
        checkPresent(sub, value.get(sub.name()), prefix + a.name() + "." + sub.name());
      }
    }
  }

  /**
   * Makes {@code next} keep what a client may not change: immutable attributes already set in
   * {@code previous} are copied over when absent from {@code next}, and a different value is
   * {@code 400 mutability}; write-only attributes ({@code password}) absent from {@code next} are
   * kept, since a client can never read them back to resend them.
   *
   * @param removalAllowed whether an immutable attribute missing from {@code next} is simply
   *     carried over (PUT, where absent means "not mentioned") rather than a {@code mutability}
   *     error (PATCH, where absent means "removed")
   */
  public void carryOver(ObjectNode previous, ObjectNode next, boolean removalAllowed) {
    carryOver(type.schema(), previous, next, "", removalAllowed);
    for (ResourceType.Extension e : type.extensions()) {
      JsonNode before = previous.get(e.schema().id());
      if (before instanceof ObjectNode b) {
        JsonNode after = next.get(e.schema().id());
        ObjectNode a = after instanceof ObjectNode o ? o : next.putObject(e.schema().id());
        carryOver(e.schema(), b, a, e.schema().id() + ":", removalAllowed);
        if (a.isEmpty()) {
          next.remove(e.schema().id());
        }
      }
    }
  }

  private static void carryOver(
      Schema schema, ObjectNode previous, ObjectNode next, String prefix, boolean removalAllowed) {
    for (Attribute a : schema.attributes()) {
      JsonNode before = previous.get(a.name());
      if (isMissing(before)) {
        continue;
      }
      JsonNode after = next.get(a.name());
      if (a.mutability() == Mutability.IMMUTABLE) {
        if (isMissing(after) && removalAllowed) {
          next.set(a.name(), before);
        } else if (isMissing(after)) {
          throw ScimException.badRequest(
              ScimType.MUTABILITY, "'" + prefix + a.name() + "' is immutable and cannot be removed");
        } else if (!after.equals(before)) {
          throw ScimException.badRequest(
              ScimType.MUTABILITY, "'" + prefix + a.name() + "' is immutable and cannot be changed");
        }
      } else if (a.mutability() == Mutability.WRITE_ONLY && isMissing(after)) {
        next.set(a.name(), before);
      }
    }
  }

  private static void checkPresent(Attribute a, JsonNode v, String written) {
    if (isMissing(v)) {
      throw ScimException.badRequest(ScimType.INVALID_VALUE, "'" + written + "' is required");
    }
    if (a.type() == AttributeType.STRING && !a.multiValued() && v.isTextual() && v.textValue().isBlank()) {
      throw ScimException.badRequest(
          ScimType.INVALID_VALUE, "'" + written + "' is required and must not be blank");
    }
  }

  private static boolean isMissing(JsonNode v) {
    return ResourceNormalizer.isAbsent(v);
  }
}
