package dev.scimkit.filter;

/**
 * Limits that the parser enforces before it does any real work, so that hostile input (a huge
 * filter, ten thousand nested parentheses) is rejected quickly and with a {@link
 * FilterParseException}, never with a {@link StackOverflowError} or a long pause.
 *
 * <p>The defaults suit every filter a real SCIM client sends, with a wide margin:
 *
 * <ul>
 *   <li>{@link #DEFAULT_MAX_LENGTH}: {@value #DEFAULT_MAX_LENGTH} characters;
 *   <li>{@link #DEFAULT_MAX_DEPTH}: {@value #DEFAULT_MAX_DEPTH} levels of nested parentheses and
 *       brackets.
 * </ul>
 *
 * <pre>{@code
 * FilterLimits limits = FilterLimits.builder().maxLength(100_000).build();
 * Filter f = Filters.parse(text, limits);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FilterLimits {

  /** Default for {@link #maxLength()}. */
  public static final int DEFAULT_MAX_LENGTH = 32_768;

  /** Default for {@link #maxDepth()}. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  private static final FilterLimits DEFAULTS =
      new FilterLimits(DEFAULT_MAX_LENGTH, DEFAULT_MAX_DEPTH);

  private final int maxLength;
  private final int maxDepth;

  private FilterLimits(int maxLength, int maxDepth) {
    this.maxLength = maxLength;
    this.maxDepth = maxDepth;
  }

  /** The default limits. */
  public static FilterLimits defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  /** A builder that starts from these limits. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The longest input accepted, in UTF-16 characters ({@link String#length()}). */
  public int maxLength() {
    return maxLength;
  }

  /**
   * The deepest nesting of parentheses and value-filter brackets accepted; {@code not (…)} counts
   * as one level.
   */
  public int maxDepth() {
    return maxDepth;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FilterLimits other
        && maxLength == other.maxLength
        && maxDepth == other.maxDepth;
  }

  @Override
  public int hashCode() {
    return 31 * maxLength + maxDepth;
  }

  @Override
  public String toString() {
    return "FilterLimits{maxLength=" + maxLength + ", maxDepth=" + maxDepth + '}';
  }

  /** Builds {@link FilterLimits}. Not thread-safe. */
  public static final class Builder {
    private int maxLength;
    private int maxDepth;

    private Builder(FilterLimits from) {
      this.maxLength = from.maxLength;
      this.maxDepth = from.maxDepth;
    }

    /**
     * Sets the longest input accepted.
     *
     * @throws IllegalArgumentException if {@code maxLength} is less than 1
     */
    public Builder maxLength(int maxLength) {
      if (maxLength < 1) {
        throw new IllegalArgumentException("maxLength < 1: " + maxLength);
      }
      this.maxLength = maxLength;
      return this;
    }

    /**
     * Sets the deepest nesting accepted. Values above a few hundred risk a {@link
     * StackOverflowError} in code that walks the parsed filter recursively.
     *
     * @throws IllegalArgumentException if {@code maxDepth} is less than 1
     */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth < 1) {
        throw new IllegalArgumentException("maxDepth < 1: " + maxDepth);
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /** Returns the limits. */
    public FilterLimits build() {
      return new FilterLimits(maxLength, maxDepth);
    }
  }
}
