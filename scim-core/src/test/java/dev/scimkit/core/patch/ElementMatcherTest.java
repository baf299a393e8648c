package dev.scimkit.core.patch;

import static dev.scimkit.core.patch.PatchFixtures.assertBadRequest;
import static dev.scimkit.core.patch.PatchFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.Filters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElementMatcherTest {
  private static final Attribute EMAILS = Schemas.user().attribute("emails");
  private static final Attribute PHOTOS = Schemas.user().attribute("photos");
  private static final Attribute BADGES =
      Attribute.builder("badges")
          .type(AttributeType.COMPLEX)
          .multiValued(true)
          .subAttribute(Attribute.builder("level").type(AttributeType.INTEGER).build())
          .subAttribute(Attribute.builder("since").type(AttributeType.DATE_TIME).build())
          .build();

  private static boolean matches(Attribute parent, String element, String filter) {
    Filter f = Filters.parse(filter);
    ElementMatcher.validate(parent, f, filter);
    return ElementMatcher.matches(parent, json(element), f);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "type eq \"WORK\"                       | true",
        "type ne \"work\"                       | false",
        "value co \"EXAMPLE\"                   | true",
        "value sw \"bj\"                        | true",
        "value ew \".com\"                      | true",
        "value gt \"a\"                         | true",
        "value lt \"a\"                         | false",
        "primary eq true                        | true",
        "primary eq \"True\"                    | true",
        "primary eq false                       | false",
        "display pr                             | false",
        "display eq null                        | true",
        "type pr and not (primary eq false)     | true",
        "type eq \"home\" or value sw \"BJ\"    | true",
        "emails.type eq \"work\"                | true"
      })
  void emailElement_isMatchedCaseInsensitively(String filter, boolean expected) {
    String element = "{\"value\":\"bjensen@example.com\",\"type\":\"work\",\"primary\":true}";

    assertThat(matches(EMAILS, element, filter)).isEqualTo(expected);
  }

  @Test
  void caseExactSubAttribute_isComparedWithCase() {
    assertThat(matches(PHOTOS, "{\"value\":\"https://x/Photo.jpg\"}", "value eq \"https://x/photo.jpg\""))
        .isFalse();
    assertThat(matches(PHOTOS, "{\"value\":\"https://x/Photo.jpg\"}", "value eq \"https://x/Photo.jpg\""))
        .isTrue();
  }

  @Test
  void numbersAndDateTimes_areComparedByValue() {
    String element = "{\"level\":10,\"since\":\"2020-01-01T01:00:00+01:00\"}";

    assertThat(matches(BADGES, element, "level gt 9")).isTrue();
    assertThat(matches(BADGES, element, "level le 9.5")).isFalse();
    assertThat(matches(BADGES, element, "since eq \"2020-01-01T00:00:00Z\"")).isTrue();
    assertThat(matches(BADGES, element, "since lt \"2019-12-31T23:59:59Z\"")).isFalse();
  }

  @Test
  void unknownSubAttributeInAFilter_isInvalidPath() {
    assertBadRequest(ScimType.INVALID_PATH, () -> matches(EMAILS, "{}", "kind eq \"work\""));
    assertBadRequest(ScimType.INVALID_PATH, () -> matches(EMAILS, "{}", "name.givenName eq \"x\""));
  }
}
