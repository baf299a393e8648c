package dev.scimkit.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.Schemas;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A user as Entra ID provisions it, after normalisation, with what the server adds. */
  static final String ENTRA_USER =
      """
      {
        "schemas": [
          "urn:ietf:params:scim:schemas:core:2.0:User",
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
        ],
        "id": "2819c223-7f76-453a-919d-413861904646",
        "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
        "userName": "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1@contoso.com",
        "name": {
          "formatted": "Givenname Familyname",
          "familyName": "Familyname",
          "givenName": "Givenname"
        },
        "displayName": "Givenname Familyname",
        "title": "Engineer",
        "preferredLanguage": "en-US",
        "active": true,
        "emails": [
          {"value": "Test_User_fd0ea19b@contoso.com", "type": "work", "primary": true}
        ],
        "phoneNumbers": [
          {"value": "+1 555 0100", "type": "work"},
          {"value": "+1 555 0199", "type": "mobile", "primary": false}
        ],
        "addresses": [
          {
            "type": "work",
            "streetAddress": "1 Microsoft Way",
            "locality": "Redmond",
            "region": "WA",
            "postalCode": "98052",
            "country": "US",
            "primary": true
          }
        ],
        "roles": [{"value": "Approver", "primary": true}],
        "groups": [
          {
            "value": "e9e30dba-f08f-4109-8486-d5c6a331660a",
            "$ref": "https://scim.example.com/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a",
            "display": "Tour Guides",
            "type": "direct"
          }
        ],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
          "employeeNumber": "701984",
          "department": "Tour Operations",
          "manager": {
            "value": "26118915-6090-4610-87e4-49d8ca9f808d",
            "$ref": "https://scim.example.com/v2/Users/26118915-6090-4610-87e4-49d8ca9f808d",
            "displayName": "John Smith"
          }
        },
        "meta": {
          "resourceType": "User",
          "created": "2010-01-23T04:56:22Z",
          "lastModified": "2011-05-13T04:42:34Z",
          "location": "https://scim.example.com/v2/Users/2819c223-7f76-453a-919d-413861904646",
          "version": "W/\\"3\\""
        }
      }
      """;

  @Test
  void entraUser_jsonToUserToJson_isUnchanged() throws Exception {
    JsonNode original = JSON.readTree(ENTRA_USER);

    ObjectNode written = User.fromJson(original).toJson();

    assertThat(written).isEqualTo(original);
  }

  @Test
  void entraUser_fromJson_exposesTypedValues() throws Exception {
    User user = User.fromJson(JSON.readTree(ENTRA_USER));

    assertThat(user.userName()).startsWith("Test_User_");
    assertThat(user.name().givenName()).isEqualTo("Givenname");
    assertThat(user.active()).isTrue();
    assertThat(user.emails())
        .containsExactly(MultiValue.of("Test_User_fd0ea19b@contoso.com", "work", true));
    assertThat(user.phoneNumbers()).extracting(MultiValue::type).containsExactly("work", "mobile");
    assertThat(user.addresses().get(0).locality()).isEqualTo("Redmond");
    assertThat(user.groups().get(0).ref()).endsWith("/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a");
    assertThat(user.enterprise().employeeNumber()).isEqualTo("701984");
    assertThat(user.enterprise().manager())
        .isEqualTo(
            new Manager(
                "26118915-6090-4610-87e4-49d8ca9f808d",
                "https://scim.example.com/v2/Users/26118915-6090-4610-87e4-49d8ca9f808d",
                "John Smith"));
    assertThat(user.meta().version()).isEqualTo("W/\"3\"");
    assertThat(user.password()).isNull();
  }

  @Test
  void builder_writesSchemasFirstAndOnlyTheValuesSet() {
    User user =
        User.builder()
            .userName("bjensen")
            .email("b@example.com", "work", true)
            .active(true)
            .build();

    assertThat(user.toJson().toString())
        .isEqualTo(
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"bjensen\",\"active\":true,"
                + "\"emails\":[{\"value\":\"b@example.com\",\"type\":\"work\",\"primary\":true}]}");
  }

  @Test
  void builder_withEnterpriseExtension_writesItUnderItsUrnAndListsTheUrn() throws Exception {
    User user =
        User.builder()
            .userName("bjensen")
            .name("Barbara", "Jensen")
            .phoneNumber("+1 555 0100", "work", false)
            .phoneNumber("+1 555 0199", "mobile", true)
            .address(Address.builder().type("work").locality("Redmond").country("US").build())
            .enterprise(
                EnterpriseUser.builder().employeeNumber("701984").manager("26118915").build())
            .build();

    assertThat(user.toJson())
        .isEqualTo(
            JSON.readTree(
                """
                {
                  "schemas": [
                    "urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
                  ],
                  "userName": "bjensen",
                  "name": {"givenName": "Barbara", "familyName": "Jensen"},
                  "phoneNumbers": [
                    {"value": "+1 555 0100", "type": "work", "primary": false},
                    {"value": "+1 555 0199", "type": "mobile", "primary": true}
                  ],
                  "addresses": [{"type": "work", "locality": "Redmond", "country": "US"}],
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                    "employeeNumber": "701984",
                    "manager": {"value": "26118915"}
                  }
                }
                """));
    assertThat(user.schemas()).containsExactly(Schemas.USER, Schemas.ENTERPRISE_USER);
  }

  @Test
  void toJson_leavesOutAnEnterpriseExtensionWithNoValuesAndItsUrn() {
    User user =
        User.builder()
            .userName("bjensen")
            .name(new Name(null, null, null, null, null, null))
            .enterprise(EnterpriseUser.builder().build())
            .build();

    ObjectNode json = user.toJson();

    assertThat(json.has(Schemas.ENTERPRISE_USER)).isFalse();
    assertThat(json.has("name")).isFalse();
    assertThat(json.get("schemas")).hasSize(1);
  }

  @Test
  void toJson_keepsActiveFalse_becauseDisabledIsNotAbsent() {
    ObjectNode json = User.builder().userName("bjensen").active(false).build().toJson();

    assertThat(json.get("active").booleanValue()).isFalse();
  }

  @Test
  void fromJson_ignoresUnknownAttributesOtherExtensionsAndSchemas() throws Exception {
    User user =
        User.fromJson(
            JSON.readTree(
                """
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:example:Custom"],
                  "userName": "bjensen",
                  "shoeSize": 42,
                  "urn:example:Custom": {"badge": "7"},
                  "emails": [{"value": "b@example.com", "extra": "ignored"}]
                }
                """));

    assertThat(user.userName()).isEqualTo("bjensen");
    assertThat(user.emails()).containsExactly(MultiValue.of("b@example.com"));
    assertThat(user.toJson().has("urn:example:Custom")).isFalse();
  }

  @Test
  void fromJson_rejectsWhatIsNotAnObject() throws Exception {
    assertThatThrownBy(() -> User.fromJson(JSON.readTree("[1]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> User.fromJson(JSON.readTree("{\"name\": [1, 2]}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> User.fromJson(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("json == null");
  }

  @Test
  void lists_areEmptyNotNull_andCannotBeModified() {
    User user = new User(null, null, "bjensen", null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    assertThat(user.emails()).isEmpty();
    assertThat(user.x509Certificates()).isEmpty();
    assertThatThrownBy(() -> user.roles().add(MultiValue.of("x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void password_isWrittenForCreation_butNeverShownByToString() {
    User user = User.builder().userName("bjensen").password("t1meMa$heen").build();

    assertThat(user.toJson().get("password").asText()).isEqualTo("t1meMa$heen");
    assertThat(user.toString()).doesNotContain("t1meMa$heen").contains("password=(hidden)");
    assertThat(user.toBuilder().password(null).build().toJson().has("password")).isFalse();
  }

  @Test
  void toBuilder_derivesAChangedCopy_andLeavesTheOriginalAlone() throws Exception {
    User original = User.fromJson(JSON.readTree(ENTRA_USER));

    User disabled = original.toBuilder().active(false).email("second@example.com").build();

    assertThat(disabled.active()).isFalse();
    assertThat(disabled.emails()).hasSize(2);
    assertThat(original.active()).isTrue();
    assertThat(original.emails()).hasSize(1);
    assertThat(disabled.enterprise()).isEqualTo(original.enterprise());
  }

  @Test
  void primaryEmail_prefersThePrimaryOne_elseTheFirst() {
    User marked =
        User.builder().email("home@example.com").email("work@example.com", "work", true).build();
    User unmarked = User.builder().email("home@example.com").email("other@example.com").build();

    assertThat(marked.primaryEmail()).contains("work@example.com");
    assertThat(unmarked.primaryEmail()).contains("home@example.com");
    assertThat(User.builder().build().primaryEmail()).isEmpty();
  }

  @Test
  void aHostsOwnPlainObjectMapper_bindsAndWritesTheRecordsToo() throws Exception {
    ObjectMapper hostMapper = new ObjectMapper(); // fails on unknown properties by default

    User user = hostMapper.readValue(ENTRA_USER, User.class);
    JsonNode written = hostMapper.valueToTree(user);

    assertThat(user.enterprise().manager().displayName()).isEqualTo("John Smith");
    assertThat(written).isEqualTo(JSON.readTree(ENTRA_USER));
    assertThat(hostMapper.writeValueAsString(User.builder().userName("x").build()))
        .isEqualTo(
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"x\"}");
  }

  @Test
  void builder_listSetters_replaceWhatWasAppended() {
    User user =
        User.builder()
            .email("a@example.com")
            .emails(List.of(MultiValue.of("b@example.com", "work")))
            .role("Admin")
            .build();

    assertThat(user.emails()).containsExactly(MultiValue.of("b@example.com", "work"));
    assertThat(user.roles()).containsExactly(MultiValue.of("Admin"));
  }
}
