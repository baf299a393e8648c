package dev.scimkit.core.patch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.internal.ResourceNormalizer;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.Mutability;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schema;
import dev.scimkit.core.store.Member;
import dev.scimkit.filter.AttributePath;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterParseException;
import dev.scimkit.filter.FilterValue;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.PatchPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Applies a {@link PatchRequest} to a resource's stored document (RFC 7644 section 3.5.2), with
 * the client dialects of {@code CLIENTS.md}. One applier serves one resource type; it is
 * immutable and thread-safe.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>The stored document is never modified: the result is a new document.
 *   <li>A request is atomic: if any operation fails, {@code apply} throws and returns nothing.
 *   <li>Operations are applied in order, each seeing the effect of the ones before it.
 *   <li>Every value written goes through the same normalisation as POST and PUT: attribute names
 *       in any case, {@code "True"}/{@code "False"} for booleans, a plain value for a complex
 *       attribute with a {@code value} sub-attribute ({@code "manager": "<id>"}), a single value
 *       for a multi-valued attribute, {@code null}/{@code []}/{@code {}} meaning "absent".
 *   <li>{@code schemas} is rebuilt from the extensions present in the result.
 *   <li>Group members never appear in the result document: member operations become a {@link
 *       MembershipChange}.
 * </ul>
 *
 * <h2>Targets</h2>
 *
 * <ul>
 *   <li>A path may be plain ({@code displayName}), dotted ({@code name.givenName}),
 *       URN-qualified ({@code urn:…:enterprise:2.0:User:employeeNumber}), an unqualified
 *       extension attribute ({@code manager}), a value path ({@code emails[type eq "work"]}) with
 *       an optional sub-attribute ({@code …].value}), or an extension URN (whose object value is
 *       applied attribute by attribute). Names are matched ignoring case.
 *   <li>A path-less {@code add} or {@code replace} takes an object; each key is applied as its own
 *       operation with that key as path (plain, dotted, URN-qualified, a value path, or an
 *       extension URN with an object). Keys that name no attribute, and read-only attributes
 *       ({@code id}, {@code meta}, {@code schemas}, {@code groups}), are silently ignored, as in a
 *       POST body.
 * </ul>
 *
 * <h2>Semantics</h2>
 *
 * <ul>
 *   <li>{@code add} on a single-valued simple attribute sets it; on a single-valued complex
 *       attribute it merges the given sub-attributes into the current value; on a multi-valued
 *       attribute it appends the values not already present.
 *   <li>{@code replace} sets the attribute to the value: a list replaces the list; a complex
 *       value is merged into the current one, sub-attributes not given being left unchanged (RFC
 *       7644 section 3.5.2.3), unless its {@code value} names another resource ({@code manager}),
 *       when it replaces the current value whole. {@code replace} with {@code null}, {@code []} or
 *       {@code {}} clears the target; a value that only normalises to nothing (say, a complex
 *       value with nothing but read-only or unknown sub-attributes) leaves it as it is.
 *   <li>On a value path, {@code add} and {@code replace} set the sub-attribute (or merge the given
 *       sub-attributes) on every matching value. When none matches and the filter is equality
 *       terms joined by {@code and}, one value is created from those terms (Entra ID's
 *       {@code emails[type eq "work"].value} on a user with no work email); later operations of
 *       the request with the same filter then find and update that value. Any other filter that
 *       matches nothing is {@code 400 noTarget}.
 *   <li>Setting {@code primary} to {@code true} on a value sets it to {@code false} on the other
 *       values of the attribute.
 *   <li>A complex single-valued attribute whose {@code value} is set to {@code ""} is removed
 *       (Entra ID's manager removal, {@code {"value":""}}).
 *   <li>{@code remove} clears the target; on a multi-valued attribute with a {@code value}, only
 *       the listed values are removed; on a value path, the matching values (or their
 *       sub-attribute) are removed, and values or attributes left empty disappear. A value path
 *       that matches nothing is a no-op, not an error: RFC 7644 section 3.5.2.2 defines no error
 *       for it, and a client that retries a removal must not fail.
 * </ul>
 *
 * <h2>Errors (all {@code 400})</h2>
 *
 * <ul>
 *   <li>{@code invalidPath}: the path names no attribute of the type, or a sub-attribute the
 *       attribute does not have, or a filter on an attribute that cannot have one;
 *   <li>{@code mutability}: the path names a read-only attribute or sub-attribute, or a {@code
 *       remove} would leave a required attribute unassigned (RFC 7644 section 3.5.2.2), or it
 *       names a sub-attribute of {@code members};
 *   <li>{@code noTarget}: an {@code add} or {@code replace} value path matches nothing and cannot
 *       create a value (RFC 7644 section 3.5.2.3);
 *   <li>{@code invalidValue}: a value does not fit its attribute.
 * </ul>
 *
 * <p>Immutable attributes are not checked here: compare the result with the stored document.
 *
 * <h2>Group members</h2>
 *
 * <p>For a type whose {@link ResourceType#hasMembers()} is true, operations on {@code members}
 * are folded into {@link PatchResult#membership()}: {@code add} adds the listed members; {@code
 * replace} sets the whole list ({@code []} empties the group); {@code remove} with no value
 * empties the group, {@code remove} with a value removes only the listed members (Entra ID and
 * JumpCloud), {@code remove} of {@code members[value eq "<id>"]} removes that member. Member
 * {@code type} is kept as sent.
 */
public final class PatchApplier {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ResourceType type;
  private final ResourceNormalizer normalizer;
  private final Attribute membersAttribute;

  private PatchApplier(ResourceType type) {
    this.type = type;
    this.normalizer = new ResourceNormalizer(type);
    this.membersAttribute = type.hasMembers() ? type.schema().attribute("members") : null;
  }

  /** The applier for resources of {@code type}. */
  public static PatchApplier forType(ResourceType type) {
    return new PatchApplier(requireNonNull(type, "type == null"));
  }

  /** The resource type this applier serves. */
  public ResourceType resourceType() {
    return type;
  }

  /**
   * Applies a request to a stored document.
   *
   * @param storedDocument the resource as stored: canonical attribute names, extension attributes
   *     under their URN, no {@code members}; not modified
   * @param request the operations
   * @param currentMembers the group's current members, called at most once and only when an
   *     operation cannot be expressed as a delta by id: a member filter other than {@code value eq
   *     "…"} (such as {@code members[type eq "Group"]}). Never called for adds, removes by id,
   *     removes with a value array, or replaces.
   * @return the new document, the membership change, and whether the document changed
   * @throws ScimException 400 if an operation fails (see the class documentation); the detail
   *     starts with the operation's 1-based position. Nothing is returned and nothing changes.
   */
  public PatchResult apply(
      ObjectNode storedDocument, PatchRequest request, Supplier<List<Member>> currentMembers) {
    requireNonNull(storedDocument, "storedDocument == null");
    requireNonNull(request, "request == null");
    requireNonNull(currentMembers, "currentMembers == null");
    ObjectNode doc = storedDocument.deepCopy();
    if (membersAttribute != null) {
      doc.remove(membersAttribute.name());
    }
    Run run = new Run(doc, new MembershipTracker(currentMembers));
    int index = 0;
    for (PatchOperation op : request.operations()) {
      index++;
      try {
        run.apply(op);
      } catch (ScimException e) {
        throw atOperation(index, e);
      }
    }
    normalizer.rebuildSchemas(doc);
    ObjectNode before = storedDocument.deepCopy();
    if (membersAttribute != null) {
      before.remove(membersAttribute.name());
    }
    normalizer.rebuildSchemas(before);
    return new PatchResult(doc, run.members.result(), !doc.equals(before));
  }

  /**
   * As {@link #apply(ObjectNode, PatchRequest, Supplier)}, for callers that cannot list the
   * current members (or whose type has none). An operation that needs them fails with {@link
   * IllegalStateException}.
   */
  public PatchResult apply(ObjectNode storedDocument, PatchRequest request) {
    return apply(
        storedDocument,
        request,
        () -> {
          throw new IllegalStateException("this PATCH needs the current members");
        });
  }

  static ScimException atOperation(int index, ScimException e) {
    return new ScimException(
        e.status(), e.scimType(), "operation " + index + ": " + e.detail(),
        e.getCause() != null ? e.getCause() : e);
  }

  // ---- the work of one apply call -----------------------------------------------------------

  private enum Kind {
    RESOURCE,
    EXTENSION,
    ATTRIBUTE,
    MEMBERS
  }

  /**
   * A resolved path: the whole resource, an extension, an attribute (with its sub-attribute when
   * dotted), optionally with a value filter and a sub-attribute after it, or the members.
   */
  private record Target(
      Kind kind,
      String written,
      ResolvedAttribute resolved,
      Filter filter,
      Attribute filterSub,
      Schema extension) {}

  private final class Run {
    final ObjectNode doc;
    final MembershipTracker members;

    Run(ObjectNode doc, MembershipTracker members) {
      this.doc = doc;
      this.members = members;
    }

    void apply(PatchOperation op) {
      if (op.path() == null) {
        pathless(op.op(), op.value(), "value");
        return;
      }
      if (op.path().trim().equalsIgnoreCase("schemas")) {
        return; // rebuilt from the attributes present
      }
      execute(op.op(), resolve(op.path(), PatchOperation.parse(op.path()), false, null), op.value());
    }

    private void execute(PatchOperation.Op op, Target t, JsonNode value) {
      switch (t.kind()) {
        case RESOURCE -> {
          if (op == PatchOperation.Op.REMOVE) {
            throw ScimException.badRequest(
                ScimType.INVALID_PATH,
                "\"" + t.written() + "\" names the whole resource; remove needs an attribute");
          }
          pathless(op, value, t.written());
        }
        case EXTENSION -> extension(op, t.extension(), value, t.written());
        case MEMBERS -> members(op, t, value);
        case ATTRIBUTE -> {
          if (op == PatchOperation.Op.REMOVE) {
            remove(t, value);
          } else if (t.filter() != null) {
            setByFilter(op, t, value);
          } else {
            set(op, t.resolved(), value, t.written());
          }
        }
      }
    }

    // ---- resolving paths ----------------------------------------------------------------------

    /**
     * Resolves a parsed path. When {@code lenient} (keys of a path-less value), a path that names
     * no attribute or a read-only one gives {@code null} instead of an error.
     */
    private Target resolve(String written, PatchPath p, boolean lenient, String defaultSchema) {
      AttributePath ap = p.attribute();
      if (defaultSchema != null && ap.schema() == null) {
        ap = new AttributePath(defaultSchema, ap.name(), ap.subAttribute());
      }
      if (p.valueFilter() == null && ap.subAttribute() == null && ap.schema() != null) {
        String urn = ap.schema() + ':' + ap.name();
        Schema extension = type.extension(urn);
        if (extension != null) {
          return new Target(Kind.EXTENSION, written, null, null, null, extension);
        }
        if (urn.equalsIgnoreCase(type.schema().id())) {
          return new Target(Kind.RESOURCE, written, null, null, null, null);
        }
      }
      ResolvedAttribute r = type.resolve(ap);
      if (r == null) {
        if (lenient) {
          return null;
        }
        throw ScimException.badRequest(
            ScimType.INVALID_PATH,
            "\"" + PatchOperation.shorten(written) + "\" names no attribute of " + type.name());
      }
      if (isReadOnly(r.attribute()) || (r.subAttribute() != null && isReadOnly(r.subAttribute()))) {
        if (lenient) {
          return null;
        }
        throw readOnly(written);
      }
      if (membersAttribute != null && r.attribute() == membersAttribute) {
        if (r.subAttribute() != null || p.subAttribute() != null) {
          throw ScimException.badRequest(
              ScimType.MUTABILITY,
              "\"" + PatchOperation.shorten(written) + "\": the sub-attributes of a member cannot"
                  + " be changed; add or remove members instead");
        }
        if (p.valueFilter() != null) {
          ElementMatcher.validate(membersAttribute, p.valueFilter(), written);
        }
        return new Target(Kind.MEMBERS, written, r, p.valueFilter(), null, null);
      }
      Attribute filterSub = null;
      if (p.valueFilter() != null) {
        Attribute a = r.attribute();
        if (!a.multiValued() && !a.isComplex()) {
          throw ScimException.badRequest(
              ScimType.INVALID_PATH,
              "\"" + PatchOperation.shorten(written) + "\": " + a.name()
                  + " has a single simple value and cannot take a filter");
        }
        ElementMatcher.validate(a, p.valueFilter(), written);
        if (p.subAttribute() != null) {
          filterSub = a.isComplex() ? a.subAttribute(p.subAttribute()) : null;
          if (filterSub == null) {
            if (lenient) {
              return null;
            }
            throw ScimException.badRequest(
                ScimType.INVALID_PATH,
                "\"" + PatchOperation.shorten(written) + "\": " + a.name() + " has no sub-attribute "
                    + p.subAttribute());
          }
          if (isReadOnly(filterSub)) {
            if (lenient) {
              return null;
            }
            throw readOnly(written);
          }
        }
      }
      return new Target(Kind.ATTRIBUTE, written, r, p.valueFilter(), filterSub, null);
    }

    private boolean isReadOnly(Attribute a) {
      return a.mutability() == Mutability.READ_ONLY;
    }

    private ScimException readOnly(String written) {
      return ScimException.badRequest(
          ScimType.MUTABILITY,
          "\"" + PatchOperation.shorten(written) + "\" is read-only and cannot be changed");
    }

    // ---- path-less values and extensions ------------------------------------------------------

    /** Applies each key of an object as its own operation. */
    private void pathless(PatchOperation.Op op, JsonNode value, String written) {
      if (value.isArray()) {
        for (JsonNode element : value) {
          pathless(op, element, written);
        }
        return;
      }
      if (!value.isObject()) {
        throw ScimException.badRequest(
            ScimType.INVALID_VALUE,
            "an operation without a path needs a JSON object of attributes as its value");
      }
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        String key = field.getKey();
        JsonNode v = field.getValue();
        if (key.equalsIgnoreCase("schemas")) {
          continue;
        }
        Schema extension = type.extension(key);
        if (extension != null) {
          extension(op, extension, v, key);
          continue;
        }
        if (key.equalsIgnoreCase(type.schema().id()) && v.isObject()) {
          pathless(op, v, key);
          continue;
        }
        PatchPath p = tryParse(key);
        Target t = p == null ? null : resolve(key, p, true, null);
        if (t != null) {
          execute(op, t, v);
        }
      }
    }

    /**
     * An extension's object, applied attribute by attribute (so {@code {"employeeNumber":null}}
     * clears only that attribute); {@code null} or {@code {}} clears the whole extension.
     */
    private void extension(PatchOperation.Op op, Schema extension, JsonNode value, String written) {
      boolean nothing =
          value == null
              || value.isNull()
              || value.isMissingNode()
              || (value.isContainerNode() && value.isEmpty());
      if (nothing || (op == PatchOperation.Op.REMOVE && !value.isObject())) {
        if (op != PatchOperation.Op.ADD) {
          doc.remove(extension.id());
        }
        return;
      }
      if (!value.isObject()) {
        throw ScimException.badRequest(
            ScimType.INVALID_VALUE, "the extension " + written + " must be a JSON object");
      }
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        PatchPath p = tryParse(field.getKey());
        Target t =
            p == null
                ? null
                : resolve(extension.id() + ':' + field.getKey(), p, true, extension.id());
        if (t != null && t.kind() == Kind.ATTRIBUTE) {
          execute(op, t, field.getValue());
        }
      }
    }

    private PatchPath tryParse(String key) {
      try {
        return Filters.parsePath(key);
      } catch (FilterParseException e) {
        return null; // a key that is no path names no attribute: ignored like an unknown one
      }
    }

    // ---- add and replace ------------------------------------------------------------------------

    /** {@code add}/{@code replace} of an attribute or a dotted sub-attribute, without filter. */
    private void set(PatchOperation.Op op, ResolvedAttribute r, JsonNode value, String written) {
      Attribute a = r.attribute();
      if (r.subAttribute() != null) {
        if (a.multiValued()) {
          setSubOfEveryValue(op, r, value, written);
        } else {
          setSub(op, r, value, written);
        }
        return;
      }
      JsonNode n = normalizer.normalizeValue(a, value, written);
      if (n == null) {
        if (op == PatchOperation.Op.REPLACE && isAbsent(value)) {
          removeAttribute(r, written);
        }
        return;
      }
      ObjectNode c = ResourceNormalizer.container(doc, r, true);
      JsonNode current = c.get(a.name());
      if (a.multiValued()) {
        if (op == PatchOperation.Op.ADD && current instanceof ArrayNode existing) {
          List<JsonNode> added = new ArrayList<>();
          for (JsonNode element : n) {
            if (!contains(existing, element)) {
              existing.add(element);
              added.add(element);
            }
          }
          resetOtherPrimaries(a, existing, added);
        } else {
          c.set(a.name(), n);
        }
      } else if (a.isComplex()) {
        JsonNode result = n;
        if (current instanceof ObjectNode existing && !pointsElsewhere(existing, n)) {
          // RFC 7644 3.5.2.1 and 3.5.2.3: sub-attributes not given are left unchanged
          ObjectNode merged = existing.deepCopy();
          merged.setAll((ObjectNode) n);
          result = merged;
        }
        if (clearsReference(a, result)) {
          removeAttribute(r, written);
        } else {
          c.set(a.name(), result);
        }
      } else {
        c.set(a.name(), n);
      }
    }

    /**
     * Whether a new complex value names another resource than the current one ({@code manager}
     * with a new {@code value}): then it replaces the current value whole, so that a {@code $ref}
     * or {@code displayName} of the previous reference does not linger.
     */
    private static boolean pointsElsewhere(ObjectNode current, JsonNode next) {
      JsonNode before = current.get("value");
      JsonNode after = next.get("value");
      return before != null && after != null && !before.equals(after);
    }

    /** {@code name.givenName}: a sub-attribute of a single-valued complex attribute. */
    private void setSub(PatchOperation.Op op, ResolvedAttribute r, JsonNode value, String written) {
      Attribute a = r.attribute();
      Attribute sub = r.subAttribute();
      JsonNode n = normalizer.normalizeValue(sub, value, written);
      if (n == null) {
        if (op == PatchOperation.Op.REPLACE && isAbsent(value)) {
          removeSub(r, written);
        }
        return;
      }
      ObjectNode c = ResourceNormalizer.container(doc, r, true);
      ObjectNode parent;
      if (c.get(a.name()) instanceof ObjectNode existing) {
        parent = existing;
      } else {
        parent = c.putObject(a.name());
      }
      setOrAppend(op, parent, sub, n);
      if (clearsReference(a, parent)) {
        removeAttribute(r.parent(), written);
      }
    }

    /** {@code emails.type}: a sub-attribute of every value of a multi-valued attribute. */
    private void setSubOfEveryValue(
        PatchOperation.Op op, ResolvedAttribute r, JsonNode value, String written) {
      Attribute a = r.attribute();
      Attribute sub = r.subAttribute();
      JsonNode n = normalizer.normalizeValue(sub, value, written);
      if (n == null) {
        if (op == PatchOperation.Op.REPLACE && isAbsent(value)) {
          removeSubOfEveryValue(r, written);
        }
        return;
      }
      ObjectNode c = ResourceNormalizer.container(doc, r, true);
      if (c.get(a.name()) instanceof ArrayNode array && !array.isEmpty()) {
        for (JsonNode element : array) {
          if (element instanceof ObjectNode o) {
            setOrAppend(op, o, sub, n);
          }
        }
      } else {
        ObjectNode created = NODES.objectNode();
        created.set(sub.name(), n);
        c.putArray(a.name()).add(created);
      }
    }

    /** {@code add}/{@code replace} on a value path. */
    private void setByFilter(PatchOperation.Op op, Target t, JsonNode value) {
      ResolvedAttribute r = t.resolved();
      Attribute a = r.attribute();
      Attribute sub = t.filterSub();
      String written = t.written();
      if (!a.multiValued()) {
        // a single-valued complex attribute with a filter: manager[value eq "…"]
        ObjectNode c = ResourceNormalizer.container(doc, r, false);
        JsonNode current = c == null ? null : c.get(a.name());
        if (!(current instanceof ObjectNode) || !ElementMatcher.matches(a, current, t.filter())) {
          throw noMatch(t);
        }
        if (sub != null) {
          setSub(op, new ResolvedAttribute(r.schema(), r.extension(), a, sub), value, written);
          return;
        }
        JsonNode n = normalizeElement(a, value, written);
        if (n == null) {
          if (op == PatchOperation.Op.REPLACE && isAbsent(value)) {
            removeAttribute(r, written);
          }
          return;
        }
        ObjectNode merged = ((ObjectNode) current).deepCopy();
        merged.setAll((ObjectNode) n);
        if (clearsReference(a, merged)) {
          removeAttribute(r, written);
        } else {
          c.set(a.name(), merged);
        }
        return;
      }
      JsonNode n =
          sub != null ? normalizer.normalizeValue(sub, value, written) : normalizeElement(a, value, written);
      if (n == null) {
        if (op == PatchOperation.Op.REPLACE && isAbsent(value)) {
          removeByFilter(t);
        }
        return;
      }
      ObjectNode c = ResourceNormalizer.container(doc, r, true);
      ArrayNode array = c.get(a.name()) instanceof ArrayNode existing ? existing : null;
      List<Integer> matches = matching(a, array, t.filter());
      if (!a.isComplex()) {
        // a simple multi-valued attribute: the matching values are replaced by the value
        if (matches.isEmpty()) {
          if (array == null) {
            array = c.putArray(a.name());
          }
          array.add(n);
        } else {
          for (int i : matches) {
            array.set(i, n);
          }
        }
        return;
      }
      List<JsonNode> touched = new ArrayList<>();
      if (matches.isEmpty()) {
        ObjectNode created = createFromFilter(t);
        if (array == null) {
          array = c.putArray(a.name());
        }
        array.add(created);
        touched.add(created);
      } else {
        for (int i : matches) {
          touched.add(array.get(i));
        }
      }
      for (JsonNode element : touched) {
        ObjectNode o = (ObjectNode) element;
        if (sub != null) {
          setOrAppend(op, o, sub, n);
        } else {
          o.setAll((ObjectNode) n);
        }
      }
      resetOtherPrimaries(a, array, touched);
    }

    /**
     * The value Entra ID means by a value path that matches nothing: the filter's equality terms
     * ({@code type eq "work"}) as sub-attributes. Other filters say nothing about what to create.
     */
    private ObjectNode createFromFilter(Target t) {
      Attribute a = t.resolved().attribute();
      Filter filter = t.filter();
      List<Filter> terms = filter instanceof Filter.And and ? and.operands() : List.of(filter);
      ObjectNode created = NODES.objectNode();
      for (Filter term : terms) {
        if (!(term instanceof Filter.Comparison c)
            || c.operator() != ComparisonOperator.EQ
            || c.value() instanceof FilterValue.NullValue) {
          throw noMatch(t);
        }
        Attribute sub = ElementMatcher.subAttribute(a, c.attribute(), t.written());
        if (sub == null || sub.isComplex() || isReadOnly(sub)) {
          throw noMatch(t);
        }
        JsonNode v = normalizer.normalizeSingle(sub, literal(c.value()), t.written());
        JsonNode prior = created.get(sub.name());
        if (v == null || (prior != null && !prior.equals(v))) {
          throw noMatch(t);
        }
        created.set(sub.name(), v);
      }
      return created;
    }

    private ScimException noMatch(Target t) {
      return ScimException.badRequest(
          ScimType.NO_TARGET,
          "no value matches \"" + PatchOperation.shorten(t.written()) + "\"");
    }

    /** One value for a complex attribute: an object, or a one-element array of one. */
    private JsonNode normalizeElement(Attribute a, JsonNode value, String written) {
      JsonNode single = value;
      if (value != null && value.isArray()) {
        if (value.size() > 1) {
          throw ScimException.badRequest(
              ScimType.INVALID_VALUE,
              "the value for \"" + PatchOperation.shorten(written) + "\" must be a single value,"
                  + " which is applied to every value the filter selects");
        }
        single = value.isEmpty() ? null : value.get(0);
      }
      return normalizer.normalizeSingle(a, single, written);
    }

    private void setOrAppend(PatchOperation.Op op, ObjectNode parent, Attribute sub, JsonNode n) {
      if (sub.multiValued()
          && op == PatchOperation.Op.ADD
          && parent.get(sub.name()) instanceof ArrayNode existing) {
        for (JsonNode element : n) {
          if (!contains(existing, element)) {
            existing.add(element);
          }
        }
      } else {
        parent.set(sub.name(), n);
      }
    }

    // ---- remove ---------------------------------------------------------------------------------

    private void remove(Target t, JsonNode value) {
      ResolvedAttribute r = t.resolved();
      Attribute a = r.attribute();
      String written = t.written();
      if (t.filter() != null) {
        removeByFilter(t);
      } else if (r.subAttribute() != null) {
        if (a.multiValued()) {
          removeSubOfEveryValue(r, written);
        } else {
          removeSub(r, written);
        }
      } else if (a.multiValued() && value != null && !value.isNull()) {
        removeListedValues(r, value, written);
      } else {
        removeAttribute(r, written);
      }
    }

    /** Removes an attribute; a required one cannot be (RFC 7644 section 3.5.2.2). */
    private void removeAttribute(ResolvedAttribute r, String written) {
      if (r.attribute().required()) {
        throw ScimException.badRequest(
            ScimType.MUTABILITY,
            "\"" + PatchOperation.shorten(written) + "\": " + r.attribute().name()
                + " is required and cannot be removed");
      }
      ObjectNode c = ResourceNormalizer.container(doc, r, false);
      if (c != null) {
        c.remove(r.attribute().name());
      }
    }

    private void removeSub(ResolvedAttribute r, String written) {
      ObjectNode c = ResourceNormalizer.container(doc, r, false);
      if (c != null && c.get(r.attribute().name()) instanceof ObjectNode parent) {
        parent.remove(r.subAttribute().name());
        if (parent.isEmpty()) {
          removeAttribute(r.parent(), written);
        }
      }
    }

    private void removeSubOfEveryValue(ResolvedAttribute r, String written) {
      ObjectNode c = ResourceNormalizer.container(doc, r, false);
      if (c != null && c.get(r.attribute().name()) instanceof ArrayNode array) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
          all.add(i);
        }
        removeSubAt(array, all, r.subAttribute());
        if (array.isEmpty()) {
          removeAttribute(r.parent(), written);
        }
      }
    }

    /** Entra ID's {@code remove} with a value: only the listed values go. */
    private void removeListedValues(ResolvedAttribute r, JsonNode value, String written) {
      Attribute a = r.attribute();
      JsonNode listed = normalizer.normalizeValue(a, value, written);
      ObjectNode c = ResourceNormalizer.container(doc, r, false);
      if (listed == null || c == null || !(c.get(a.name()) instanceof ArrayNode array)) {
        return;
      }
      for (int i = array.size() - 1; i >= 0; i--) {
        for (JsonNode wanted : listed) {
          if (sameValue(a, array.get(i), wanted)) {
            array.remove(i);
            break;
          }
        }
      }
      if (array.isEmpty()) {
        removeAttribute(r, written);
      }
    }

    /** Removes the values a filter selects, or their sub-attribute; no match is a no-op. */
    private void removeByFilter(Target t) {
      ResolvedAttribute r = t.resolved();
      Attribute a = r.attribute();
      Attribute sub = t.filterSub();
      ObjectNode c = ResourceNormalizer.container(doc, r, false);
      JsonNode current = c == null ? null : c.get(a.name());
      if (!a.multiValued()) {
        if (current instanceof ObjectNode && ElementMatcher.matches(a, current, t.filter())) {
          if (sub == null) {
            removeAttribute(r, t.written());
          } else {
            removeSub(new ResolvedAttribute(r.schema(), r.extension(), a, sub), t.written());
          }
        }
        return;
      }
      if (!(current instanceof ArrayNode array)) {
        return;
      }
      List<Integer> matches = matching(a, array, t.filter());
      if (matches.isEmpty()) {
        return;
      }
      if (sub == null) {
        for (int k = matches.size() - 1; k >= 0; k--) {
          array.remove((int) matches.get(k));
        }
      } else {
        removeSubAt(array, matches, sub);
      }
      if (array.isEmpty()) {
        removeAttribute(r, t.written());
      }
    }

    /** Removes {@code sub} from the values at {@code indexes}; values left empty go too. */
    private void removeSubAt(ArrayNode array, List<Integer> indexes, Attribute sub) {
      for (int k = indexes.size() - 1; k >= 0; k--) {
        int i = indexes.get(k);
        if (array.get(i) instanceof ObjectNode o) {
          o.remove(sub.name());
          if (o.isEmpty()) {
            array.remove(i);
          }
        }
      }
    }

    // ---- members --------------------------------------------------------------------------------

    private void members(PatchOperation.Op op, Target t, JsonNode value) {
      members.touch();
      switch (op) {
        case ADD -> parseMembers(value).forEach(members::add);
        case REPLACE -> {
          if (t.filter() == null) {
            members.replaceAll(parseMembers(value));
          } else {
            removeMembers(t.filter());
            parseMembers(value).forEach(members::add);
          }
        }
        case REMOVE -> {
          if (t.filter() != null) {
            removeMembers(t.filter());
          } else if (value == null || value.isNull()) {
            members.replaceAll(List.of());
          } else {
            for (Member m : parseMembers(value)) {
              members.remove(m.value());
            }
          }
        }
      }
    }

    private void removeMembers(Filter filter) {
      Set<String> ids = plainIds(filter);
      if (ids != null) {
        ids.forEach(members::remove);
        return;
      }
      List<String> matched = new ArrayList<>();
      for (Member m : members.effectiveMembers()) {
        ObjectNode element = NODES.objectNode().put("value", m.value());
        if (m.type() != null) {
          element.put("type", m.type());
        }
        if (ElementMatcher.matches(membersAttribute, element, filter)) {
          matched.add(m.value());
        }
      }
      matched.forEach(members::remove);
    }

    /**
     * The ids of {@code value eq "id"} (or several joined by {@code or}): removable without
     * reading the member list. {@code null} for any other filter.
     */
    private Set<String> plainIds(Filter filter) {
      List<Filter> terms = filter instanceof Filter.Or or ? or.operands() : List.of(filter);
      Set<String> ids = new LinkedHashSet<>();
      for (Filter term : terms) {
        if (!(term instanceof Filter.Comparison c)
            || c.operator() != ComparisonOperator.EQ
            || !(c.value() instanceof FilterValue.StringValue s)) {
          return null;
        }
        AttributePath ap = c.attribute();
        boolean isValue =
            ap.subAttribute() == null
                ? ap.name().equalsIgnoreCase("value")
                : ap.name().equalsIgnoreCase("members") && ap.subAttribute().equalsIgnoreCase("value");
        if (!isValue) {
          return null;
        }
        ids.add(s.value());
      }
      return ids;
    }

    /** Members as sent: objects with a {@code value} (and optional {@code type}), or plain ids. */
    private List<Member> parseMembers(JsonNode value) {
      List<Member> result = new ArrayList<>();
      if (value == null || value.isNull()) {
        return result;
      }
      Iterable<JsonNode> elements = value.isArray() ? value : List.of(value);
      for (JsonNode element : elements) {
        if (element == null || element.isNull()) {
          continue;
        }
        String id;
        String memberType = null;
        if (element.isTextual() || element.isNumber()) {
          id = element.asText();
        } else if (element.isObject()) {
          JsonNode v = field(element, "value");
          if (v == null || !v.isValueNode() || v.isNull()) {
            throw ScimException.badRequest(
                ScimType.INVALID_VALUE, "each member needs a value: the id of a user or group");
          }
          id = v.asText();
          JsonNode ty = field(element, "type");
          if (ty != null && ty.isTextual() && !ty.asText().isBlank()) {
            memberType = ty.asText();
          }
        } else {
          throw ScimException.badRequest(
              ScimType.INVALID_VALUE, "each member must be an object with a value");
        }
        if (id.isBlank()) {
          throw ScimException.badRequest(
              ScimType.INVALID_VALUE, "each member needs a value: the id of a user or group");
        }
        result.add(new Member(id, memberType));
      }
      return result;
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Indexes of the values of {@code array} that match the filter. */
    private List<Integer> matching(Attribute a, ArrayNode array, Filter filter) {
      List<Integer> matches = new ArrayList<>();
      if (array != null) {
        for (int i = 0; i < array.size(); i++) {
          if (ElementMatcher.matches(a, array.get(i), filter)) {
            matches.add(i);
          }
        }
      }
      return matches;
    }

    /**
     * Setting {@code primary} to true on one value sets it to false on the others (RFC 7644
     * section 3.5.2).
     */
    private void resetOtherPrimaries(Attribute a, ArrayNode array, List<JsonNode> touched) {
      Attribute primary = a.isComplex() ? a.subAttribute("primary") : null;
      if (primary == null || primary.type() != AttributeType.BOOLEAN || array == null) {
        return;
      }
      Set<JsonNode> mine = Collections.newSetFromMap(new IdentityHashMap<>());
      boolean anyPrimary = false;
      for (JsonNode element : touched) {
        mine.add(element);
        anyPrimary |= isTrue(element.get(primary.name()));
      }
      if (!anyPrimary) {
        return;
      }
      for (JsonNode element : array) {
        if (!mine.contains(element) && element instanceof ObjectNode o && isTrue(o.get(primary.name()))) {
          o.put(primary.name(), false);
        }
      }
    }
  }

  // ---- static helpers ------------------------------------------------------------------------

  private static boolean isTrue(JsonNode node) {
    return node != null && node.isBoolean() && node.booleanValue();
  }

  /**
   * Whether the client sent "nothing": {@code null}, or containers holding only nothing ({@code
   * []}, {@code {}}, {@code {"value":null}}). A value that only normalises to nothing (say, only
   * unknown sub-attributes) is not absent: replacing with it changes nothing rather than clearing.
   */
  private static boolean isAbsent(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return true;
    }
    if (!value.isContainerNode()) {
      return false;
    }
    for (JsonNode child : value) {
      if (!isAbsent(child)) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(ArrayNode array, JsonNode element) {
    for (JsonNode existing : array) {
      if (existing.equals(element)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a complex single-valued value names nothing: its {@code value} sub-attribute is the
   * empty string, as in Entra ID's manager removal {@code {"value":""}}.
   */
  private static boolean clearsReference(Attribute a, JsonNode value) {
    Attribute valueSub = a.isComplex() && !a.multiValued() ? a.subAttribute("value") : null;
    if (valueSub == null || !(value instanceof ObjectNode o)) {
      return false;
    }
    JsonNode v = o.get(valueSub.name());
    return v != null && v.isTextual() && v.asText().isEmpty();
  }

  /**
   * Whether a stored value is the one a client listed for removal: every sub-attribute the client
   * gave has the same value (ignoring case unless the sub-attribute is case-exact).
   */
  private static boolean sameValue(Attribute a, JsonNode stored, JsonNode listed) {
    if (!a.isComplex()) {
      return sameSimple(a, stored, listed);
    }
    if (!(stored instanceof ObjectNode) || !(listed instanceof ObjectNode)) {
      return false;
    }
    for (Map.Entry<String, JsonNode> field : listed.properties()) {
      Attribute sub = a.subAttribute(field.getKey());
      if (sub == null || !sameSimple(sub, stored.get(field.getKey()), field.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameSimple(Attribute def, JsonNode stored, JsonNode listed) {
    if (stored == null) {
      return false;
    }
    if (stored.isTextual() && listed.isTextual() && !def.caseExact()) {
      return stored.asText().equalsIgnoreCase(listed.asText());
    }
    return stored.equals(listed);
  }

  private static JsonNode literal(FilterValue value) {
    if (value instanceof FilterValue.StringValue s) {
      return NODES.textNode(s.value());
    }
    if (value instanceof FilterValue.NumberValue n) {
      return NODES.numberNode(n.value());
    }
    if (value instanceof FilterValue.BooleanValue b) {
      return NODES.booleanNode(b.value());
    }
    return NODES.nullNode();
  }

  private static JsonNode field(JsonNode object, String name) {
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
}
