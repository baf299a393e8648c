package dev.scimkit.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PagingTest {

  private final Paging paging = Paging.withMaxCount(10);
  private final List<Integer> items = IntStream.rangeClosed(1, 25).boxed().toList();

  @ParameterizedTest(name = "startIndex={0} count={1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1   | 5   | 1,2,3,4,5
          0   | 3   | 1,2,3
          -7  | 2   | 1,2
          24  | 5   | 24,25
          25  | 1   | 25
          26  | 5   | ''
          99  | 5   | ''
          6   | 5   | 6,7,8,9,10
          1   | 0   | ''
          1   | -1  | ''
          1   | 500 | 1,2,3,4,5,6,7,8,9,10
          21  | 500 | 21,22,23,24,25
          """)
  void page_clampsStartIndexAndCount(int startIndex, int count, String expected) {
    List<Integer> want =
        expected.isEmpty()
            ? List.of()
            : java.util.Arrays.stream(expected.split(",")).map(Integer::valueOf).toList();
    assertThat(paging.page(items, startIndex, count)).isEqualTo(want);
  }

  @Test
  void page_withTheLargestIntegers_doesNotOverflow() {
    assertThat(paging.page(items, Integer.MAX_VALUE, Integer.MAX_VALUE)).isEmpty();
    assertThat(Paging.withMaxCount(Integer.MAX_VALUE).page(items, 25, Integer.MAX_VALUE))
        .containsExactly(25);
    assertThat(paging.page(items, Integer.MIN_VALUE, Integer.MIN_VALUE)).isEmpty();
  }

  @Test
  void page_isACopy() {
    List<Integer> page = paging.page(items, 1, 3);
    assertThatThrownBy(() -> page.add(4)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void clamps_followTheRfc() {
    assertThat(paging.startIndex(0)).isEqualTo(1);
    assertThat(paging.startIndex(-3)).isEqualTo(1);
    assertThat(paging.startIndex(7)).isEqualTo(7);
    assertThat(paging.count(-1)).isZero();
    assertThat(paging.count(0)).isZero();
    assertThat(paging.count(3)).isEqualTo(3);
    assertThat(paging.count(11)).isEqualTo(10);
    assertThat(paging.maxCount()).isEqualTo(10);
    assertThat(Paging.defaults().maxCount()).isEqualTo(Paging.DEFAULT_MAX_COUNT);
  }

  @Test
  void parameters_asSent_areParsedAndClamped() {
    assertThat(paging.startIndex((String) null)).isEqualTo(1);
    assertThat(paging.startIndex("")).isEqualTo(1);
    assertThat(paging.startIndex(" 5 ")).isEqualTo(5);
    assertThat(paging.startIndex("0")).isEqualTo(1);
    assertThat(paging.startIndex("99999999999")).isEqualTo(Integer.MAX_VALUE);
    assertThat(paging.count((String) null)).isEqualTo(10);
    assertThat(paging.count("100")).isEqualTo(10);
    assertThat(paging.count("+5")).isEqualTo(5);
    assertThat(paging.count("-1")).isZero();
    assertThat(paging.count("-99999999999")).isZero();
    assertThat(paging.count("99999999999")).isEqualTo(10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1.5", "1e3", "0x10", "--1"})
  void nonIntegerParameters_areInvalidValues(String parameter) {
    ScimException e = catchThrowableOfType(ScimException.class, () -> paging.count(parameter));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
    assertThat(e.detail()).contains("count");
  }

  @Test
  void maxCount_mustBePositive() {
    assertThatThrownBy(() -> Paging.withMaxCount(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
