package dev.scimkit.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.filter.Filters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterValidationTest {

  private final FilterEvaluator users = FilterEvaluator.forType(Schemas.userType());

  private ScimException rejection(String filter) {
    ScimException e =
        catchThrowableOfType(
            ScimException.class, () -> users.validate(Filters.parse(filter)));
    assertThat(e).as("validate(%s) throws", filter).isNotNull();
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_FILTER);
    return e;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "userName eq \"a\"",
        "emails[type eq \"work\"].value eq \"x@y\"",
        "id eq \"1\" and manager eq \"2\"",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"1\"",
        "active eq false",
        "active eq \"True\"",
        "active ne null",
        "meta.lastModified gt \"2011-05-13T04:42:34Z\"",
        "schemas eq \"urn:ietf:params:scim:schemas:core:2.0:User\"",
        "emails co \"example.com\"",
        "emails gt \"a\"",
        "x509Certificates eq \"TWFu\"",
        "name pr",
        "meta pr",
        "name[givenName eq \"a\"]",
        "not (userName pr) or title eq null",
      })
  void validFilters_pass(String filter) {
    assertThatCode(() -> users.validate(Filters.parse(filter))).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          userNam eq "a"                                                | "userNam"
          UserNam eq "a" and userName eq "b"                            | "UserNam"
          name.middle eq "a"                                            | "name.middle"
          urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:badge pr | "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:badge"
          emails[kind eq "work"]                                        | "kind"
          nope[value eq "x"]                                            | "nope"
          userName.value eq "a"                                         | "userName.value"
          """)
  void unknownAttributes_areRejectedNamingThePathAsWritten(String filter, String quoted) {
    assertThat(rejection(filter).detail()).contains("unknown attribute").contains(quoted);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "active gt true",
        "active le false",
        "x509Certificates.value gt \"a\"",
        "x509Certificates lt \"a\"",
        "emails.primary ge true",
      })
  void orderingOperators_onBooleansAndBinaries_areRejected(String filter) {
    assertThat(rejection(filter).detail()).contains("does not apply");
  }

  @ParameterizedTest
  @ValueSource(strings = {"name eq \"x\"", "meta eq \"x\"", "name gt \"x\"", "meta co \"x\""})
  void comparisons_onComplexAttributesWithoutValue_areRejected(String filter) {
    assertThat(rejection(filter).detail()).contains("without a \"value\" sub-attribute");
  }

  @ParameterizedTest
  @ValueSource(strings = {"userName gt null", "userName co null", "meta.created lt null"})
  void null_canOnlyBeComparedByEqOrNe(String filter) {
    assertThat(rejection(filter).detail()).contains("null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"userName[value eq \"x\"]", "active[value eq true]"})
  void valueFilters_onNonComplexAttributes_areRejected(String filter) {
    assertThat(rejection(filter).detail()).contains("not a complex attribute");
  }

  @ParameterizedTest
  @ValueSource(strings = {"active gt true", "name eq \"x\"", "userName lt null"})
  void matches_alsoRejectsOperatorMisuse(String filter) {
    ScimException e =
        catchThrowableOfType(
            ScimException.class,
            () ->
                users.matches(
                    Filters.parse(filter),
                    SearchFixtures.stored("u", SearchFixtures.json("{'userName':'x'}"))));
    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_FILTER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"userNam eq \"a\"", "not (nope pr)", "emails[kind eq \"x\"]"})
  void compile_acceptsUnknownAttributes_asMatchingNothing(String filter) {
    CompiledFilter f = users.compile(Filters.parse(filter));
    assertThat(f.matches(SearchFixtures.stored("u", SearchFixtures.json("{'userName':'x'}"))))
        .isFalse();
  }
}
