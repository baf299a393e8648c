package dev.scimkit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.internal.ResourceNormalizer;
import dev.scimkit.core.resource.User;
import dev.scimkit.core.schema.Schemas;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class BeanValidationCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENTERPRISE = Schemas.ENTERPRISE_USER;

  /** A POST /Users body as Entra ID sends it, string booleans and plain-string manager included. */
  private static final String ENTRA_POST =
      """
      {
        "schemas": [
          "urn:ietf:params:scim:schemas:core:2.0:User",
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
        ],
        "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
        "userName": "Test_User_ab6490ee@contoso.com",
        "active": "True",
        "displayName": "BobIsAmazing",
        "emails": [{"primary": true, "type": "work", "value": "Test_User_fd0ea19b@contoso.com"}],
        "phoneNumbers": [
          {"type": "work", "value": "+1 555 0100"},
          {"type": "mobile", "value": "+1 555 0199"}
        ],
        "addresses": [{"type": "work", "locality": "Redmond", "country": "US", "primary": false}],
        "name": {"familyName": "barney", "givenName": "Bob"},
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
          "employeeNumber": "701984",
          "manager": "26118915-6090-4610-87e4-49d8ca9f808d"
        }
      }
      """;

  /** A host's own model of a user, declaring only what it constrains. */
  record Employee(
      @NotBlank @Email String userName,
      @Valid PersonName name,
      List<@Valid Address> emails,
      List<@Size(max = 10) String> nicknames,
      @JsonProperty(ENTERPRISE) @Valid Enterprise enterprise) {}

  record PersonName(@NotBlank @Size(max = 20) String givenName, String familyName) {}

  record Address(@Email String value, String type) {}

  record Enterprise(@Pattern(regexp = "\\d{6}") String employeeNumber, @Valid Boss manager) {}

  record Boss(@Size(min = 8) String value) {}

  /** A host model that is stricter about a type than the schema is. */
  record Numbered(@JsonProperty(ENTERPRISE) Badge enterprise) {}

  record Badge(Integer employeeNumber) {}

  /** A host message that would echo the client's value if Expression Language were evaluated. */
  record Echoing(@Size(max = 3, message = "'${validatedValue}' is longer than {max}") String userName) {}

  private final BeanValidationCheck check = BeanValidationCheck.of(Employee.class);

  @Test
  void validResource_passes() {
    ObjectNode doc =
        canonical(
            """
            {
              "userName": "bjensen@example.com",
              "name": {"givenName": "Barbara", "familyName": "Jensen"},
              "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true}],
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                "employeeNumber": "701984",
                "manager": {"value": "26118915-6090"}
              }
            }
            """);

    assertThatCode(() -> run(check, doc)).doesNotThrowAnyException();
  }

  @Test
  void blankUserName_isInvalidValueNamingTheAttribute() {
    ScimException e = rejected(check, canonical("{\"userName\": \"\"}"));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
    assertThat(e.detail()).isEqualTo("'userName' must not be blank");
  }

  @Test
  void nestedViolation_namesTheSubAttribute() {
    ScimException e =
        rejected(check, canonical("{\"userName\": \"b@example.com\", \"name\": {\"familyName\": \"J\"}}"));

    assertThat(e.detail()).isEqualTo("'name.givenName' must not be blank");
  }

  @Test
  void sizeViolation_fillsInTheConstraintsParameters() {
    ScimException e =
        rejected(
            check,
            canonical(
                "{\"userName\": \"b@example.com\", \"name\": {\"givenName\": \"Barbara-Anne-Marie-Louise\"}}"));

    assertThat(e.detail()).isEqualTo("'name.givenName' size must be between 0 and 20");
  }

  @Test
  void violationInAMultiValuedAttribute_namesItWithoutAnIndex() {
    ScimException e =
        rejected(
            check,
            canonical(
                """
                {"userName": "b@example.com",
                 "emails": [{"value": "b@example.com"}, {"value": "not an address"}]}
                """));

    assertThat(e.detail()).isEqualTo("'emails.value' must be a well-formed email address");
  }

  @Test
  void violationOnAContainerElement_namesTheAttribute() {
    // a host's own multi-valued string attribute, constrained per element
    ObjectNode doc = JSON.createObjectNode().put("userName", "b@example.com");
    doc.putArray("nicknames").add("Babs").add("Barbara the Great");

    assertThat(rejected(check, doc).detail()).isEqualTo("'nicknames' size must be between 0 and 10");
  }

  @Test
  void enterpriseViolation_namesTheAttributeAfterItsUrn() {
    ScimException e =
        rejected(
            check,
            canonical(
                """
                {"userName": "b@example.com",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "A-17"}}
                """));

    assertThat(e.detail())
        .isEqualTo("'" + ENTERPRISE + ":employeeNumber' must match \"\\d{6}\"");
  }

  @Test
  void enterpriseManagerSentAsAPlainString_isCheckedAsItsValue() {
    // Entra sends "manager": "<id>"; the engine's canonical form makes it {"value": "<id>"}
    ScimException e =
        rejected(
            check,
            canonical(
                """
                {"userName": "b@example.com",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": "42"}}
                """));

    assertThat(e.detail())
        .isEqualTo("'" + ENTERPRISE + ":manager.value' size must be between 8 and 2147483647");
  }

  @Test
  void severalViolations_reportTheFirstByAttributePath_everyTime() {
    ObjectNode doc =
        canonical(
            """
            {"userName": "   ",
             "name": {"familyName": "Jensen"},
             "emails": [{"value": "nope"}]}
            """);

    for (int i = 0; i < 20; i++) {
      assertThat(rejected(BeanValidationCheck.of(Employee.class), doc).detail())
          .isEqualTo("'emails.value' must be a well-formed email address");
    }
  }

  @Test
  void twoConstraintsOnOneAttribute_reportTheSameOneEveryTime() {
    // "   " is both blank and not an address
    ObjectNode doc = canonical("{\"userName\": \"   \"}");

    for (int i = 0; i < 20; i++) {
      assertThat(rejected(check, doc).detail())
          .isEqualTo("'userName' must be a well-formed email address");
    }
  }

  @Test
  void valueTheHostModelCannotHold_isInvalidValueNamingTheAttribute() {
    ObjectNode doc =
        canonical(
            """
            {"userName": "bjensen",
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "A-17"}}
            """);

    ScimException e = rejected(BeanValidationCheck.of(Numbered.class), doc);

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
    assertThat(e.detail())
        .isEqualTo("'" + ENTERPRISE + ":employeeNumber' has a value this server does not accept");
  }

  @Test
  void errorDetails_neverContainAJavaClassName() {
    List<ScimException> errors =
        List.of(
            rejected(check, canonical("{\"userName\": \"\"}")),
            rejected(check, canonical("{\"userName\": \"x@y\", \"name\": {\"familyName\": \"J\"}}")),
            rejected(check, canonical("{\"userName\": \"x@y\", \"emails\": [{\"value\": \"?\"}]}")),
            rejected(
                BeanValidationCheck.of(Numbered.class),
                canonical("{\"userName\": \"x\", \"" + ENTERPRISE + "\": {\"employeeNumber\": \"A\"}}")));

    for (ScimException e : errors) {
      assertThat(e.detail())
          .doesNotContainPattern("\\b[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z]\\w*")
          .doesNotContain("Employee", "PersonName", "Address", "Numbered", "Badge", "Integer",
              "String", "jakarta", "hibernate", "jackson", "dev.scimkit", "java.");
    }
  }

  @Test
  void ourUserView_bindsAndPasses_whenNoConstraintsAreDeclared() {
    ObjectNode doc = canonical(ENTRA_POST);

    assertThatCode(() -> run(BeanValidationCheck.of(User.class), doc)).doesNotThrowAnyException();
  }

  @Test
  void defaultValidator_fillsInParametersButDoesNotEvaluateExpressionLanguage() {
    ScimException e =
        rejected(BeanValidationCheck.of(Echoing.class), canonical("{\"userName\": \"bjensen\"}"));

    assertThat(e.detail()).isEqualTo("'userName' '${validatedValue}' is longer than 3");
  }

  @Test
  void hostSuppliedValidator_isTheOneUsed() {
    Validator validator =
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(
                new ParameterMessageInterpolator(Set.of(Locale.FRENCH), Locale.FRENCH, false))
            .buildValidatorFactory()
            .getValidator();

    ScimException e =
        rejected(BeanValidationCheck.of(Employee.class, validator), canonical("{\"userName\": \"\"}"));

    assertThat(e.detail()).isEqualTo("'userName' ne doit pas être vide");
  }

  @Test
  void classJacksonCannotBindTo_isRejectedWhenTheCheckIsCreated() {
    assertThatThrownBy(() -> BeanValidationCheck.of(Runnable.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Runnable");
  }

  @Test
  void nullArguments_areRejectedByName() {
    assertThatThrownBy(() -> BeanValidationCheck.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("view == null");
    assertThatThrownBy(() -> BeanValidationCheck.of(Employee.class, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("validator == null");
  }

  /** What the engine hands a check: the client's body in canonical form. */
  private static ObjectNode canonical(String body) {
    try {
      return new ResourceNormalizer(Schemas.userType()).normalizeResource(JSON.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(ResourceCheck check, ObjectNode doc) {
    check.check(Schemas.userType(), doc, RequestContext.defaultTenant());
  }

  private static ScimException rejected(ResourceCheck check, ObjectNode doc) {
    try {
      run(check, doc);
    } catch (ScimException e) {
      return e;
    }
    throw new AssertionError("expected the check to reject " + doc);
  }
}
