package dev.scimkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FilterParseExceptionTest {

  @Test
  void message_quotesTheInputWithACaretUnderThePosition() {
    FilterParseException e = new FilterParseException("userName eq", 11, "something");
    assertThat(e.input()).isEqualTo("userName eq");
    assertThat(e.position()).isEqualTo(11);
    assertThat(e.reason()).isEqualTo("something");
    assertThat(e.getMessage()).isEqualTo("something at position 11\n  userName eq\n             ^");
    assertThat(e).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void message_ofALongInput_quotesAWindowAroundThePosition() {
    String input = "a".repeat(100) + "X" + "b".repeat(100);
    FilterParseException e = new FilterParseException(input, 100, "r");
    String[] lines = e.getMessage().split("\n");
    assertThat(lines[1]).isEqualTo("  ..." + "a".repeat(40) + "X" + "b".repeat(39) + "...");
    assertThat(lines[2]).isEqualTo("  " + " ".repeat(3 + 40) + "^");

    assertThat(new FilterParseException(input, 0, "r").getMessage().split("\n")[1])
        .isEqualTo("  " + "a".repeat(40) + "...");
    assertThat(new FilterParseException(input, 201, "r").getMessage().split("\n"))
        .containsExactly(
            "r at position 201", "  ..." + "b".repeat(40), "  " + " ".repeat(43) + "^");
  }

  @Test
  void message_replacesControlCharactersSoTheCaretStaysInItsColumn() {
    FilterParseException e = new FilterParseException("a\tb\nc\u0000d\u007fe", 8, "r");
    assertThat(e.getMessage()).isEqualTo("r at position 8\n  a b c d e\n          ^");
  }

  @Test
  void message_neverSplitsASurrogatePairAtTheWindowEdges() {
    String emoji = "\uD83D\uDE00";
    // 40 units either side of the position both fall between the halves of an emoji
    String input = "x" + emoji.repeat(30) + "!!" + emoji.repeat(30);
    int position = input.lastIndexOf('!');
    assertThat(Character.isLowSurrogate(input.charAt(position - 40))).isTrue();
    assertThat(Character.isLowSurrogate(input.charAt(position + 40))).isTrue();
    String[] lines = new FilterParseException(input, position, "r").getMessage().split("\n");
    String quoted = lines[1].substring(2);
    assertThat(quoted).startsWith("..." + emoji).endsWith(emoji + "...");
    assertThat(quoted.codePoints())
        .as("no lone surrogate")
        .noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
    assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].lastIndexOf('!'));
  }

  @Test
  void constructor_checksItsArguments() {
    assertThatThrownBy(() -> new FilterParseException("abc", -1, "r"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("position out of range: -1");
    assertThatThrownBy(() -> new FilterParseException("abc", 4, "r"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("position out of range: 4");
    assertThatThrownBy(() -> new FilterParseException(null, 0, "r"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("input == null");
    assertThatThrownBy(() -> new FilterParseException("abc", 0, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("reason == null");
    assertThat(new FilterParseException("abc", 3, "r").position()).isEqualTo(3);
    assertThat(new FilterParseException("", 0, "r").getMessage())
        .isEqualTo("r at position 0\n  \n  ^");
  }

  @Test
  void parseErrors_carryTheClientsInputAndNothingFromTheParser() {
    FilterParseException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            FilterParseException.class, () -> Filters.parse("userName eq \"a\" junk"));
    assertThat(e.input()).isEqualTo("userName eq \"a\" junk");
    assertThat(e.getMessage()).doesNotContainIgnoringCase("antlr").doesNotContain("Exception");
    assertThat(e.getCause()).isNull();
  }
}
