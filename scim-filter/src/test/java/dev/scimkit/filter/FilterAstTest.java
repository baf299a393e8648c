package dev.scimkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invariants of the filter AST: construction, flattening, equality and dispatch. */
class FilterAstTest {

  private static final Filter A = Filter.present("a");
  private static final Filter B = Filter.present("b");
  private static final Filter C = Filter.present("c");
  private static final Filter D = Filter.present("d");

  // ---- and / or ----------------------------------------------------------------------------

  @Test
  void and_flattensNestedAnds() {
    Filter nested =
        new Filter.And(List.of(new Filter.And(List.of(A, B)), C, new Filter.And(List.of(D, A))));
    assertThat(((Filter.And) nested).operands()).containsExactly(A, B, C, D, A);
    assertThat(nested).isEqualTo(Filter.and(A, B, C, D, A));
  }

  @Test
  void or_flattensNestedOrs() {
    Filter nested = Filter.or(A, Filter.or(B, C));
    assertThat(((Filter.Or) nested).operands()).containsExactly(A, B, C);
    assertThat(nested).isEqualTo(Filter.or(Filter.or(A, B), C));
  }

  @Test
  void and_keepsOrOperandsAndOrKeepsAndOperands() {
    Filter and = Filter.and(A, Filter.or(B, C));
    assertThat(((Filter.And) and).operands()).containsExactly(A, Filter.or(B, C));
    Filter or = Filter.or(A, Filter.and(B, C));
    assertThat(((Filter.Or) or).operands()).containsExactly(A, Filter.and(B, C));
    Filter not = Filter.and(A, Filter.not(Filter.and(B, C)));
    assertThat(((Filter.And) not).operands()).hasSize(2);
  }

