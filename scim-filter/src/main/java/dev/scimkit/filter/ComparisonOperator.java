package dev.scimkit.filter;

import java.util.Locale;

/** The comparison operators of RFC 7644 section 3.4.2.2, except {@code pr} ({@link Filter.Present}). */
public enum ComparisonOperator {
  /** Equal. */
  EQ,
  /** Not equal. */
  NE,
  /** Contains: the attribute value contains the operand as a substring. */
  CO,
  /** Starts with. */
  SW,
  /** Ends with. */
  EW,
  /** Greater than. */
  GT,
  /** Less than. */
  LT,
  /** Greater than or equal to. */
  GE,
  /** Less than or equal to. */
  LE;

  private final String keyword = name().toLowerCase(Locale.ROOT);

  /** The operator as written in canonical filter text, in lower case ({@code "eq"}). */
  public String keyword() {
    return keyword;
  }
}
