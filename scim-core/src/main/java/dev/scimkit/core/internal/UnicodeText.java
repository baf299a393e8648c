package dev.scimkit.core.internal;

/**
 * The rule for text a client may store or search for, the same for every store: no U+0000 (NUL)
 * and no unpaired UTF-16 surrogate.
 *
 * <p>Why: RFC 7643 section 2.3.1 defines a string as Unicode characters encoded in UTF-8, and a
 * lone surrogate is not a Unicode character, so it has no UTF-8 form. NUL is a character, but
 * PostgreSQL can hold it in neither {@code text} nor {@code jsonb} (it refuses {@code \u0000} with
 * SQLSTATE 22P05), while Java, H2 and the in-memory store hold it happily. Refusing both in the
 * engine gives every store the same answer (a 400) for the same input, instead of a 201 on one and
 * a 400 on another. No identity provider sends either: they are a fuzzer's or an attacker's.
 */
public final class UnicodeText {
  private UnicodeText() {}

  /**
   * What makes {@code s} unacceptable, for an error detail ("the character U+0000 (NUL)", "an
   * unpaired UTF-16 surrogate"), or {@code null} when it is acceptable.
   */
  public static String defect(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u0000') {
        return "the character U+0000 (NUL)";
      }
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "an unpaired UTF-16 surrogate";
      }
    }
    return null;
  }
}
