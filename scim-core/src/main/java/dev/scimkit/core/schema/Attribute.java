package dev.scimkit.core.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One attribute definition with every characteristic of RFC 7643 section 7. Immutable.
 *
 * <pre>{@code
 * Attribute badge = Attribute.builder("badgeNumber").type(AttributeType.INTEGER).build();
 * }</pre>
 */
public final class Attribute {
  private final String name;
  private final AttributeType type;
  private final boolean multiValued;
  private final String description;
  private final boolean required;
  private final boolean caseExact;
  private final Mutability mutability;
  private final Returned returned;
  private final Uniqueness uniqueness;
  private final List<String> canonicalValues;
  private final List<String> referenceTypes;
  private final List<Attribute> subAttributes;
  private final String lowerName;
  private final Map<String, Attribute> subAttributesByName;
  private final Map<String, Attribute> subAttributesByLowerName;

  private Attribute(Builder b) {
    this.name = b.name;
    this.lowerName = lower(b.name);
    this.type = b.type;
    this.multiValued = b.multiValued;
    this.description = b.description;
    this.required = b.required;
    this.caseExact = b.caseExact;
    this.mutability = b.mutability;
    this.returned = b.returned;
    this.uniqueness = b.uniqueness;
    this.canonicalValues = List.copyOf(b.canonicalValues);
    this.referenceTypes = List.copyOf(b.referenceTypes);
    this.subAttributes = List.copyOf(b.subAttributes);
    Map<String, Attribute> byName = new HashMap<>();
    for (Attribute sub : subAttributes) {
      if (byName.put(lower(sub.name), sub) != null) {
        throw new IllegalArgumentException("duplicate sub-attribute " + sub.name + " in " + name);
      }
    }
    this.subAttributesByLowerName = Map.copyOf(byName);
    Map<String, Attribute> exact = new HashMap<>();
    subAttributes.forEach(sub -> exact.put(sub.name, sub));
    this.subAttributesByName = Map.copyOf(exact);
    if (type == AttributeType.COMPLEX && subAttributes.isEmpty()) {
      throw new IllegalArgumentException("complex attribute " + name + " has no sub-attributes");
    }
    if (type != AttributeType.COMPLEX && !subAttributes.isEmpty()) {
      throw new IllegalArgumentException("only a complex attribute has sub-attributes: " + name);
    }
  }

  /** Starts an attribute with RFC 7643's defaults: a single-valued, optional, read-write string. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder that starts as a copy of this attribute. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.type = type;
    b.multiValued = multiValued;
    b.description = description;
    b.required = required;
    b.caseExact = caseExact;
    b.mutability = mutability;
    b.returned = returned;
    b.uniqueness = uniqueness;
    b.canonicalValues.addAll(canonicalValues);
    b.referenceTypes.addAll(referenceTypes);
    b.subAttributes.addAll(subAttributes);
    return b;
  }

  public String name() {
    return name;
  }

  public AttributeType type() {
    return type;
  }

  public boolean multiValued() {
    return multiValued;
  }

  public String description() {
    return description;
  }

  public boolean required() {
    return required;
  }

  /** Whether string comparisons and uniqueness of this attribute respect letter case. */
  public boolean caseExact() {
    return caseExact;
  }

  public Mutability mutability() {
    return mutability;
  }

  public Returned returned() {
    return returned;
  }

  public Uniqueness uniqueness() {
    return uniqueness;
  }

  public List<String> canonicalValues() {
    return canonicalValues;
  }

  public List<String> referenceTypes() {
    return referenceTypes;
  }

  public List<Attribute> subAttributes() {
    return subAttributes;
  }

  /** Whether this is a complex attribute. */
  public boolean isComplex() {
    return type == AttributeType.COMPLEX;
  }

  /** The sub-attribute with this name, ignoring case, or {@code null}. */
  public Attribute subAttribute(String name) {
    // documents mostly spell names as the schema does: no lower-case copy for those
    Attribute exact = subAttributesByName.get(name);
    return exact != null ? exact : subAttributesByLowerName.get(lower(name));
  }

  /** The name in lower case ({@link Locale#ROOT}), as names are compared. */
  public String lowerName() {
    return lowerName;
  }

  @Override
  public String toString() {
    return "Attribute{" + name + ", " + type.value() + (multiValued ? "[]" : "") + '}';
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Builds an {@link Attribute}. */
  public static final class Builder {
    private final String name;
    private AttributeType type = AttributeType.STRING;
    private boolean multiValued;
    private String description = "";
    private boolean required;
    private boolean caseExact;
    private Mutability mutability = Mutability.READ_WRITE;
    private Returned returned = Returned.DEFAULT;
    private Uniqueness uniqueness = Uniqueness.NONE;
    private final List<String> canonicalValues = new ArrayList<>();
    private final List<String> referenceTypes = new ArrayList<>();
    private final List<Attribute> subAttributes = new ArrayList<>();

    private Builder(String name) {
      this.name = requireNonNull(name, "name == null");
    }

    public Builder type(AttributeType type) {
      this.type = requireNonNull(type, "type == null");
      return this;
    }

    public Builder multiValued(boolean multiValued) {
      this.multiValued = multiValued;
      return this;
    }

    public Builder description(String description) {
      this.description = requireNonNull(description, "description == null");
      return this;
    }

    public Builder required(boolean required) {
      this.required = required;
      return this;
    }

    public Builder caseExact(boolean caseExact) {
      this.caseExact = caseExact;
      return this;
    }

    public Builder mutability(Mutability mutability) {
      this.mutability = requireNonNull(mutability, "mutability == null");
      return this;
    }

    public Builder returned(Returned returned) {
      this.returned = requireNonNull(returned, "returned == null");
      return this;
    }

    public Builder uniqueness(Uniqueness uniqueness) {
      this.uniqueness = requireNonNull(uniqueness, "uniqueness == null");
      return this;
    }

    public Builder canonicalValues(List<String> values) {
      canonicalValues.clear();
      canonicalValues.addAll(values);
      return this;
    }

    public Builder referenceTypes(List<String> types) {
      referenceTypes.clear();
      referenceTypes.addAll(types);
      return this;
    }

    /** Adds a sub-attribute; the attribute must be {@link AttributeType#COMPLEX}. */
    public Builder subAttribute(Attribute subAttribute) {
      subAttributes.add(requireNonNull(subAttribute, "subAttribute == null"));
      return this;
    }

    public Builder subAttributes(List<Attribute> subAttributes) {
      this.subAttributes.clear();
      this.subAttributes.addAll(subAttributes);
      return this;
    }

    public Attribute build() {
      return new Attribute(this);
    }
  }
}
