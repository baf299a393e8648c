package dev.scimkit.filter;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed SCIM filter (RFC 7644 section 3.4.2.2): an immutable tree of records with structural
 * equality.
 *
 * <p>Logical {@code and} and {@code or} are n-ary and flattened: {@code a and (b and c)} and
 * {@code (a and b) and c} are the same {@link And} of three operands. This keeps long chains flat,
 * so walking a filter never recurses deeper than its parentheses do.
 *
 * <p>Dispatch on the node kind with {@link #accept(Visitor)}:
 *
 * <pre>{@code
 * boolean mentionsUserName = filter.accept(new Filter.Visitor<Boolean>() { ... });
 * }</pre>
 *
 * <p>Build filters in code with the factories on this interface:
 *
 * <pre>{@code
 * Filter f = Filter.and(
 *     Filter.compare("userName", ComparisonOperator.EQ, FilterValue.of("bjensen")),
 *     Filter.present("title"));
 * }</pre>
 */
public sealed interface Filter
    permits Filter.And, Filter.Or, Filter.Not, Filter.Comparison, Filter.Present, Filter.ValuePath {

  /** Calls the visitor method for this node's kind and returns its result. */
  <R> R accept(Visitor<R> visitor);

  /** One method per node kind; every filter is exactly one of them. */
  interface Visitor<R> {
    R visitAnd(And and);

    R visitOr(Or or);

    R visitNot(Not not);

    R visitComparison(Comparison comparison);

    R visitPresent(Present present);

    R visitValuePath(ValuePath valuePath);
  }

  // ---- factories ---------------------------------------------------------------------------

  /** {@code a and b and …}. */
  static Filter and(Filter first, Filter second, Filter... more) {
    return new And(listOf(first, second, more));
  }

  /** {@code a or b or …}. */
  static Filter or(Filter first, Filter second, Filter... more) {
    return new Or(listOf(first, second, more));
  }

  /** {@code not (operand)}. */
  static Filter not(Filter operand) {
    return new Not(operand);
  }

  /** {@code attribute op value}, with {@code attribute} a plain name or {@code name.sub}. */
  static Filter compare(String attribute, ComparisonOperator operator, FilterValue value) {
    return new Comparison(Filters.parseAttributePath(attribute), operator, value);
  }

  /** {@code attribute pr}, with {@code attribute} a plain name or {@code name.sub}. */
  static Filter present(String attribute) {
    return new Present(Filters.parseAttributePath(attribute));
  }

  private static List<Filter> listOf(Filter first, Filter second, Filter[] more) {
    List<Filter> operands = new ArrayList<>(2 + more.length);
    operands.add(first);
    operands.add(second);
    operands.addAll(List.of(more));
    return operands;
  }

  // ---- nodes -------------------------------------------------------------------------------

  /**
   * Logical conjunction of two or more operands. Operands that are themselves {@code And} are
   * merged into this one, so an {@code And} never directly contains another.
   */
  record And(List<Filter> operands) implements Filter {
    public And {
      operands = Logic.flatten(operands, And.class, "and");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAnd(this);
    }

    @Override
    public String toString() {
      return Filters.format(this);
    }
  }

  /**
   * Logical disjunction of two or more operands. Operands that are themselves {@code Or} are
   * merged into this one, so an {@code Or} never directly contains another.
   */
  record Or(List<Filter> operands) implements Filter {
    public Or {
      operands = Logic.flatten(operands, Or.class, "or");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitOr(this);
    }

    @Override
    public String toString() {
      return Filters.format(this);
    }
  }

  /** Logical negation: {@code not (operand)}. */
  record Not(Filter operand) implements Filter {
    public Not {
      requireNonNull(operand, "operand == null");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNot(this);
    }

    @Override
    public String toString() {
      return Filters.format(this);
    }
  }

  /** {@code attribute operator value}, for example {@code userName eq "bjensen"}. */
  record Comparison(AttributePath attribute, ComparisonOperator operator, FilterValue value)
      implements Filter {
    public Comparison {
      requireNonNull(attribute, "attribute == null");
      requireNonNull(operator, "operator == null");
      requireNonNull(value, "value == null");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitComparison(this);
    }

    @Override
    public String toString() {
      return Filters.format(this);
    }
  }

  /** {@code attribute pr}: the attribute has a non-empty value. */
  record Present(AttributePath attribute) implements Filter {
    public Present {
      requireNonNull(attribute, "attribute == null");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitPresent(this);
    }

    @Override
    public String toString() {
      return Filters.format(this);
    }
  }

  /**
   * {@code attribute[filter]}: some value of the multi-valued complex {@code attribute} matches
   * {@code filter}, whose attribute paths are relative to that value ({@code emails[type eq
   * "work"]}).
   *
   * <p>Entra ID's form {@code emails[type eq "work"].value eq "x@y"} is represented as {@code
   * emails[type eq "work" and value eq "x@y"]}, which means the same.
   */
  record ValuePath(AttributePath attribute, Filter filter) implements Filter {
    /**
     * Creates a value path.
     *
     * @throws IllegalArgumentException if {@code attribute} has a sub-attribute or {@code filter}
     *     contains a value path (RFC 7644 does not nest them)
     */
    public ValuePath {
      requireNonNull(attribute, "attribute == null");
      requireNonNull(filter, "filter == null");
      if (attribute.hasSubAttribute()) {
        throw new IllegalArgumentException(
            "a value path must start at a top-level attribute: " + attribute);
      }
      requireNoValuePath(filter);
    }

    static void requireNoValuePath(Filter filter) {
      if (Logic.containsValuePath(filter)) {
        throw new IllegalArgumentException("value paths cannot be nested: " + filter);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitValuePath(this);
    }

    @Override
    public String toString() {
      return Filters.format(this);
    }
  }
}
