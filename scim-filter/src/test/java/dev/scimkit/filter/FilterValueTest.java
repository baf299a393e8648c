package dev.scimkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FilterValueTest {

  @Test
  void factories_makeEachKindOfLiteral() {
    assertThat(FilterValue.of("x")).isEqualTo(new FilterValue.StringValue("x"));
    assertThat(FilterValue.of(42)).isEqualTo(new FilterValue.NumberValue(BigDecimal.valueOf(42)));
    assertThat(FilterValue.of(new BigDecimal("1.50")).value()).isEqualTo(new BigDecimal("1.50"));
    assertThat(FilterValue.of(true))
        .isEqualTo(new FilterValue.BooleanValue(true))
        .isSameAs(FilterValue.of(true));
    assertThat(FilterValue.of(false)).isEqualTo(new FilterValue.BooleanValue(false));
    assertThat(FilterValue.ofNull())
        .isEqualTo(new FilterValue.NullValue())
        .isSameAs(FilterValue.ofNull());
  }

  @Test
  void toJava_returnsThePlainJavaValue() {
    assertThat(FilterValue.of("x").toJava()).isEqualTo("x");
    assertThat(FilterValue.of(7).toJava()).isEqualTo(BigDecimal.valueOf(7));
    assertThat(FilterValue.of(true).toJava()).isEqualTo(Boolean.TRUE);
    assertThat(FilterValue.ofNull().toJava()).isNull();
  }

  @Test
  void factories_rejectNull() {
    assertThatThrownBy(() -> FilterValue.of((String) null)).hasMessage("value == null");
    assertThatThrownBy(() -> FilterValue.of((BigDecimal) null)).hasMessage("value == null");
  }

  @Test
  void numbers_keepTheirScale() {
    assertThat(FilterValue.of(new BigDecimal("1.50")))
        .isNotEqualTo(FilterValue.of(new BigDecimal("1.5")));
    assertThat(number("x eq 1.50")).isEqualTo(new BigDecimal("1.50"));
    assertThat(number("x eq 1.5e1").scale()).isZero();
    assertThat(number("x eq -0.0025")).isEqualTo(new BigDecimal("-2.5E-3"));
  }

  @Test
  void numbers_withExponentsBeyondAnIntButARepresentableScale_parse() {
    // BigDecimal.toString writes this for a scale of -2147483647; the parser must read it back
    BigDecimal huge = new BigDecimal(BigInteger.valueOf(12), -Integer.MAX_VALUE);
    assertThat(huge.toString()).isEqualTo("1.2E+2147483648");
    assertThat(number("x eq 1.2E+2147483648")).isEqualTo(huge);
    assertThat(number("x eq 12e2147483647")).isEqualTo(huge);

    BigDecimal hugest = new BigDecimal(BigInteger.valueOf(-123), Integer.MIN_VALUE);
    assertThat(number("x eq " + hugest)).isEqualTo(hugest);
    assertThat(number("x eq 1e-2147483647"))
        .isEqualTo(BigDecimal.ONE.scaleByPowerOfTen(-Integer.MAX_VALUE));
  }

  @Test
  void numbers_whoseScaleIsNotAnInt_areOutOfRange() {
    for (String number :
        new String[] {
          "1e-2147483648",
          "1.5e-2147483647",
          "12e2147483649",
          "1e9223372036854775807",
          "1e-9223372036854775808",
          "1e99999999999999999999"
        }) {
      assertThatThrownBy(() -> Filters.parse("x eq " + number))
          .as(number)
          .isInstanceOfSatisfying(
              FilterParseException.class,
              e -> {
                assertThat(e.reason()).isEqualTo("number out of range: " + number);
                assertThat(e.position()).isEqualTo(5);
              });
    }
  }

  @Test
  void format_writesCanonicalLiterals() {
    assertThat(Filters.format(FilterValue.of("a\"b\\c/\u0001\u00e9\uD83D\uDE00\uD800")))
        .isEqualTo("\"a\\\"b\\\\c/\\u0001\u00e9\uD83D\uDE00\\ud800\"");
    assertThat(Filters.format(FilterValue.of(new BigDecimal("-1.5E-10")))).isEqualTo("-1.5E-10");
    assertThat(Filters.format(FilterValue.of(false))).isEqualTo("false");
    assertThat(Filters.format(FilterValue.ofNull())).isEqualTo("null");
    assertThat(FilterValue.of("x")).hasToString("\"x\"");
    assertThat(FilterValue.of(3)).hasToString("3");
    assertThat(FilterValue.of(true)).hasToString("true");
    assertThat(FilterValue.ofNull()).hasToString("null");
  }

  @Test
  void strings_decodeEveryJsonEscape() {
    assertThat(string("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"")).isEqualTo("\"\\/\b\f\n\r\t");
    assertThat(string("\"\\u0041\\u00e9\\u00C9\\u4E2D\"")).isEqualTo("A\u00e9\u00c9\u4e2d");
    assertThat(string("\"\\ud83d\\ude00\"")).isEqualTo("\uD83D\uDE00");
    assertThat(string("\"\\uDE00\\uD83D\"")).isEqualTo("\uDE00\uD83D"); // kept as written
    assertThat(string("\"\\u0000\"")).isEqualTo("\u0000");
    assertThat(string("\"caf\u00e9 \u5c71\u7530 \uD83D\uDE00\""))
        .isEqualTo("caf\u00e9 \u5c71\u7530 \uD83D\uDE00");
    assertThat(string("\"O'Malley\"")).isEqualTo("O'Malley");
  }

  private static BigDecimal number(String filter) {
    return (BigDecimal) ((Filter.Comparison) Filters.parse(filter)).value().toJava();
  }

  private static String string(String literal) {
    return (String) ((Filter.Comparison) Filters.parse("x eq " + literal)).value().toJava();
  }
}
