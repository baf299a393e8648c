package dev.scimkit.core.search;

import static dev.scimkit.core.search.SearchFixtures.ENTERPRISE;
import static dev.scimkit.core.search.SearchFixtures.WIDGET_EXTRA;
import static dev.scimkit.core.search.SearchFixtures.WIDGET_TYPE;
import static dev.scimkit.core.search.SearchFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.filter.Filters;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionTest {

  private final ObjectNode user =
      json(
          """
          {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User',
                      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
           'id':'u-1',
           'externalId':'ext-1',
           'userName':'alice',
           'password':'secret',
           'name':{'givenName':'Alice','familyName':'Smith'},
           'emails':[{'type':'work','value':'a@x','primary':true},{'type':'home','value':'a@y'}],
           'groups':[{'value':'g-1','display':'Eng'}],
           'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':
              {'employeeNumber':'701','manager':{'value':'m-1','displayName':'Boss'}},
           'meta':{'resourceType':'User','created':'2024-01-01T00:00:00Z',
                   'lastModified':'2024-02-01T00:00:00Z','location':'https://x/Users/u-1',
                   'version':'W/\\"1\\"'}}
          """);

  private ObjectNode apply(String attributes, String excluded) {
    ObjectNode before = user.deepCopy();
    ObjectNode out = Projection.fromParameters(Schemas.userType(), attributes, excluded).apply(user);
    assertThat(user).as("input unchanged").isEqualTo(before);
    return out;
  }

  private static List<String> keys(ObjectNode node) {
    return node.properties().stream().map(e -> e.getKey()).toList();
  }

  @Test
  void defaults_showEverythingButNeverAttributes() {
    ObjectNode out = apply(null, null);
    ObjectNode expected = user.deepCopy();
    expected.remove("password");
    assertThat(out).isEqualTo(expected);
    assertThat(keys(out)).containsExactly(
        "schemas", "id", "externalId", "userName", "name", "emails", "groups", ENTERPRISE, "meta");
  }

  @Test
  void attributes_keepOnlyWhatTheyName_plusAlwaysAttributes() {
    assertThat(apply("userName", null))
        .isEqualTo(json("{'schemas':" + user.get("schemas") + ",'id':'u-1','userName':'alice'}"));
  }

  @Test
  void entraManagerCheck_attributesId_returnsJustIdAndSchemas() {
    assertThat(keys(apply("id", null))).containsExactly("schemas", "id");
  }

  @Test
  void attributes_namingASubAttribute_keepTheParentWithJustThatSubAttribute() {
    ObjectNode out = apply("name.givenName,emails.value", null);
    assertThat(out.get("name")).isEqualTo(json("{'givenName':'Alice'}"));
    assertThat(out.get("emails")).isEqualTo(json("{'a':[{'value':'a@x'},{'value':'a@y'}]}").get("a"));
  }

  @Test
  void attributes_namingAComplexParent_keepAllItsSubAttributes() {
    assertThat(apply("NAME", null).get("name")).isEqualTo(user.get("name"));
  }

  @Test
  void attributes_inAnyCaseAndWithSpaces_areAccepted() {
    assertThat(keys(apply(" USERNAME , Name.GivenName,", null)))
        .containsExactly("schemas", "id", "userName", "name");
  }

  @Test
  void attributes_namingTheExtensionUrn_keepTheWholeExtension() {
    ObjectNode out = apply(ENTERPRISE, null);
    assertThat(out.get(ENTERPRISE)).isEqualTo(user.get(ENTERPRISE));
    assertThat(keys(out)).containsExactly("schemas", "id", ENTERPRISE);
  }

  @Test
  void attributes_namingExtensionAttributes_qualifiedOrNot() {
    assertThat(apply("employeeNumber", null).get(ENTERPRISE))
        .isEqualTo(json("{'employeeNumber':'701'}"));
    assertThat(apply(ENTERPRISE + ":manager.value", null).get(ENTERPRISE))
        .isEqualTo(json("{'manager':{'value':'m-1'}}"));
  }

  @Test
  void attributes_namingMetaSubAttributes_keepJustThose() {
    assertThat(apply("meta.lastModified,meta.version", null).get("meta"))
        .isEqualTo(json("{'lastModified':'2024-02-01T00:00:00Z','version':'W/\\\"1\\\"'}"));
  }

  @Test
  void neverAttributes_stayHiddenEvenWhenNamed() {
    assertThat(keys(apply("password,userName", null))).containsExactly("schemas", "id", "userName");
  }

  @Test
  void unknownNames_areIgnored() {
    assertThat(keys(apply("nope,userName,urn:x:y:z", null)))
        .containsExactly("schemas", "id", "userName");
    assertThat(apply(null, "nope,name.nope")).isEqualTo(apply(null, null));
    assertThat(keys(apply("nope", null))).containsExactly("schemas", "id");
  }

  @Test
  void blankParameters_countAsNotGiven() {
    assertThat(apply("", " , ")).isEqualTo(apply(null, null));
    assertThat(Projection.fromParameters(Schemas.userType(), " ", null).restrictsAttributes())
        .isFalse();
  }

  @Test
  void excludedAttributes_removeDefaultAttributes_butNotAlwaysOnes() {
    ObjectNode out = apply(null, "emails,id,schemas,meta");
    assertThat(keys(out))
        .containsExactly("schemas", "id", "externalId", "userName", "name", "groups", ENTERPRISE);
  }

  @Test
  void excludedAttributes_canRemoveSingleSubAttributes() {
    ObjectNode out = apply(null, "emails.type,meta.location,name.familyName");
    assertThat(out.get("emails")).isEqualTo(json("{'a':[{'value':'a@x','primary':true},{'value':'a@y'}]}").get("a"));
    assertThat(out.get("meta").has("location")).isFalse();
    assertThat(out.get("meta").has("created")).isTrue();
    assertThat(out.get("name")).isEqualTo(json("{'givenName':'Alice'}"));
  }

  @Test
  void excludingEveryExtensionAttribute_removesTheExtensionObject_butNotTheSchemasEntry() {
    ObjectNode out = apply(null, "employeeNumber,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager");
    assertThat(out.has(ENTERPRISE)).isFalse();
    assertThat(out.get("schemas")).isEqualTo(user.get("schemas"));
    assertThat(apply(null, ENTERPRISE).has(ENTERPRISE)).isFalse();
  }

  @Test
  void elementsLeftEmpty_areRemoved() {
    ObjectNode u = json("{'id':'1','emails':[{'value':'a@x'},{'type':'work','value':'b@x'}]}");
    ObjectNode out = Projection.fromParameters(Schemas.userType(), "emails.type", null).apply(u);
    assertThat(out.get("emails")).isEqualTo(json("{'a':[{'type':'work'}]}").get("a"));
    ObjectNode none = Projection.fromParameters(Schemas.userType(), "phoneNumbers.type,emails.display", null).apply(u);
    assertThat(keys(none)).containsExactly("id");
  }

  @Test
  void attributesAndExcludedAttributes_together_applyBoth() {
    ObjectNode out = apply("emails,userName", "emails.type");
    assertThat(keys(out)).containsExactly("schemas", "id", "userName", "emails");
    assertThat(out.get("emails").get(0).has("type")).isFalse();
  }

  @Test
  void entraGroupLookup_excludedMembers_dropsMembers_andSaysSoBeforehand() {
    ObjectNode group =
        json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'id':'g','displayName':'Eng','members':[{'value':'u-1'}]}");
    Projection p = Projection.fromParameters(Schemas.groupType(), null, "members");
    assertThat(p.includes("members")).isFalse();
    assertThat(p.includes("members.value")).isFalse();
    assertThat(p.includes("displayName")).isTrue();
    assertThat(p.apply(group)).isEqualTo(json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'id':'g','displayName':'Eng'}"));
    assertThat(Projection.defaults(Schemas.groupType()).includes("members")).isTrue();
    assertThat(Projection.fromParameters(Schemas.groupType(), "displayName", null).includes("members")).isFalse();
    assertThat(Projection.fromParameters(Schemas.groupType(), "members.value", null).includes("MEMBERS")).isTrue();
  }

  @Test
  void includes_answersForAttributesSubAttributesAndExtensions() {
    Projection p = Projection.fromParameters(Schemas.userType(), "userName,emails.value,manager", null);
    assertThat(p.includes("groups")).isFalse();
    assertThat(p.includes("id")).isTrue();
    assertThat(p.includes("schemas")).isTrue();
    assertThat(p.includes("password")).isFalse();
    assertThat(p.includes("emails")).isTrue();
    assertThat(p.includes("emails.value")).isTrue();
    assertThat(p.includes("emails.type")).isFalse();
    assertThat(p.includes("manager.value")).isTrue();
    assertThat(p.includes(ENTERPRISE)).isTrue();
    assertThat(p.includes("employeeNumber")).isFalse();
    assertThat(p.includes("nope")).isFalse();
    assertThat(p.includes(Schemas.userType().resolve(Filters.parseAttributePath("userName")))).isTrue();
  }

  @Test
  void requestAttributes_appearOnlyWhenNamed() {
    ObjectNode widget =
        json("{'id':'w','str':'s','secret':'hush','pin':'1234','parts':[{'value':'p','note':'n'}]}");
    assertThat(Projection.defaults(WIDGET_TYPE).apply(widget))
        .isEqualTo(json("{'id':'w','str':'s','parts':[{'value':'p'}]}"));
    assertThat(Projection.fromParameters(WIDGET_TYPE, "secret,pin", null).apply(widget))
        .isEqualTo(json("{'id':'w','secret':'hush'}"));
    assertThat(Projection.fromParameters(WIDGET_TYPE, "parts", null).apply(widget))
        .isEqualTo(json("{'id':'w','parts':[{'value':'p'}]}"));
    assertThat(Projection.fromParameters(WIDGET_TYPE, "parts.note", null).apply(widget))
        .isEqualTo(json("{'id':'w','parts':[{'note':'n'}]}"));
    assertThat(Projection.fromParameters(WIDGET_TYPE, "parts,parts.note", null).apply(widget))
        .isEqualTo(json("{'id':'w','parts':[{'value':'p','note':'n'}]}"));
    assertThat(Projection.fromParameters(WIDGET_TYPE, null, "str").includes("secret")).isFalse();
    assertThat(Projection.fromParameters(WIDGET_TYPE, "secret", null).includes("secret")).isTrue();
  }

  @Test
  void extensionUrn_selectsDefaultAttributesOfTheExtension() {
    ObjectNode widget =
        json("{'id':'w','str':'s','" + WIDGET_EXTRA + "':{'extra':'e','extraNum':1,'unknown':2}}");
    assertThat(Projection.fromParameters(WIDGET_TYPE, WIDGET_EXTRA.toUpperCase(java.util.Locale.ROOT), null).apply(widget))
        .isEqualTo(json("{'id':'w','" + WIDGET_EXTRA + "':{'extra':'e','extraNum':1,'unknown':2}}"));
    assertThat(Projection.fromParameters(WIDGET_TYPE, "extraNum", null).apply(widget))
        .isEqualTo(json("{'id':'w','" + WIDGET_EXTRA + "':{'extraNum':1}}"));
  }

  @Test
  void membersNotInAnySchema_areKeptUnlessAttributesIsGiven() {
    ObjectNode odd = json("{'id':'1','userName':'a','x-custom':true}");
    assertThat(Projection.defaults(Schemas.userType()).apply(odd)).isEqualTo(odd);
    assertThat(Projection.fromParameters(Schemas.userType(), "userName", null).apply(odd))
        .isEqualTo(json("{'id':'1','userName':'a'}"));
  }

  @Test
  void listsFromASearchRequestBody_workLikeParameters() {
    Projection p = Projection.of(Schemas.userType(), List.of("userName", "name.givenName"), null);
    assertThat(keys(p.apply(user))).containsExactly("schemas", "id", "userName", "name");
  }

  @Test
  void view_showsWhatApplyShows_inTheSameOrder_forEveryCombinationOfParameters() {
    String[] userParameters = {
      null, "", "userName", "name.givenName,emails.value", "NAME", ENTERPRISE, "employeeNumber",
      ENTERPRISE + ":manager.value", "meta.lastModified,meta.version", "password,userName",
      "nope,name.nope", "emails.type", "phoneNumbers.type,emails.display", "emails,userName", "id",
      "groups", "emails.value,emails.primary", "schemas"
    };
    ObjectNode widget =
        json("{'id':'w','str':'s','secret':'hush','pin':'1234','parts':[{'value':'p','note':'n'}],"
            + "'x-odd':[1],'" + WIDGET_EXTRA + "':{'extra':'e','extraNum':1,'unknown':2}}");
    String[] widgetParameters = {
      null, "str", "secret,pin", "parts", "parts.note", "parts,parts.note", "parts.value",
      WIDGET_EXTRA, "extraNum", "id"
    };
    int compared = compareViewWithApply(Schemas.userType(), user, userParameters)
        + compareViewWithApply(WIDGET_TYPE, widget, widgetParameters);
    assertThat(compared).isEqualTo(18 * 18 + 10 * 10);
  }

  private static int compareViewWithApply(
      dev.scimkit.core.schema.ResourceType type, ObjectNode input, String[] parameters) {
    int compared = 0;
    for (String attributes : parameters) {
      for (String excluded : parameters) {
        ObjectNode before = input.deepCopy();
        Projection p = Projection.fromParameters(type, attributes, excluded);
        ObjectNode copied = p.apply(input);
        ObjectNode viewed = p.view(input);
        assertThat(input).as("input unchanged").isEqualTo(before);
        assertThat(viewed.toString())
            .as("attributes=%s excludedAttributes=%s", attributes, excluded)
            .isEqualTo(copied.toString());
        compared++;
      }
    }
    return compared;
  }

  @Test
  void view_sharesWhatItShowsWhole_andApplySharesNothing() {
    ObjectNode shown = Projection.defaults(Schemas.userType()).view(user);
    assertThat(shown.get("name")).isSameAs(user.get("name"));
    assertThat(shown.get("emails")).isSameAs(user.get("emails"));
    assertThat(shown.get(ENTERPRISE)).isSameAs(user.get(ENTERPRISE));
    assertThat(shown.has("password")).isFalse();

    ObjectNode copied = Projection.defaults(Schemas.userType()).apply(user);
    assertThat(copied.get("name")).isNotSameAs(user.get("name")).isEqualTo(user.get("name"));
    assertThat(copied.get("emails")).isNotSameAs(user.get("emails"));

    ObjectNode partial = Projection.fromParameters(Schemas.userType(), null, "emails.type").view(user);
    assertThat(partial.get("emails")).isNotSameAs(user.get("emails"));
    assertThat(partial.get("emails").get(0).has("type")).isFalse();
    assertThat(user.get("emails").get(0).has("type")).as("the input keeps what the view leaves out").isTrue();
    assertThat(partial.get("name")).isSameAs(user.get("name"));
  }

  @Test
  void malformedNames_areInvalidValues() {
    ScimException e =
        catchThrowableOfType(
            ScimException.class,
            () -> Projection.fromParameters(Schemas.userType(), "user name", null));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
    assertThat(e.detail()).contains("attributes").contains("user name");
    ScimException e2 =
        catchThrowableOfType(
            ScimException.class,
            () -> Projection.fromParameters(Schemas.userType(), null, "name..givenName"));
    assertThat(e2.detail()).contains("excludedAttributes");
  }
}