  @Test
  void andAndOr_needAtLeastTwoOperands() {
    assertThatThrownBy(() -> new Filter.And(List.of(A)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'and' needs at least two operands");
    assertThatThrownBy(() -> new Filter.Or(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'or' needs at least two operands");
    // flattening counts the spliced operands
    assertThat(new Filter.And(List.of(new Filter.And(List.of(A, B)))).operands()).hasSize(2);
  }

  @Test
  void andAndOr_rejectNullOperands() {
    assertThatThrownBy(() -> new Filter.And(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Filter.Or(Arrays.asList(A, null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("operand == null");
    assertThatThrownBy(() -> Filter.and(A, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void andAndOr_copyTheirOperandsAndAreImmutable() {
    List<Filter> operands = new ArrayList<>(List.of(A, B));
    Filter.And and = new Filter.And(operands);
    operands.add(C);
    assertThat(and.operands()).containsExactly(A, B);
    assertThatThrownBy(() -> and.operands().add(C))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // ---- value paths -------------------------------------------------------------------------

  @Test
  void valuePath_rejectsNestedValuePaths() {
    Filter inner = new Filter.ValuePath(AttributePath.of("emails"), A);
    AttributePath members = AttributePath.of("members");
    assertThatThrownBy(() -> new Filter.ValuePath(members, inner))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("value paths cannot be nested");
    assertThatThrownBy(() -> new Filter.ValuePath(members, Filter.and(A, Filter.not(inner))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Filter.ValuePath(members, Filter.or(A, Filter.and(B, inner))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void valuePath_rejectsAttributeWithSubAttribute() {
    assertThatThrownBy(() -> new Filter.ValuePath(AttributePath.of("name", "givenName"), A))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a value path must start at a top-level attribute: name.givenName");
  }

  @Test
  void valuePath_acceptsSchemaQualifiedAttributeAndLogicInside() {
    AttributePath manager =
        new AttributePath(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "manager", null);
    Filter vp = new Filter.ValuePath(manager, Filter.or(A, Filter.not(Filter.and(B, C))));
    assertThat(Filters.format(vp))
        .isEqualTo(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"
                + "[a pr or not (b pr and c pr)]");
  }

  @Test
  void nodes_rejectNullParts() {
    AttributePath a = AttributePath.of("a");
    FilterValue v = FilterValue.of("x");
    assertThatThrownBy(() -> new Filter.Not(null)).hasMessage("operand == null");
    assertThatThrownBy(() -> new Filter.Present(null)).hasMessage("attribute == null");
    assertThatThrownBy(() -> new Filter.Comparison(null, ComparisonOperator.EQ, v))
        .hasMessage("attribute == null");
    assertThatThrownBy(() -> new Filter.Comparison(a, null, v)).hasMessage("operator == null");
    assertThatThrownBy(() -> new Filter.Comparison(a, ComparisonOperator.EQ, null))
        .hasMessage("value == null");
    assertThatThrownBy(() -> new Filter.ValuePath(null, A)).hasMessage("attribute == null");
    assertThatThrownBy(() -> new Filter.ValuePath(a, null)).hasMessage("filter == null");
  }

  // ---- equality ----------------------------------------------------------------------------

  @Test
  void equality_isStructural() {
    String text = "userName eq \"bjensen\" and (title pr or emails[type eq \"work\"])";
    Filter first = Filters.parse(text);
    Filter second = Filters.parse(text);
    assertThat(first).isNotSameAs(second).isEqualTo(second).hasSameHashCodeAs(second);

    Filter built =
        Filter.and(
            Filter.compare("userName", ComparisonOperator.EQ, FilterValue.of("bjensen")),
            Filter.or(
                Filter.present("title"),
                new Filter.ValuePath(
                    AttributePath.of("emails"),
                    Filter.compare("type", ComparisonOperator.EQ, FilterValue.of("work")))));
    assertThat(built).isEqualTo(first);
  }

  @Test
  void equality_distinguishesWhatTheTextDistinguishes() {
    assertThat(Filters.parse("userName eq \"a\"")).isNotEqualTo(Filters.parse("UserName eq \"a\""));
    assertThat(Filters.parse("userName eq \"a\"")).isNotEqualTo(Filters.parse("userName eq \"A\""));
    assertThat(Filters.parse("x eq 1")).isNotEqualTo(Filters.parse("x eq 1.0"));
    assertThat(Filters.parse("x eq 1")).isNotEqualTo(Filters.parse("x eq \"1\""));
    assertThat(Filters.parse("x eq true")).isNotEqualTo(Filters.parse("x eq \"true\""));
    assertThat(Filters.parse("a pr and b pr")).isNotEqualTo(Filters.parse("b pr and a pr"));
    assertThat(Filters.parse("a pr and b pr")).isNotEqualTo(Filters.parse("a pr or b pr"));
    assertThat(Filters.parse("x eq 1")).isNotEqualTo(Filters.parse("x ne 1"));
  }

  @Test
  void equality_ignoresWhatTheTextDoesNotDistinguish() {
    assertThat(Filters.parse("x EQ TRUE")).isEqualTo(Filters.parse("x eq true"));
    assertThat(Filters.parse("((a pr))")).isEqualTo(Filters.parse("a pr"));
    assertThat(Filters.parse("(a pr and b pr) and c pr"))
        .isEqualTo(Filters.parse("a pr and (b pr and c pr)"));
    assertThat(Filters.parse("x eq \"\\u0041\\/\"")).isEqualTo(Filters.parse("x eq \"A/\""));
    assertThat(Filters.parse("x eq 1e2")).isEqualTo(Filters.parse("x eq 1E+2"));
    assertThat(Filters.parse("x eq -0")).isEqualTo(Filters.parse("x eq 0"));
  }

  // ---- visitor -----------------------------------------------------------------------------

  @Test
  void accept_dispatchesToTheMethodOfEachNodeKind() {
    Filter filter =
        Filters.parse("not (a eq 1) and (b pr or emails[type eq \"work\" and value pr])");
    assertThat(filter.accept(new Describer()))
        .isEqualTo(
            "And(Not(Comparison(a eq 1)), Or(Present(b), ValuePath(emails, "
                + "And(Comparison(type eq \"work\"), Present(value)))))");
  }

  @Test
  void accept_returnsTheVisitorsResult() {
    Filter.Visitor<Integer> depth =
        new Filter.Visitor<>() {
          @Override
          public Integer visitAnd(Filter.And and) {
            return 1 + and.operands().stream().mapToInt(f -> f.accept(this)).max().orElseThrow();
          }

          @Override
          public Integer visitOr(Filter.Or or) {
            return 1 + or.operands().stream().mapToInt(f -> f.accept(this)).max().orElseThrow();
          }

          @Override
          public Integer visitNot(Filter.Not not) {
            return 1 + not.operand().accept(this);
          }

          @Override
          public Integer visitComparison(Filter.Comparison comparison) {
            return 1;
          }

          @Override
          public Integer visitPresent(Filter.Present present) {
            return 1;
          }

          @Override
          public Integer visitValuePath(Filter.ValuePath valuePath) {
            return 1 + valuePath.filter().accept(this);
          }
        };
    assertThat(Filters.parse("a pr").accept(depth)).isEqualTo(1);
    assertThat(Filters.parse("not (not (a pr)) or b pr").accept(depth)).isEqualTo(4);
    assertThat(Filters.parse("x[a pr and not (b pr)]").accept(depth)).isEqualTo(4);
  }

  /** Names every node, so that a wrong dispatch shows in the text. */
  private static final class Describer implements Filter.Visitor<String> {
    @Override
    public String visitAnd(Filter.And and) {
      return "And(" + join(and.operands()) + ")";
    }

    @Override
    public String visitOr(Filter.Or or) {
      return "Or(" + join(or.operands()) + ")";
    }

    @Override
    public String visitNot(Filter.Not not) {
      return "Not(" + not.operand().accept(this) + ")";
    }

    @Override
    public String visitComparison(Filter.Comparison comparison) {
      return "Comparison(" + comparison + ")";
    }

    @Override
    public String visitPresent(Filter.Present present) {
      return "Present(" + present.attribute() + ")";
    }

    @Override
    public String visitValuePath(Filter.ValuePath valuePath) {
      return "ValuePath(" + valuePath.attribute() + ", " + valuePath.filter().accept(this) + ")";
    }

    private String join(List<Filter> operands) {
      return String.join(", ", operands.stream().map(f -> f.accept(this)).toList());
    }
  }

  // ---- factories and toString --------------------------------------------------------------

  @Test
  void factories_parseTheirAttributeArgument() {
    Filter.Comparison c =
        (Filter.Comparison)
            Filter.compare(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
                ComparisonOperator.EQ,
                FilterValue.of(7));
    assertThat(c.attribute().schema())
        .isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    assertThat(c.attribute().name()).isEqualTo("manager");
    assertThat(c.attribute().subAttribute()).isEqualTo("value");
    assertThat(c.value()).isEqualTo(FilterValue.of(BigDecimal.valueOf(7)));

    assertThatThrownBy(() -> Filter.present("not a path"))
        .isInstanceOf(FilterParseException.class)
        .hasMessageStartingWith("unexpected character U+0020 in an attribute path at position 3");
    assertThatThrownBy(() -> Filter.compare("a.b.c", ComparisonOperator.EQ, FilterValue.of(1)))
        .isInstanceOf(FilterParseException.class);
  }

  @Test
  void toString_isTheCanonicalText() {
    String text = "userName eq \"bjensen\" and not (emails[type eq \"work\"] or title pr)";
    Filter filter = Filters.parse(text);
    assertThat(filter).hasToString(text);
    Filter.And and = (Filter.And) filter;
    assertThat(and.operands().get(0)).hasToString("userName eq \"bjensen\"");
    Filter.Not not = (Filter.Not) and.operands().get(1);
    assertThat(not).hasToString("not (emails[type eq \"work\"] or title pr)");
    assertThat(not.operand()).hasToString("emails[type eq \"work\"] or title pr");
    assertThat(((Filter.Or) not.operand()).operands().get(0))
        .hasToString("emails[type eq \"work\"]");
    assertThat(((Filter.Or) not.operand()).operands().get(1)).hasToString("title pr");
  }

  @Test
  void comparisonOperator_keywordIsLowerCaseName() {
    for (ComparisonOperator op : ComparisonOperator.values()) {
      assertThat(op.keyword()).isEqualTo(op.name().toLowerCase(java.util.Locale.ROOT));
      Filter parsed = Filters.parse("x " + op.name() + " 1");
      assertThat(((Filter.Comparison) parsed).operator()).isSameAs(op);
    }
    assertThat(ComparisonOperator.values()).hasSize(9);
  }
}
