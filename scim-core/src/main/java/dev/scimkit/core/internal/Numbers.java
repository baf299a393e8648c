package dev.scimkit.core.internal;

import java.math.BigDecimal;

/**
 * Guards against numbers that are short to write but huge to expand: {@code 1e1000000000} is
 * twelve characters of JSON or filter text, and a billion digits in plain notation.
 */
public final class Numbers {
  private Numbers() {}

  /**
   * The most digits a number may have before or after its decimal point to be written out in
   * plain notation or turned into an integer; larger magnitudes and finer fractions than any SCIM
   * value needs.
   */
  public static final int MAX_PLAIN_DIGITS = 1000;

  /** Whether {@code n} can be expanded to plain notation (or a {@code BigInteger}) cheaply. */
  public static boolean isModest(BigDecimal n) {
    long integerDigits = (long) n.precision() - n.scale();
    return integerDigits <= MAX_PLAIN_DIGITS && n.scale() <= MAX_PLAIN_DIGITS;
  }

  /**
   * {@code n} in plain notation ({@code 1200}, {@code 0.05}) when that is of modest length, else
   * in scientific notation ({@code 1E+1000000000}), which no stored string equals anyway.
   */
  public static String text(BigDecimal n) {
    return isModest(n) ? n.toPlainString() : n.toString();
  }
}
