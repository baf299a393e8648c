package dev.scimkit.filter;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when a filter or PATCH path is not well formed or exceeds the {@link FilterLimits}.
 *
 * <p>It carries the input, the 0-based position (a {@link String} index) of the first error, and a
 * short {@link #reason()}. Its message quotes the input with a caret under the error:
 *
 * <pre>
 * unexpected end of input; expected a value (a string, a number, true, false or null) at position 12
 *   userName eq
 *              ^
 * </pre>
 *
 * <p>Long inputs are quoted in part, around the error. The message holds the client's own input
 * and nothing from inside the parser, so it is safe to return to the client as the {@code detail}
 * of a SCIM {@code invalidFilter} or {@code invalidPath} error.
 */
public final class FilterParseException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Characters shown on each side of the error position in the message. */
  private static final int WINDOW = 40;

  private final String input;
  private final int position;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param input the whole text that was parsed
   * @param position the 0-based index in {@code input} of the first error, from 0 to {@code
   *     input.length()} inclusive
   * @param reason what is wrong, without the position
   */
  public FilterParseException(String input, int position, String reason) {
    super(render(checked(input, position, reason), position, reason));
    this.input = input;
    this.position = position;
    this.reason = reason;
  }

  /** Checks the arguments before {@link #render} uses them. */
  private static String checked(String input, int position, String reason) {
    requireNonNull(input, "input == null");
    requireNonNull(reason, "reason == null");
    if (position < 0 || position > input.length()) {
      throw new IllegalArgumentException("position out of range: " + position);
    }
    return input;
  }

  /** The text that failed to parse. */
  public String input() {
    return input;
  }

  /** The 0-based index in {@link #input()} of the first error. */
  public int position() {
    return position;
  }

  /** What is wrong, in one line, without the position or the input. */
  public String reason() {
    return reason;
  }

  private static String render(String input, int position, String reason) {
    int from = Math.max(0, position - WINDOW);
    int to = Math.min(input.length(), position + WINDOW);
    if (from > 0 && Character.isLowSurrogate(input.charAt(from))
        && Character.isHighSurrogate(input.charAt(from - 1))) {
      from++; // quote whole characters only
    }
    if (to < input.length() && Character.isLowSurrogate(input.charAt(to))
        && Character.isHighSurrogate(input.charAt(to - 1))) {
      to--;
    }
    String prefix = from > 0 ? "..." : "";
    String suffix = to < input.length() ? "..." : "";
    StringBuilder snippet = new StringBuilder(prefix.length() + (to - from) + suffix.length());
    snippet.append(prefix);
    for (int i = from; i < to; i++) {
      char c = input.charAt(i);
      snippet.append(c < 0x20 || c == 0x7f ? ' ' : c); // keep the caret under its column
    }
    snippet.append(suffix);
    return reason
        + " at position "
        + position
        + "\n  "
        + snippet
        + "\n  "
        + " ".repeat(prefix.length() + position - from)
        + '^';
  }
}
