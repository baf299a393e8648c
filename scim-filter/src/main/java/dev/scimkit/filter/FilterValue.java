package dev.scimkit.filter;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * The literal on the right of a comparison: a JSON string, number, boolean or {@code null}
 * (RFC 7644 section 3.4.2.2, {@code compValue}).
 *
 * <p>Numbers keep the exact decimal text they were written with ({@code 1.50} stays {@code 1.50});
 * what a number means for a given attribute type is decided by {@code scim-core}.
 */
public sealed interface FilterValue
    permits FilterValue.StringValue,
        FilterValue.NumberValue,
        FilterValue.BooleanValue,
        FilterValue.NullValue {

  /** Returns a string literal. */
  static StringValue of(String value) {
    return new StringValue(value);
  }

  /** Returns a number literal. */
  static NumberValue of(BigDecimal value) {
    return new NumberValue(value);
  }

  /** Returns a number literal for a {@code long}. */
  static NumberValue of(long value) {
    return new NumberValue(BigDecimal.valueOf(value));
  }

  /** Returns a boolean literal. */
  static BooleanValue of(boolean value) {
    return value ? BooleanValue.TRUE : BooleanValue.FALSE;
  }

  /** Returns the {@code null} literal. */
  static NullValue ofNull() {
    return NullValue.INSTANCE;
  }

  /**
   * The value as a plain Java object: a {@link String}, a {@link BigDecimal}, a {@link Boolean},
   * or {@code null} for the {@code null} literal.
   */
  Object toJava();

  /** A JSON string literal, already unescaped. */
  record StringValue(String value) implements FilterValue {
    public StringValue {
      requireNonNull(value, "value == null");
    }

    @Override
    public Object toJava() {
      return value;
    }

    @Override
    public String toString() {
      return Filters.format(this);
    }
  }

  /** A JSON number literal. */
  record NumberValue(BigDecimal value) implements FilterValue {
    public NumberValue {
      requireNonNull(value, "value == null");
    }

    @Override
    public Object toJava() {
      return value;
    }

    @Override
    public String toString() {
      return Filters.format(this);
    }
  }

  /** The literal {@code true} or {@code false}. */
  record BooleanValue(boolean value) implements FilterValue {
    static final BooleanValue TRUE = new BooleanValue(true);
    static final BooleanValue FALSE = new BooleanValue(false);

    @Override
    public Object toJava() {
      return value;
    }

    @Override
    public String toString() {
      return Filters.format(this);
    }
  }

  /** The literal {@code null}. All instances are equal. */
  record NullValue() implements FilterValue {
    static final NullValue INSTANCE = new NullValue();

    @Override
    public Object toJava() {
      return null;
    }

    @Override
    public String toString() {
      return "null";
    }
  }
}
