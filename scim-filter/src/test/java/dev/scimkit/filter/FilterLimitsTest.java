package dev.scimkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FilterLimitsTest {

  @Test
  void defaults_areTheDocumentedValues() {
    FilterLimits defaults = FilterLimits.defaults();
    assertThat(defaults.maxLength()).isEqualTo(FilterLimits.DEFAULT_MAX_LENGTH).isEqualTo(32_768);
    assertThat(defaults.maxDepth()).isEqualTo(FilterLimits.DEFAULT_MAX_DEPTH).isEqualTo(64);
    assertThat(FilterLimits.defaults()).isSameAs(defaults);
    assertThat(FilterLimits.builder().build()).isEqualTo(defaults);
  }

  @Test
  void builder_setsEachLimit() {
    FilterLimits limits = FilterLimits.builder().maxLength(100).maxDepth(3).build();
    assertThat(limits.maxLength()).isEqualTo(100);
    assertThat(limits.maxDepth()).isEqualTo(3);

    FilterLimits smallest = FilterLimits.builder().maxLength(1).maxDepth(1).build();
    assertThat(smallest.maxLength()).isEqualTo(1);
    assertThat(smallest.maxDepth()).isEqualTo(1);

    FilterLimits largest =
        FilterLimits.builder().maxLength(Integer.MAX_VALUE).maxDepth(Integer.MAX_VALUE).build();
    assertThat(largest.maxLength()).isEqualTo(Integer.MAX_VALUE);
    assertThat(largest.maxDepth()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void builder_rejectsLimitsBelowOne() {
    FilterLimits.Builder builder = FilterLimits.builder();
    assertThatThrownBy(() -> builder.maxLength(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLength < 1: 0");
    assertThatThrownBy(() -> builder.maxLength(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLength < 1: -5");
    assertThatThrownBy(() -> builder.maxDepth(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDepth < 1: 0");
    assertThatThrownBy(() -> builder.maxDepth(Integer.MIN_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDepth < 1: " + Integer.MIN_VALUE);
    // a rejected value leaves the builder as it was
    assertThat(builder.build()).isEqualTo(FilterLimits.defaults());
  }

  @Test
  void toBuilder_startsFromTheseLimitsAndLeavesThemUnchanged() {
    FilterLimits original = FilterLimits.builder().maxLength(500).maxDepth(7).build();
    FilterLimits changed = original.toBuilder().maxDepth(8).build();

    assertThat(changed.maxLength()).isEqualTo(500);
    assertThat(changed.maxDepth()).isEqualTo(8);
    assertThat(original.maxDepth()).isEqualTo(7);
    assertThat(original.toBuilder().build()).isEqualTo(original);
  }

  @Test
  void builder_isReusableAndEachBuildIsIndependent() {
    FilterLimits.Builder builder = FilterLimits.builder().maxLength(10);
    FilterLimits first = builder.build();
    FilterLimits second = builder.maxLength(20).build();
    assertThat(first.maxLength()).isEqualTo(10);
    assertThat(second.maxLength()).isEqualTo(20);
  }

  @Test
  void equality_isByValue() {
    FilterLimits a = FilterLimits.builder().maxLength(10).maxDepth(2).build();
    FilterLimits b = FilterLimits.builder().maxDepth(2).maxLength(10).build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(a.toBuilder().maxDepth(3).build());
    assertThat(a).isNotEqualTo(a.toBuilder().maxLength(11).build());
    assertThat(a).isNotEqualTo(null).isNotEqualTo("FilterLimits");
    assertThat(a).hasToString("FilterLimits{maxLength=10, maxDepth=2}");
  }

  @Test
  void parse_withNullLimits_isRejected() {
    assertThatThrownBy(() -> Filters.parse("a pr", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("limits == null");
    assertThatThrownBy(() -> Filters.parsePath("a", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("limits == null");
  }
}
