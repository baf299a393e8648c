package dev.scimkit.core.search;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.Filter;
import java.util.function.Function;

/**
 * Evaluates SCIM filters against resources of one resource type, in memory. This is the
 * <b>reference semantics</b> of filtering: every store, whatever it translates filters to, is
 * tested against it.
 *
 * <pre>{@code
 * FilterEvaluator users = FilterEvaluator.forType(Schemas.userType());
 * Filter filter = Filters.parse("userName eq \"BJensen\" and active eq true");
 * users.validate(filter);                        // 400 invalidFilter if it cannot apply
 * CompiledFilter compiled = users.compile(filter); // once per search
 * boolean hit = compiled.matches(storedResource);  // per resource
 * }</pre>
 *
 * <h2>Semantics (RFC 7644 section 3.4.2.2)</h2>
 *
 * <ul>
 *   <li><b>Names.</b> Attribute names match in any letter case, qualified ({@code
 *       urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber}) or not ({@code
 *       employeeNumber}, {@code manager}: unqualified names fall back to the extensions). {@code
 *       schemas} is filterable as a multi-valued string compared ignoring case.
 *   <li><b>Strings</b> (and references, binaries, and any value compared as text) compare
 *       ignoring case unless the attribute is {@code caseExact} ({@code id}, {@code externalId},
 *       {@code meta.version} are; {@code userName} and group {@code displayName} are not). Case
 *       is folded with {@link String#toLowerCase(java.util.Locale)} in {@link
 *       java.util.Locale#ROOT}; {@code gt}/{@code lt}/{@code ge}/{@code le} compare the folded
 *       strings by UTF-16 code units.
 *   <li><b>dateTime</b> values compare as instants (ISO-8601 with an offset or {@code Z}; without
 *       an offset, as UTC), so {@code 2011-05-13T04:42:34Z} equals {@code
 *       2011-05-13T06:42:34+02:00}. If either side does not parse, they compare as text
 *       ({@link #validate} refuses such a literal for every operator but {@code co}, {@code sw}
 *       and {@code ew}; so it does for numbers and booleans below).
 *   <li><b>decimal and integer</b> compare numerically ({@code 1.0 eq 1}); a value or literal that
 *       is not a number makes them compare as text. A numeric string literal ({@code "42"}) is
 *       accepted as a number.
 *   <li><b>boolean</b> supports {@code eq}, {@code ne} and {@code pr}; the strings {@code
 *       "true"}/{@code "false"} in any case count as booleans on either side (Entra sends {@code
 *       "True"}). {@code gt}, {@code ge}, {@code lt}, {@code le} on a boolean or binary attribute
 *       are a 400 {@code invalidFilter}.
 *   <li><b>co, sw, ew</b> on non-string types compare the text form of the value (numbers in
 *       plain decimal notation).
 *   <li><b>Multi-valued</b> attributes match when any value matches. A <b>complex</b> attribute
 *       compared without a sub-attribute compares its {@code value} sub-attribute ({@code emails
 *       co "example.com"}, {@code manager eq "<id>"}); one without a {@code value} sub-attribute
 *       ({@code name eq "x"}) is a 400 {@code invalidFilter}.
 *   <li><b>pr</b>: present and not null, {@code ""}, {@code []} or {@code {}} (nor a container of
 *       only such values, like Entra's {@code "manager": {"value": ""}}).
 *   <li><b>ne</b> is exactly {@code not eq}: an absent attribute matches {@code ne}, and {@code
 *       emails.type ne "work"} matches when no email is of type work. {@code eq null} matches an
 *       absent attribute (it is {@code not pr}), {@code ne null} a present one; any other
 *       operator with {@code null} is a 400 {@code invalidFilter}.
 *   <li><b>Value filters</b> {@code emails[type eq "work" and value co "@x"]} match when one
 *       element satisfies the whole inner filter, whose paths are sub-attributes of that element.
 *       Entra's {@code emails[type eq "work"].value eq "x@y"} means the same (the parser already
 *       rewrites it so).
 *   <li><b>Unknown attributes.</b> A filter naming an attribute the type does not have matches
 *       nothing (not even under {@code not}); {@link #validate} rejects it instead.
 * </ul>
 *
 * <p>For a {@link StoredResource}, {@code meta.version} reads as the weak ETag {@code
 * W/"<version>"} (RFC 7644 section 3.14), {@code meta.resourceType} as the type's name, and
 * {@code meta.created} and {@code meta.lastModified} as the record's instants (their text, for
 * {@code co}/{@code sw}/{@code ew}, is {@link java.time.Instant#toString()}). {@code
 * meta.location} is never present there, because it depends on the request's base URI.
 *
 * <p>Documents are read with the schema's canonical spelling of attribute names (as stores keep
 * them); filters may spell names in any case. Evaluation recurses only as deep as the filter's own
 * parentheses and never builds JSON for a stored resource.
 *
 * <p>Instances are immutable apart from a one-entry cache and are thread-safe.
 */
