package dev.scimkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttributePathTest {

  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @ParameterizedTest
  @ValueSource(strings = {"userName", "a", "Z", "x1", "a-b", "a_b", "a-_9", "$ref", "$REF", "$Ref"})
  void constructor_acceptsAttributeNames(String name) {
    assertThat(AttributePath.of(name).name()).isEqualTo(name);
    assertThat(AttributePath.of("emails", name).subAttribute()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "1a",
        "-a",
        "_a",
        "a.b",
        "a:b",
        "a b",
        "a$b",
        "$",
        "$refs",
        "ref$",
        "é",
        "userNäme",
        "a\u0000",
        "a[b]",
        "a\"b"
      })
  void constructor_rejectsInvalidNames(String name) {
    assertThatThrownBy(() -> AttributePath.of(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an attribute name: \"" + name + "\"");
    assertThatThrownBy(() -> AttributePath.of("a", name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an attribute name: \"" + name + "\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ENTERPRISE,
        "urn:x",
        "URN:x",
        "urn:a:b.c-d_e:2.0",
        "urn:ietf:params:scim:api:messages:2.0"
      })
  void constructor_acceptsSchemaUrns(String schema) {
    assertThat(new AttributePath(schema, "a", null).schema()).isEqualTo(schema);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "urn",
        "urn:",
        "foo:bar",
        "http://example.com/schema",
        "urn::x",
        "urn:x:",
        "urn:x::y",
        "urn:x y",
        "urn:a$b",
        "urn:é",
        " urn:x"
      })
  void constructor_rejectsWhatIsNotASchemaUrn(String schema) {
    assertThatThrownBy(() -> new AttributePath(schema, "a", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a schema URN: \"" + schema + "\"");
  }

  @Test
  void constructor_requiresAName() {
    assertThatThrownBy(() -> new AttributePath(null, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name == null");
    assertThatThrownBy(() -> AttributePath.of("a", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("subAttribute == null");
  }

  @Test
  void accessors_describeTheParts() {
    AttributePath path = new AttributePath(ENTERPRISE, "manager", "value");
    assertThat(path.hasSchema()).isTrue();
    assertThat(path.hasSubAttribute()).isTrue();
    assertThat(path.withoutSubAttribute())
        .isEqualTo(new AttributePath(ENTERPRISE, "manager", null));
    assertThat(path.withoutSubAttribute().withSubAttribute("value")).isEqualTo(path);
    assertThat(path).hasToString(ENTERPRISE + ":manager.value");

    AttributePath plain = AttributePath.of("userName");
    assertThat(plain.hasSchema()).isFalse();
    assertThat(plain.hasSubAttribute()).isFalse();
    assertThat(plain.withoutSubAttribute()).isSameAs(plain);
    assertThatThrownBy(() -> plain.withSubAttribute("a.b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equality_isExactAndCaseSensitive() {
    assertThat(AttributePath.of("name", "givenName"))
        .isEqualTo(new AttributePath(null, "name", "givenName"));
    assertThat(AttributePath.of("userName")).isNotEqualTo(AttributePath.of("username"));
    assertThat(new AttributePath("urn:x", "a", null))
        .isNotEqualTo(new AttributePath("URN:x", "a", null));
  }

  @Test
  void parseAttributePath_splitsSchemaNameAndSubAttribute() {
    assertThat(Filters.parseAttributePath(ENTERPRISE + ":manager.value"))
        .isEqualTo(new AttributePath(ENTERPRISE, "manager", "value"));
    assertThat(Filters.parseAttributePath("name.givenName"))
        .isEqualTo(AttributePath.of("name", "givenName"));
    assertThat(Filters.parseAttributePath("members.$ref"))
        .isEqualTo(AttributePath.of("members", "$ref"));
    // a whole schema URN parses as its last segment under the rest; scim-core decides
    assertThat(Filters.parseAttributePath(ENTERPRISE))
        .isEqualTo(
            new AttributePath(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0", "User", null));
    // keywords are names here: sortBy=pr means the attribute "pr"
    assertThat(Filters.parseAttributePath("pr")).isEqualTo(AttributePath.of("pr"));
  }

  @Test
  void parseAttributePath_rejectsNull() {
    assertThatThrownBy(() -> Filters.parseAttributePath(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text == null");
  }
}
