package dev.scimkit.core.patch;

import static dev.scimkit.core.patch.PatchFixtures.ENTERPRISE;
import static dev.scimkit.core.patch.PatchFixtures.USERS;
import static dev.scimkit.core.patch.PatchFixtures.assertBadRequest;
import static dev.scimkit.core.patch.PatchFixtures.failingMembers;
import static dev.scimkit.core.patch.PatchFixtures.json;
import static dev.scimkit.core.patch.PatchFixtures.object;
import static dev.scimkit.core.patch.PatchFixtures.patchUser;
import static dev.scimkit.core.patch.PatchFixtures.request;
import static dev.scimkit.core.patch.PatchFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatchApplierUserTest {

  // ---- 1. simple paths ------------------------------------------------------------------------

  @Test
  void replace_simplePath_setsTheAttribute() {
    ObjectNode doc = patchUser(user(), "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"B\"}]");

    assertThat(doc.get("displayName")).isEqualTo(json("\"B\""));
  }

  @Test
  void add_dottedPath_setsTheSubAttributeAndKeepsTheOthers() {
    ObjectNode doc = patchUser(user(), "[{\"op\":\"add\",\"path\":\"name.givenName\",\"value\":\"Bee\"}]");

    assertThat(doc.get("name")).isEqualTo(json("{\"givenName\":\"Bee\",\"familyName\":\"Jensen\"}"));
  }

  @Test
  void add_dottedPathOnAbsentParent_createsTheParent() {
    ObjectNode stored = user();
    stored.remove("name");

    ObjectNode doc = patchUser(stored, "[{\"op\":\"add\",\"path\":\"name.familyName\",\"value\":\"J\"}]");

    assertThat(doc.get("name")).isEqualTo(json("{\"familyName\":\"J\"}"));
  }

  @Test
  void replace_active_setsTheBoolean() {
    ObjectNode doc = patchUser(user(), "[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]");

    assertThat(doc.get("active")).isEqualTo(json("false"));
  }

  @Test
  void replace_urnQualifiedExtensionAttribute_storesItUnderTheExtension_andListsTheSchema() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"Replace\",\"path\":\"" + ENTERPRISE + ":employeeNumber\",\"value\":\"701984\"}]");

    assertThat(doc.get(ENTERPRISE)).isEqualTo(json("{\"employeeNumber\":\"701984\"}"));
    assertThat(doc.get("schemas"))
        .isEqualTo(json("[\"" + Schemas.USER + "\",\"" + ENTERPRISE + "\"]"));
  }

  @Test
  void replace_unqualifiedExtensionAttribute_storesItUnderTheExtension() {
    ObjectNode doc = patchUser(user(), "[{\"op\":\"add\",\"path\":\"department\",\"value\":\"R&D\"}]");

    assertThat(doc.get(ENTERPRISE)).isEqualTo(json("{\"department\":\"R&D\"}"));
  }

  @Test
  void replace_attributeNamesInAnyCase_areStoredWithTheSchemaSpelling() {
    ObjectNode doc =
        patchUser(
            user(),
            """
            [{"op":"replace","path":"DISPLAYNAME","value":"B"},
             {"op":"replace","path":"Name.GivenName","value":"Bee"},
             {"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:EMPLOYEENUMBER","value":"7"}]
            """);

    assertThat(doc.get("displayName")).isEqualTo(json("\"B\""));
    assertThat(doc.get("name").get("givenName")).isEqualTo(json("\"Bee\""));
    assertThat(doc.get(ENTERPRISE)).isEqualTo(json("{\"employeeNumber\":\"7\"}"));
    assertThat(doc.has("DISPLAYNAME")).isFalse();
  }

  @Test
  void replace_coreUrnQualifiedPath_setsTheCoreAttribute() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"replace\",\"path\":\"" + Schemas.USER + ":name.givenName\",\"value\":\"Bee\"}]");

    assertThat(doc.get("name").get("givenName")).isEqualTo(json("\"Bee\""));
  }

  @Test
  void replace_externalId_isWritable() {
    ObjectNode doc = patchUser(user(), "[{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\"e1\"}]");

    assertThat(doc.get("externalId")).isEqualTo(json("\"e1\""));
  }

  // ---- 2. path-less values ----------------------------------------------------------------------

  @Test
  void pathlessReplace_withDottedAndUrnQualifiedKeys_appliesEachKeyAsItsOwnPath() {
    ObjectNode doc =
        patchUser(
            user(),
            """
            [{"op":"replace","value":{
               "displayName":"X",
               "name.givenName":"Y",
               "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Z"}}]
            """);

    assertThat(doc.get("displayName")).isEqualTo(json("\"X\""));
    assertThat(doc.get("name")).isEqualTo(json("{\"givenName\":\"Y\",\"familyName\":\"Jensen\"}"));
    assertThat(doc.get(ENTERPRISE)).isEqualTo(json("{\"employeeNumber\":\"Z\"}"));
  }

  @Test
  void pathlessAdd_withExtensionObject_appliesItAttributeByAttribute() {
    ObjectNode stored = user();
    stored.set(ENTERPRISE, json("{\"department\":\"Sales\",\"costCenter\":\"4\"}"));

    ObjectNode doc =
        patchUser(
            stored,
            """
            [{"op":"add","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
               {"department":"R&D","manager":"m1"}}}]
            """);

    assertThat(doc.get(ENTERPRISE))
        .isEqualTo(json("{\"department\":\"R&D\",\"costCenter\":\"4\",\"manager\":{\"value\":\"m1\"}}"));
  }

  @Test
  void pathlessReplace_activeFalse_deactivatesTheUser() {
    ObjectNode doc = patchUser(user(), "[{\"op\":\"replace\",\"value\":{\"active\":false}}]");

    assertThat(doc.get("active")).isEqualTo(json("false"));
  }

  @Test
  void pathlessReplace_withIdMetaAndSchemas_ignoresThem() {
    ObjectNode doc =
        patchUser(
            user(),
            """
            [{"op":"replace","value":{"id":"2819c223","meta":{"resourceType":"User"},
               "schemas":["urn:bogus"],"groups":[{"value":"g"}],"displayName":"Renamed"}}]
            """);

    ObjectNode expected = user();
    expected.put("displayName", "Renamed");
    assertThat(doc).isEqualTo(expected);
  }

  @Test
  void pathlessAdd_withUnknownKeys_ignoresThem() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"add\",\"value\":{\"nickname2\":\"x\",\"urn:acme:x:1.0:User:foo\":\"y\",\"title\":\"Boss\"}}]");

    ObjectNode expected = user();
    expected.put("title", "Boss");
    assertThat(doc).isEqualTo(expected);
  }

  @Test
  void pathlessReplace_withValuePathKey_updatesTheMatchingElement() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"replace\",\"value\":{\"emails[type eq \\\"work\\\"].value\":\"new@example.com\"}}]");

    assertThat(doc.get("emails").get(0))
        .isEqualTo(json("{\"value\":\"new@example.com\",\"type\":\"work\",\"primary\":true}"));
    assertThat(doc.get("emails")).hasSize(2);
  }

  @Test
  void pathlessReplace_withNonObjectValue_isInvalidValue() {
    assertBadRequest(
        ScimType.INVALID_VALUE,
        () -> patchUser(user(), "[{\"op\":\"replace\",\"value\":\"x\"}]"));
  }

  @Test
  void pathlessReplace_withNullForAKey_clearsThatAttribute() {
    ObjectNode doc = patchUser(user(), "[{\"op\":\"replace\",\"value\":{\"displayName\":null}}]");

    assertThat(doc.has("displayName")).isFalse();
  }

  // ---- 3. booleans as strings -------------------------------------------------------------------

  @Test
  void replace_activeAsCapitalisedString_storesABoolean() {
    ObjectNode off = patchUser(user(), "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");
    ObjectNode on = patchUser(off, "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]");

    assertThat(off.get("active")).isEqualTo(json("false"));
    assertThat(on.get("active")).isEqualTo(json("true"));
  }

  @Test
  void replace_activeWithAStringThatIsNoBoolean_isInvalidValue() {
    assertBadRequest(
        ScimType.INVALID_VALUE,
        () -> patchUser(user(), "[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"yes\"}]"));
  }

  // ---- 4. multi-valued and complex attributes ---------------------------------------------------

  @Test
  void add_multiValued_appendsValuesNotAlreadyPresent() {
    ObjectNode doc =
        patchUser(
            user(),
            """
            [{"op":"add","path":"emails","value":[
               {"value":"babs@home.example","type":"home"},
               {"value":"b@other.example","type":"other"}]}]
            """);

    assertThat(doc.get("emails"))
        .isEqualTo(
            json(
                """
                [{"value":"bjensen@example.com","type":"work","primary":true},
                 {"value":"babs@home.example","type":"home"},
                 {"value":"b@other.example","type":"other"}]
                """));
  }

  @Test
  void add_multiValuedWithASingleObject_appendsIt() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"add\",\"path\":\"phoneNumbers\",\"value\":{\"value\":\"+1 555\",\"type\":\"work\"}}]");

    assertThat(doc.get("phoneNumbers")).isEqualTo(json("[{\"value\":\"+1 555\",\"type\":\"work\"}]"));
  }

  @Test
  void add_valueWithPrimaryTrue_setsPrimaryFalseOnTheOthers() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"n@x\",\"primary\":\"True\"}]}]");

    assertThat(doc.get("emails").get(0).get("primary")).isEqualTo(json("false"));
    assertThat(doc.get("emails").get(2)).isEqualTo(json("{\"value\":\"n@x\",\"primary\":true}"));
  }

  @Test
  void replace_multiValued_replacesTheWholeList() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"replace\",\"path\":\"emails\",\"value\":[{\"value\":\"only@x\",\"type\":\"work\"}]}]");

    assertThat(doc.get("emails")).isEqualTo(json("[{\"value\":\"only@x\",\"type\":\"work\"}]"));
  }

  @Test
  void replace_multiValuedWithEmptyList_removesTheAttribute() {
    ObjectNode doc = patchUser(user(), "[{\"op\":\"replace\",\"path\":\"emails\",\"value\":[]}]");

    assertThat(doc.has("emails")).isFalse();
  }

  @Test
  void add_complexSingleValued_mergesTheSubAttributes() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"add\",\"path\":\"name\",\"value\":{\"givenName\":\"Bee\",\"middleName\":\"J\"}}]");

    assertThat(doc.get("name"))
        .isEqualTo(json("{\"givenName\":\"Bee\",\"familyName\":\"Jensen\",\"middleName\":\"J\"}"));
  }

  @Test
  void replace_complexSingleValued_keepsSubAttributesNotGiven() {
    ObjectNode doc =
        patchUser(user(), "[{\"op\":\"replace\",\"path\":\"name\",\"value\":{\"givenName\":\"Bee\"}}]");

    assertThat(doc.get("name").get("givenName").asText()).isEqualTo("Bee");
    assertThat(doc.get("name").get("familyName").asText()).isEqualTo("Jensen");
  }

  @Test
  void replace_managerWithAnotherValue_replacesTheWholeReference() {
    ObjectNode start =
        patchUser(user(), "[{\"op\":\"add\",\"path\":\"manager\",\"value\":{\"value\":\"m1\",\"$ref\":\"https://x/Users/m1\"}}]");
    ObjectNode doc =
        patchUser(start, "[{\"op\":\"replace\",\"path\":\"manager\",\"value\":{\"value\":\"m2\"}}]");

    assertThat(doc.get(ENTERPRISE).get("manager")).isEqualTo(json("{\"value\":\"m2\"}"));
  }

  @Test
  void replace_withNull_clearsTheAttribute() {
    ObjectNode doc = patchUser(user(), "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":null}]");

    assertThat(doc.has("displayName")).isFalse();
  }

  @Test
  void replace_valuesAreStoredExactlyAsSent() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"add\",\"path\":\"phoneNumbers\",\"value\":[{\"value\":\"(555) 555-1234 \",\"type\":\"Mobile\"}]}]");

    assertThat(doc.get("phoneNumbers"))
        .isEqualTo(json("[{\"value\":\"(555) 555-1234 \",\"type\":\"Mobile\"}]"));
  }

  // ---- 5. value paths ---------------------------------------------------------------------------

  @Test
  void replace_valuePathWithSubAttribute_setsItOnTheMatchingElementOnly() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"w@x\"}]");

    assertThat(doc.get("emails"))
        .isEqualTo(
            json(
                """
                [{"value":"w@x","type":"work","primary":true},
                 {"value":"babs@home.example","type":"home"}]
                """));
  }

  @Test
  void replace_valuePathWithSubAttribute_setsItOnEveryMatchingElement() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"replace\",\"path\":\"emails[value co \\\"example\\\"].display\",\"value\":\"D\"}]");

    assertThat(doc.get("emails").get(0).get("display")).isEqualTo(json("\"D\""));
    assertThat(doc.get("emails").get(1).get("display")).isEqualTo(json("\"D\""));
  }

  @Test
  void replace_valuePathFilter_matchesIgnoringCase() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"Work\\\"].value\",\"value\":\"w@x\"}]");

    assertThat(doc.get("emails")).hasSize(2);
    assertThat(doc.get("emails").get(0).get("value")).isEqualTo(json("\"w@x\""));
  }

  @Test
  void replace_valuePathMatchingNothing_createsAnElementFromTheEqualityTerms() {
    ObjectNode doc =
        patchUser(
            user(),
            """
            [{"op":"Replace","path":"phoneNumbers[type eq \\"mobile\\"].value","value":"+1 555 0100"},
             {"op":"Add","path":"addresses[type eq \\"work\\"].locality","value":"Redmond"}]
            """);

    assertThat(doc.get("phoneNumbers"))
        .isEqualTo(json("[{\"type\":\"mobile\",\"value\":\"+1 555 0100\"}]"));
    assertThat(doc.get("addresses")).isEqualTo(json("[{\"type\":\"work\",\"locality\":\"Redmond\"}]"));
  }

  @Test
  void add_severalValuePathsWithTheSameFilter_mergeIntoOneElement() {
    ObjectNode doc =
        patchUser(
            user(),
            """
            [{"op":"Add","path":"addresses[type eq \\"work\\"].streetAddress","value":"1 Microsoft Way"},
             {"op":"Add","path":"addresses[type eq \\"work\\"].locality","value":"Redmond"},
             {"op":"Replace","path":"addresses[type eq \\"work\\"].postalCode","value":"98052"},
             {"op":"Add","path":"addresses[type eq \\"work\\"].country","value":"US"}]
            """);

    assertThat(doc.get("addresses"))
        .isEqualTo(
            json(
                """
                [{"type":"work","streetAddress":"1 Microsoft Way","locality":"Redmond",
                  "postalCode":"98052","country":"US"}]
                """));
  }

  @Test
  void replace_valuePathWithAndedEqualityTerms_createsAnElementWithAllOfThem() {
    ObjectNode stored = user();
    stored.remove("emails");

    ObjectNode doc =
        patchUser(
            stored,
            "[{\"op\":\"add\",\"path\":\"emails[type eq \\\"work\\\" and primary eq true].value\",\"value\":\"w@x\"}]");

    assertThat(doc.get("emails"))
        .isEqualTo(json("[{\"type\":\"work\",\"primary\":true,\"value\":\"w@x\"}]"));
  }

  @Test
  void replace_valuePathWithAFilterThatCannotCreateAnElement_isNoTarget() {
    assertBadRequest(
        ScimType.NO_TARGET,
        () ->
            patchUser(
                user(),
                "[{\"op\":\"replace\",\"path\":\"emails[value co \\\"nomatch\\\"].type\",\"value\":\"x\"}]"));
    assertBadRequest(
        ScimType.NO_TARGET,
        () ->
            patchUser(
                user(),
                "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"a\\\" or type eq \\\"b\\\"].value\",\"value\":\"x\"}]"));
  }

  @Test
  void replace_valuePathWithObjectValue_replacesTheMatchingElementsSubAttributes() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\"]\",\"value\":{\"value\":\"h@x\",\"display\":\"Home\"}}]");

    assertThat(doc.get("emails").get(1))
        .isEqualTo(json("{\"value\":\"h@x\",\"type\":\"home\",\"display\":\"Home\"}"));
    assertThat(doc.get("emails").get(0)).isEqualTo(user().get("emails").get(0));
  }

  @Test
  void replace_valuePathSettingPrimaryTrue_setsPrimaryFalseOnTheOthers() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\"].primary\",\"value\":\"True\"}]");

    assertThat(doc.get("emails").get(0).get("primary")).isEqualTo(json("false"));
    assertThat(doc.get("emails").get(1).get("primary")).isEqualTo(json("true"));
  }

  @Test
  void remove_valuePath_removesTheMatchingElements() {
    ObjectNode doc = patchUser(user(), "[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"home\\\"]\"}]");

    assertThat(doc.get("emails"))
        .isEqualTo(json("[{\"value\":\"bjensen@example.com\",\"type\":\"work\",\"primary\":true}]"));
  }

  @Test
  void remove_valuePathWithSubAttribute_removesItFromTheMatchingElements() {
    ObjectNode doc =
        patchUser(user(), "[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"work\\\"].primary\"}]");

    assertThat(doc.get("emails").get(0))
        .isEqualTo(json("{\"value\":\"bjensen@example.com\",\"type\":\"work\"}"));
  }

  @Test
  void remove_valuePathWithSubAttribute_dropsAnElementLeftEmpty() {
    ObjectNode stored = user();
    stored.set("phoneNumbers", json("[{\"value\":\"1\"},{\"value\":\"2\",\"type\":\"work\"}]"));

    ObjectNode doc =
        patchUser(stored, "[{\"op\":\"remove\",\"path\":\"phoneNumbers[value eq \\\"1\\\"].value\"}]");

    assertThat(doc.get("phoneNumbers")).isEqualTo(json("[{\"value\":\"2\",\"type\":\"work\"}]"));
  }

  @Test
  void remove_valuePathMatchingEveryElement_removesTheAttribute() {
    ObjectNode doc = patchUser(user(), "[{\"op\":\"remove\",\"path\":\"emails[value pr]\"}]");

    assertThat(doc.has("emails")).isFalse();
  }

  @Test
  void remove_valuePathMatchingNothing_isANoOp() {
    PatchResult result =
        USERS.apply(
            user(),
            request("[{\"op\":\"remove\",\"path\":\"emails[type eq \\\"other\\\"]\"}]"),
            failingMembers());

    assertThat(result.document()).isEqualTo(user());
    assertThat(result.documentChanged()).isFalse();
  }

  @Test
  void valuePath_withUnknownSubAttributeAfterTheFilter_isInvalidPath() {
    assertBadRequest(
        ScimType.INVALID_PATH,
        () -> patchUser(user(), "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].foo\",\"value\":\"x\"}]"));
  }

  @Test
  void valuePath_withUnknownSubAttributeInTheFilter_isInvalidPath() {
    assertBadRequest(
        ScimType.INVALID_PATH,
        () -> patchUser(user(), "[{\"op\":\"remove\",\"path\":\"emails[kind eq \\\"work\\\"]\"}]"));
  }

  @Test
  void valuePath_onASingleValuedSimpleAttribute_isInvalidPath() {
    assertBadRequest(
        ScimType.INVALID_PATH,
        () -> patchUser(user(), "[{\"op\":\"remove\",\"path\":\"title[value eq \\\"x\\\"]\"}]"));
  }

  // ---- 6. remove ---------------------------------------------------------------------------------

  @Test
  void remove_simplePath_clearsTheAttribute() {
    ObjectNode doc = patchUser(user(), "[{\"op\":\"remove\",\"path\":\"displayName\"}]");

    assertThat(doc.has("displayName")).isFalse();
  }

  @Test
  void remove_multiValuedWithoutValue_clearsAllValues() {
    ObjectNode doc = patchUser(user(), "[{\"op\":\"remove\",\"path\":\"emails\"}]");

    assertThat(doc.has("emails")).isFalse();
  }

  @Test
  void remove_subAttribute_removesOnlyIt_andAParentLeftEmptyDisappears() {
    ObjectNode once = patchUser(user(), "[{\"op\":\"remove\",\"path\":\"name.givenName\"}]");
    ObjectNode twice = patchUser(once, "[{\"op\":\"remove\",\"path\":\"name.familyName\"}]");

    assertThat(once.get("name")).isEqualTo(json("{\"familyName\":\"Jensen\"}"));
    assertThat(twice.has("name")).isFalse();
  }

  @Test
  void remove_absentAttribute_isANoOp() {
    assertThat(patchUser(user(), "[{\"op\":\"remove\",\"path\":\"title\"}]")).isEqualTo(user());
  }

  @Test
  void remove_multiValuedWithAValue_removesOnlyTheListedValues() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"remove\",\"path\":\"emails\",\"value\":[{\"value\":\"BABS@home.example\"}]}]");

    assertThat(doc.get("emails"))
        .isEqualTo(json("[{\"value\":\"bjensen@example.com\",\"type\":\"work\",\"primary\":true}]"));
  }

  @Test
  void remove_multiValuedWithAnEmptyValueList_removesNothing() {
    assertThat(patchUser(user(), "[{\"op\":\"remove\",\"path\":\"emails\",\"value\":[]}]"))
        .isEqualTo(user());
  }

  @Test
  void remove_extensionUrn_removesTheWholeExtension() {
    ObjectNode stored = user();
    stored.set(ENTERPRISE, json("{\"department\":\"Sales\"}"));
    ((ArrayNode) stored.get("schemas")).add(ENTERPRISE);

    ObjectNode doc = patchUser(stored, "[{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + "\"}]");

    assertThat(doc).isEqualTo(user());
  }

  @Test
  void remove_lastExtensionAttribute_dropsTheExtensionFromSchemas() {
    ObjectNode stored = user();
    stored.set(ENTERPRISE, json("{\"department\":\"Sales\"}"));
    ((ArrayNode) stored.get("schemas")).add(ENTERPRISE);

    ObjectNode doc = patchUser(stored, "[{\"op\":\"remove\",\"path\":\"department\"}]");

    assertThat(doc).isEqualTo(user());
  }

  @Test
  void remove_unknownAttribute_isInvalidPath() {
    ScimException e =
        assertBadRequest(
            ScimType.INVALID_PATH, () -> patchUser(user(), "[{\"op\":\"remove\",\"path\":\"nickname2\"}]"));
    assertThat(e.detail()).contains("nickname2");
  }

  @Test
  void replace_unknownAttributeOrSubAttribute_isInvalidPath() {
    assertBadRequest(
        ScimType.INVALID_PATH,
        () -> patchUser(user(), "[{\"op\":\"replace\",\"path\":\"foo\",\"value\":\"x\"}]"));
    assertBadRequest(
        ScimType.INVALID_PATH,
        () -> patchUser(user(), "[{\"op\":\"replace\",\"path\":\"name.nick\",\"value\":\"x\"}]"));
    assertBadRequest(
        ScimType.INVALID_PATH,
        () -> patchUser(user(), "[{\"op\":\"replace\",\"path\":\"urn:acme:ext:1.0:User:foo\",\"value\":\"x\"}]"));
  }

  @Test
  void remove_requiredAttribute_isMutability() {
    assertBadRequest(
        ScimType.MUTABILITY, () -> patchUser(user(), "[{\"op\":\"remove\",\"path\":\"userName\"}]"));
    assertBadRequest(
        ScimType.MUTABILITY,
        () -> patchUser(user(), "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":null}]"));
  }

  @Test
  void pathlessRemove_withObjectValue_removesEachKey() {
    ObjectNode doc =
        patchUser(user(), "[{\"op\":\"remove\",\"value\":{\"displayName\":\"Babs Jensen\",\"name.givenName\":null}}]");

    assertThat(doc.has("displayName")).isFalse();
    assertThat(doc.get("name")).isEqualTo(json("{\"familyName\":\"Jensen\"}"));
  }

  // ---- 7. mutability ------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"id", "meta", "meta.created", "groups", "ID", "Meta.LastModified",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName"})
  void pathNamingAReadOnlyAttribute_isMutability(String path) {
    for (String op : new String[] {"add", "replace", "remove"}) {
      assertBadRequest(
          ScimType.MUTABILITY,
          () -> patchUser(user(), "[{\"op\":\"" + op + "\",\"path\":\"" + path + "\",\"value\":\"x\"}]"));
    }
  }

  @Test
  void pathlessValue_withReadOnlySubAttributes_dropsThemSilently() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"add\",\"value\":{\"manager\":{\"value\":\"m1\",\"displayName\":\"Boss\"},\"meta.created\":\"2020-01-01T00:00:00Z\"}}]");

    assertThat(doc.get(ENTERPRISE)).isEqualTo(json("{\"manager\":{\"value\":\"m1\"}}"));
    assertThat(doc.has("meta")).isFalse();
  }

  @Test
  void schemasPath_isIgnored() {
    assertThat(
            patchUser(
                user(), "[{\"op\":\"add\",\"path\":\"schemas\",\"value\":[\"" + ENTERPRISE + "\"]}]"))
        .isEqualTo(user());
  }

  // ---- 8. enterprise manager ----------------------------------------------------------------------

  @Test
  void replace_managerAsPlainString_storesAnObject() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"Replace\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":\"mgr-1\"}]");

    assertThat(doc.get(ENTERPRISE)).isEqualTo(json("{\"manager\":{\"value\":\"mgr-1\"}}"));
  }

  @Test
  void replace_managerWithEmptyValue_removesTheManager() {
    ObjectNode withManager = managedUser();

    ObjectNode doc =
        patchUser(
            withManager,
            "[{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":{\"value\":\"\"}}]");

    assertThat(doc).isEqualTo(user());
  }

  @Test
  void replace_managerValueSubAttributeWithEmptyString_removesTheManager() {
    ObjectNode doc =
        patchUser(
            managedUser(),
            "[{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":manager.value\",\"value\":\"\"}]");

    assertThat(doc).isEqualTo(user());
  }

  @Test
  void remove_managerWithMatchingValueFilter_removesIt() {
    ObjectNode doc =
        patchUser(
            managedUser(),
            "[{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + ":manager[value eq \\\"mgr-1\\\"]\"}]");

    assertThat(doc).isEqualTo(user());
  }

  @Test
  void remove_managerWithOtherValueFilter_isANoOp() {
    ObjectNode doc =
        patchUser(
            managedUser(),
            "[{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + ":manager[value eq \\\"someone-else\\\"]\"}]");

    assertThat(doc).isEqualTo(managedUser());
  }

  @Test
  void add_managerObject_setsIt() {
    ObjectNode doc =
        patchUser(
            user(), "[{\"op\":\"Add\",\"path\":\"" + ENTERPRISE + ":manager\",\"value\":{\"value\":\"mgr-1\"}}]");

    assertThat(doc).isEqualTo(managedUser());
  }

  @Test
  void replace_managerWithAnotherId_replacesTheWholeReference() {
    ObjectNode stored = user();
    stored.set(ENTERPRISE, json("{\"manager\":{\"value\":\"old\",\"$ref\":\"../Users/old\"}}"));

    ObjectNode doc =
        patchUser(stored, "[{\"op\":\"replace\",\"path\":\"manager\",\"value\":\"new\"}]");

    assertThat(doc.get(ENTERPRISE)).isEqualTo(json("{\"manager\":{\"value\":\"new\"}}"));
  }

  @Test
  void replace_managerWithNullValue_removesTheManager() {
    ObjectNode doc =
        patchUser(managedUser(), "[{\"op\":\"replace\",\"path\":\"manager\",\"value\":{\"value\":null}}]");

    assertThat(doc).isEqualTo(user());
  }

  @Test
  void replace_managerWithOnlyReadOnlySubAttributes_leavesItAsItIs() {
    ObjectNode doc =
        patchUser(
            managedUser(), "[{\"op\":\"replace\",\"path\":\"manager\",\"value\":{\"displayName\":\"Boss\"}}]");

    assertThat(doc).isEqualTo(managedUser());
  }

  @Test
  void pathlessReplace_withExtensionObjectHoldingANull_clearsOnlyThatAttribute() {
    ObjectNode stored = managedUser();
    ((ObjectNode) stored.get(ENTERPRISE)).put("employeeNumber", "7");

    ObjectNode doc =
        patchUser(
            stored,
            "[{\"op\":\"replace\",\"value\":{\"" + ENTERPRISE + "\":{\"employeeNumber\":null}}}]");

    assertThat(doc).isEqualTo(managedUser());
  }

  private static ObjectNode managedUser() {
    ObjectNode u = user();
    u.set(ENTERPRISE, json("{\"manager\":{\"value\":\"mgr-1\"}}"));
    ((ArrayNode) u.get("schemas")).add(ENTERPRISE);
    return u;
  }

  // ---- 9. roles ------------------------------------------------------------------------------------

  @Test
  void add_rolesWithJsonInsideAString_storesTheStringExactlyAsSent() {
    String inner = "{\\\"id\\\":\\\"7a1f\\\",\\\"value\\\":\\\"25\\\",\\\"displayName\\\":\\\"Role1\\\"}";
    ObjectNode doc =
        patchUser(user(), "[{\"op\":\"Add\",\"path\":\"roles\",\"value\":[{\"value\":\"" + inner + "\"}]}]");

    assertThat(doc.get("roles").get(0).get("value").asText())
        .isEqualTo("{\"id\":\"7a1f\",\"value\":\"25\",\"displayName\":\"Role1\"}");
  }

  @Test
  void add_rolesWithPrimaryAsString_storesABoolean() {
    ObjectNode doc =
        patchUser(
            user(),
            "[{\"op\":\"Add\",\"path\":\"roles\",\"value\":[{\"primary\":\"True\",\"type\":\"WindowsAzureActiveDirectoryRole\",\"value\":\"Admin\"}]}]");

    assertThat(doc.get("roles"))
        .isEqualTo(json("[{\"primary\":true,\"type\":\"WindowsAzureActiveDirectoryRole\",\"value\":\"Admin\"}]"));
  }

  // ---- 11. Entra's two dialects give the same document ---------------------------------------------

  @Test
  void entraVerboseReplace_andAadOptPathlessReplace_giveTheSameDocument() {
    ObjectNode verbose =
        patchUser(
            user(),
            """
            [{"op":"Replace","path":"userName","value":"ryan@contoso.com"},
             {"op":"Replace","path":"active","value":"False"},
             {"op":"Replace","path":"displayName","value":"Ryan Leenay"},
             {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"ryan@contoso.com"},
             {"op":"Replace","path":"name.givenName","value":"Ryan"},
             {"op":"Replace","path":"name.familyName","value":"Leenay"},
             {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"701984"}]
            """);
    ObjectNode flagged =
        patchUser(
            user(),
            """
            [{"op":"replace","value":{
               "userName":"ryan@contoso.com",
               "active":false,
               "displayName":"Ryan Leenay",
               "emails[type eq \\"work\\"].value":"ryan@contoso.com",
               "name.givenName":"Ryan",
               "name.familyName":"Leenay",
               "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"701984"}}]
            """);

    assertThat(verbose).isEqualTo(flagged);
    assertThat(verbose)
        .isEqualTo(
            object(
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"ryan@contoso.com",
                 "name":{"givenName":"Ryan","familyName":"Leenay"},
                 "displayName":"Ryan Leenay",
                 "active":false,
                 "emails":[{"value":"ryan@contoso.com","type":"work","primary":true},
                           {"value":"babs@home.example","type":"home"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"701984"}}
                """));
  }

  // ---- 11. atomicity and the result ------------------------------------------------------------------

  @Test
  void failingThirdOperation_throws_andLeavesTheStoredDocumentUntouched() {
    ObjectNode stored = user();
    ObjectNode snapshot = stored.deepCopy();

    ScimException e =
        assertBadRequest(
            ScimType.MUTABILITY,
            () ->
                USERS.apply(
                    stored,
                    request(
                        """
                        [{"op":"replace","path":"displayName","value":"X"},
                         {"op":"remove","path":"emails"},
                         {"op":"replace","path":"id","value":"evil"},
                         {"op":"replace","path":"title","value":"never"}]
                        """),
                    failingMembers()));

    assertThat(e.detail()).startsWith("operation 3: ");
    assertThat(stored).isEqualTo(snapshot);
  }

  @Test
  void apply_neverModifiesTheStoredDocumentOrTheRequest() {
    ObjectNode stored = user();
    PatchRequest request =
        request(
            """
            [{"op":"add","path":"emails","value":[{"value":"n@x","primary":true}]},
             {"op":"replace","path":"emails[type eq \\"work\\"].value","value":"w@x"},
             {"op":"replace","path":"name","value":{"givenName":"G"}}]
            """);
    String requestText = request.toString();

    PatchResult result = USERS.apply(stored, request, failingMembers());
    result.document().put("displayName", "mutated afterwards");
    ((ObjectNode) result.document().get("emails").get(2)).put("value", "mutated");

    assertThat(stored).isEqualTo(user());
    assertThat(request.toString()).isEqualTo(requestText);
  }

  @Test
  void documentChanged_isFalse_whenTheRequestChangesNothing() {
    PatchResult same =
        USERS.apply(
            user(),
            request("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Babs Jensen\"}]"),
            failingMembers());
    PatchResult different =
        USERS.apply(
            user(),
            request("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Other\"}]"),
            failingMembers());

    assertThat(same.documentChanged()).isFalse();
    assertThat(same.membership()).isNull();
    assertThat(different.documentChanged()).isTrue();
  }

  @Test
  void userType_hasNoMembersAttribute_soAMembersPathIsInvalidPath() {
    assertBadRequest(
        ScimType.INVALID_PATH,
        () -> patchUser(user(), "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"x\"}]}]"));
  }

  @Test
  void valueThatDoesNotFit_isInvalidValue() {
    assertBadRequest(
        ScimType.INVALID_VALUE,
        () -> patchUser(user(), "[{\"op\":\"replace\",\"path\":\"name\",\"value\":\"Bob\"}]"));
    assertBadRequest(
        ScimType.INVALID_VALUE,
        () -> patchUser(user(), "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":{\"a\":1}}]"));
  }
}
