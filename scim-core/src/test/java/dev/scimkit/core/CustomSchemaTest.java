package dev.scimkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schema;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.ResourceStore;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Host-registered extension schemas and resource types behave exactly like the core ones. */
class CustomSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACME = "urn:example:params:scim:schemas:extension:acme:2.0:User";
  private static final RequestContext CTX = RequestContext.of("acme");
  private static final ResponseOptions OPTIONS = ResponseOptions.defaults();

  private ScimEngine engine;

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @BeforeEach
  void setUp() {
    Schema acme = Schema.fromJson(json("{'id':'" + ACME + "','name':'AcmeUser','attributes':["
        + "{'name':'badgeNumber','type':'integer'},"
        + "{'name':'site','type':'string','caseExact':true},"
        + "{'name':'clearance','type':'complex','subAttributes':[{'name':'level','type':'integer'},{'name':'since','type':'dateTime'}]},"
        + "{'name':'secret','type':'string','returned':'never','mutability':'writeOnly'},"
        + "{'name':'nickname2','type':'string','returned':'request'}]}"));
    ResourceType user = ResourceType.builder("User", "/Users", Schemas.user())
        .extension(Schemas.enterpriseUser(), false)
        .extension(acme, false)
        .build();
    Schema deviceSchema = Schema.fromJson(json("{'id':'urn:example:Device','name':'Device','attributes':["
        + "{'name':'serial','type':'string','required':true,'uniqueness':'server'},"
        + "{'name':'owner','type':'string'}]}"));
    ResourceType device = ResourceType.builder("Device", "/Devices", deviceSchema).build();
    engine = ScimEngine.builder().resourceType(user).resourceType(device).build();
  }

  private ScimResource user(String userName, int badge, String site) {
    return engine.create("User", json("{'userName':'" + userName + "','" + ACME + "':{'badgeNumber':" + badge + ",'site':'" + site + "'}}"), CTX, OPTIONS);
  }

  @Test
  void create_extensionAttributes_areStoredUnderTheirUrnAndListedInSchemas() {
    ScimResource u = user("a", 7, "HQ");
    assertThat(u.json().get(ACME).get("badgeNumber").asInt()).isEqualTo(7);
    assertThat(u.json().get("schemas").toString()).contains(ACME);
  }

  @Test
  void create_wrongTypeInAnExtension_is400InvalidValue() {
    assertThatThrownBy(() -> engine.create("User", json("{'userName':'a','" + ACME + "':{'badgeNumber':'seven'}}"), CTX, OPTIONS))
        .satisfies(t -> assertThat(((ScimException) t).scimType()).isEqualTo(ScimType.INVALID_VALUE));
  }

  @Test
  void patch_extensionAttributes_byPathAndPathLess() {
    ScimResource u = user("a", 7, "HQ");
    engine.patch("User", u.id(), json("{'Operations':[{'op':'replace','path':'" + ACME + ":badgeNumber','value':8},"
        + "{'op':'add','value':{'" + ACME + ":site':'Annex','" + ACME + ":clearance.level':3}}]}"), ResourceStore.ANY_VERSION, CTX, OPTIONS);
    JsonNode ext = engine.get("User", u.id(), CTX, OPTIONS).json().get(ACME);
    assertThat(ext.get("badgeNumber").asInt()).isEqualTo(8);
    assertThat(ext.get("site").asText()).isEqualTo("Annex");
    assertThat(ext.get("clearance").get("level").asInt()).isEqualTo(3);
  }

  @Test
  void filter_extensionAttributes_qualifiedAndUnqualified_honouringCaseExact() {
    user("a", 7, "HQ");
    user("b", 9, "hq");
    assertThat(engine.search("User", SearchParameters.filter(ACME + ":badgeNumber gt 8"), CTX, null).totalResults()).isEqualTo(1);
    assertThat(engine.search("User", SearchParameters.filter("site eq \"HQ\""), CTX, null).totalResults()).isEqualTo(1);
    assertThat(engine.search("User", SearchParameters.filter("badgeNumber ge 7 and site sw \"h\""), CTX, null).totalResults()).isEqualTo(1);
  }

  @Test
  void sort_byAnExtensionAttribute() {
    user("a", 9, "x");
    user("b", 7, "y");
    user("c", 8, "z");
    ListResponse sorted = engine.search("User", new SearchParameters(null, ACME + ":badgeNumber", "descending", null, null, null, null), CTX, null);
    List<String> names = sorted.resources().stream().map(r -> r.get("userName").asText()).toList();
    assertThat(names).containsExactly("a", "c", "b");
  }

  @Test
  void projection_ofExtensionAttributes_andReturnedCharacteristics() {
    ScimResource u = engine.create("User", json("{'userName':'a','" + ACME + "':{'badgeNumber':1,'secret':'s','nickname2':'n'}}"), CTX, OPTIONS);
    JsonNode plain = u.json().get(ACME);
    assertThat(plain.has("secret")).as("returned never").isFalse();
    assertThat(plain.has("nickname2")).as("returned request").isFalse();
    JsonNode asked = engine.get("User", u.id(), CTX, new ResponseOptions(null, ACME + ":nickname2", null)).json();
    assertThat(asked.get(ACME).get("nickname2").asText()).isEqualTo("n");
    assertThat(asked.has("userName")).isFalse();
    assertThat(asked.get("id").asText()).isEqualTo(u.id());
    JsonNode excluded = engine.get("User", u.id(), CTX, new ResponseOptions(null, null, ACME + ":badgeNumber")).json();
    assertThat(excluded.has(ACME)).isFalse();
  }

  @Test
  void customResourceType_fromASchemaDocument_supportsCrudAndUniqueness() {
    ScimResource d = engine.create("/Devices", json("{'serial':'SN-1','owner':'x'}"), CTX, OPTIONS);
    assertThat(d.location()).isEqualTo("/Devices/" + d.id());
    assertThat(engine.search("Device", SearchParameters.filter("serial eq \"sn-1\""), CTX, null).totalResults()).isEqualTo(1);
    assertThatThrownBy(() -> engine.create("Device", json("{'serial':'SN-1'}"), CTX, OPTIONS))
        .satisfies(t -> assertThat(((ScimException) t).status()).isEqualTo(409));
    assertThatThrownBy(() -> engine.create("Device", json("{'owner':'nobody'}"), CTX, OPTIONS))
        .satisfies(t -> assertThat(((ScimException) t).scimType()).isEqualTo(ScimType.INVALID_VALUE));
    engine.delete("Device", d.id(), ResourceStore.ANY_VERSION, CTX);
  }
}
