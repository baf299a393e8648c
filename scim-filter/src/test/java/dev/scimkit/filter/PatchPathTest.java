package dev.scimkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PatchPathTest {

  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final Filter WORK =
      Filter.compare("type", ComparisonOperator.EQ, FilterValue.of("work"));

  @Test
  void parsePath_attributeOnly_hasNoValueFilter() {
    PatchPath path = Filters.parsePath("name.givenName");
    assertThat(path.attribute()).isEqualTo(AttributePath.of("name", "givenName"));
    assertThat(path.hasValueFilter()).isFalse();
    assertThat(path.valueFilter()).isNull();
    assertThat(path.subAttribute()).isNull();
    assertThat(path).isEqualTo(PatchPath.of(AttributePath.of("name", "givenName")));
  }

  @Test
  void parsePath_entraWorkEmail_hasValueFilterAndSubAttribute() {
    PatchPath path = Filters.parsePath("emails[type eq \"work\"].value");
    assertThat(path).isEqualTo(new PatchPath(AttributePath.of("emails"), WORK, "value"));
    assertThat(path.hasValueFilter()).isTrue();
    assertThat(path).hasToString("emails[type eq \"work\"].value");
  }

  @Test
  void parsePath_entraManagerRemoval_keepsTheSchema() {
    PatchPath path = Filters.parsePath(ENTERPRISE + ":manager[value eq \"26118915\"]");
    assertThat(path.attribute()).isEqualTo(new AttributePath(ENTERPRISE, "manager", null));
    assertThat(path.valueFilter())
        .isEqualTo(Filter.compare("value", ComparisonOperator.EQ, FilterValue.of("26118915")));
    assertThat(path.subAttribute()).isNull();
  }

  @Test
  void parsePath_memberRemoval_matchesOkta() {
    PatchPath path = Filters.parsePath("members[value eq \"00u1a2b3\"]");
    assertThat(path.attribute().name()).isEqualTo("members");
    assertThat(Filters.format(path.valueFilter())).isEqualTo("value eq \"00u1a2b3\"");
  }

  @Test
  void constructor_rejectsSubAttributeWithoutValueFilter() {
    assertThatThrownBy(() -> new PatchPath(AttributePath.of("emails"), null, "value"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a sub-attribute after brackets needs a value filter");
  }

  @Test
  void constructor_rejectsValueFilterAfterSubAttribute() {
    assertThatThrownBy(() -> new PatchPath(AttributePath.of("name", "givenName"), WORK, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a value filter must follow a top-level attribute");
  }

  @Test
  void constructor_rejectsNestedValueFilter() {
    Filter nested = new Filter.ValuePath(AttributePath.of("x"), WORK);
    assertThatThrownBy(
            () -> new PatchPath(AttributePath.of("emails"), Filter.and(WORK, nested), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("value paths cannot be nested");
  }

  @Test
  void constructor_rejectsInvalidSubAttributeName() {
    AttributePath emails = AttributePath.of("emails");
    assertThatThrownBy(() -> new PatchPath(emails, WORK, "a.b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PatchPath(emails, WORK, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PatchPath(emails, WORK, "urn:x:y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PatchPath(null, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("attribute == null");
  }

  @Test
  void equality_isStructural() {
    PatchPath a = Filters.parsePath("emails[type eq \"work\" and primary eq true].value");
    PatchPath b = Filters.parsePath("EMAILS[TYPE EQ \"work\" AND PRIMARY EQ TRUE].value");
    assertThat(a).isNotEqualTo(b); // names keep their case
    assertThat(a)
        .isEqualTo(Filters.parsePath("emails[type EQ \"work\" AND primary eq True].value"));
    assertThat(a)
        .hasSameHashCodeAs(
            Filters.parsePath("emails[(type eq \"work\") and (primary eq true)].value"));
  }

  @Test
  void parsePath_andFilter_readTheSameValueFilter() {
    Filter fromPath =
        Filters.parsePath("emails[type eq \"work\" and value co \"@x\"]").valueFilter();
    Filter fromFilter =
        ((Filter.ValuePath) Filters.parse("emails[type eq \"work\" and value co \"@x\"]")).filter();
    assertThat(fromPath).isEqualTo(fromFilter);
  }

  @Test
  void parsePath_rejectsNull() {
    assertThatThrownBy(() -> Filters.parsePath(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text == null");
    assertThatThrownBy(() -> Filters.format((PatchPath) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("path == null");
  }

  @Test
  void parsePath_aBareKeyword_isNotAnAttributePath() {
    for (String keyword : new String[] {"eq", "AND", "pr", "True", "null"}) {
      assertThatThrownBy(() -> Filters.parsePath(keyword))
          .isInstanceOf(FilterParseException.class)
          .hasMessageStartingWith("unexpected '" + keyword + "'; expected an attribute path");
    }
    assertThat(Filters.parsePath("equals").attribute().name()).isEqualTo("equals");
  }
}