public final class FilterEvaluator {
  private final ResourceType type;

  /** The last filter compiled by the {@code matches} shortcuts, reused while the same instance. */
  private volatile CompiledFilter last;

  private FilterEvaluator(ResourceType type) {
    this.type = type;
  }

  /** An evaluator for resources of {@code type}. */
  public static FilterEvaluator forType(ResourceType type) {
    return new FilterEvaluator(requireNonNull(type, "type == null"));
  }

  /** The resource type this evaluator resolves attribute names against. */
  public ResourceType resourceType() {
    return type;
  }

  /**
   * Checks that {@code filter} can be evaluated for this resource type; the engine calls it
   * before searching, so that a store only ever sees filters that make sense.
   *
   * @throws ScimException 400 {@code invalidFilter} when the filter names an attribute the type
   *     does not have (the detail quotes the path as written), uses {@code gt}/{@code ge}/{@code
   *     lt}/{@code le} on a boolean or binary attribute, compares a complex attribute that has no
   *     {@code value} sub-attribute, compares with {@code null} by anything but {@code eq} or
   *     {@code ne}, puts a value filter on a non-complex attribute, compares a dateTime, number or
   *     boolean attribute by {@code eq}, {@code ne}, {@code gt}, {@code ge}, {@code lt} or {@code le}
   *     with a literal that is no such value ({@code meta.created gt "notadate"}), or compares
   *     with text holding a NUL character or an unpaired surrogate (which no store could hold)
   */
  public void validate(Filter filter) {
    requireNonNull(filter, "filter == null");
    FilterCompiler.compile(type, filter, true);
  }

  /**
   * Prepares {@code filter} for testing many resources. A filter that names an unknown attribute
   * compiles to one that matches nothing.
   *
   * @throws ScimException 400 {@code invalidFilter} for the operator misuses listed on {@link
   *     #validate} (but not for unknown attributes)
   */
  public CompiledFilter compile(Filter filter) {
    requireNonNull(filter, "filter == null");
    return new CompiledFilter(filter, FilterCompiler.compile(type, filter, false));
  }

  /**
   * Whether a full representation matches: {@code id}, {@code externalId}, {@code meta}, {@code
   * schemas}, core attributes at the top level and extension attributes under their URN.
   *
   * @throws ScimException as {@link #compile}
   */
  public boolean matches(Filter filter, ObjectNode representation) {
    return compiled(filter).matches(representation);
  }

  /**
   * Whether a stored resource matches; see {@link CompiledFilter#matches(StoredResource)}.
   *
   * @throws ScimException as {@link #compile}
   */
  public boolean matches(Filter filter, StoredResource resource) {
    return compiled(filter).matches(resource);
  }

  /**
   * Whether a stored resource matches, with attributes kept outside its document (group {@code
   * members}, user {@code groups}) supplied on demand; see {@link
   * CompiledFilter#matches(StoredResource, Function)}.
   *
   * @throws ScimException as {@link #compile}
   */
  public boolean matches(
      Filter filter, StoredResource resource, Function<String, ? extends JsonNode> extraTopLevel) {
    return compiled(filter).matches(resource, extraTopLevel);
  }

  private CompiledFilter compiled(Filter filter) {
    requireNonNull(filter, "filter == null");
    CompiledFilter cached = last;
    if (cached != null && cached.filter() == filter) {
      return cached;
    }
    CompiledFilter fresh = compile(filter);
    last = fresh;
    return fresh;
  }

  @Override
  public String toString() {
    return "FilterEvaluator{" + type.name() + '}';
  }
}
