package dev.scimkit.core.search;

import static dev.scimkit.core.search.SearchFixtures.CREATED;
import static dev.scimkit.core.search.SearchFixtures.MODIFIED;
import static dev.scimkit.core.search.SearchFixtures.json;
import static dev.scimkit.core.search.SearchFixtures.rawJson;
import static dev.scimkit.core.search.SearchFixtures.representation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The filters Entra ID, Okta and the SCIM Validator send (CLIENTS.md), on users and groups. */
class FilterEvaluatorClientFiltersTest {

  private final FilterEvaluator users = FilterEvaluator.forType(Schemas.userType());
  private final FilterEvaluator groups = FilterEvaluator.forType(Schemas.groupType());

  /** A disabled user, as Entra leaves one after {@code PATCH active=false}. */
  private final StoredResource alice =
      new StoredResource(
          "2819c223-7f76-453a-919d-413861904646",
          7,
          CREATED,
          MODIFIED,
          json(
              """
              {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User',
                          'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
               'userName':'alice@contoso.com',
               'externalId':'ExtA-1',
               'active':false,
               'name':{'givenName':'Alice','familyName':'Smith'},
               'emails':[{'type':'work','value':'Alice@Contoso.com','primary':true},
                         {'type':'home','value':'alice@home.example.org'}],
               'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':
                  {'employeeNumber':'701','department':'R&D','manager':{'value':'mgr-1'}}}
              """));

  private boolean bothWays(FilterEvaluator evaluator, String filter, StoredResource r) {
    Filter f = Filters.parse(filter);
    evaluator.validate(f);
    boolean stored = evaluator.matches(f, r);
    boolean represented = evaluator.matches(f, representation(r, evaluator.resourceType()));
    assertThat(represented).as("representation and record agree on %s", filter).isEqualTo(stored);
    return stored;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          userName eq "alice@contoso.com"                                                   | true
          userName eq "ALICE@Contoso.COM"                                                   | true
          userName eq "0b6e5d3f-9a1c-4e0b-8a57-0d6b2f5b1c11"                                | false
          USERNAME Eq "alice@contoso.com"                                                   | true
          urn:ietf:params:scim:schemas:core:2.0:User:userName eq "alice@contoso.com"        | true
          externalId eq "ExtA-1"                                                            | true
          externalId eq "exta-1"                                                            | true
          emails[type eq "work"].value eq "alice@contoso.com"                               | true
          emails[type eq "work"].value eq "alice@home.example.org"                          | false
          emails[type eq "work" and value co "@contoso"]                                    | true
          emails[TYPE eq "WORK"]                                                            | true
          emails co "contoso.com"                                                           | true
          emails.value ew "example.org"                                                     | true
          emails.type ne "work"                                                             | false
          name.givenName eq "alice"                                                         | true
          NAME.GIVENNAME sw "AL"                                                            | true
          urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701" | true
          employeeNumber eq "701"                                                           | true
          employeeNumber eq "702"                                                           | false
          urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq "mgr-1"     | true
          urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "mgr-1" | true
          manager eq "mgr-1"                                                                | true
          manager eq "MGR-1"                                                                | false
          manager pr                                                                        | true
          department eq "r&d"                                                               | true
          active eq false                                                                   | true
          active eq "False"                                                                 | true
          active eq true                                                                    | false
          active ne true                                                                    | true
          not (active eq true)                                                              | true
          schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"           | true
          schemas eq "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER"                          | true
          schemas eq "urn:ietf:params:scim:schemas:core:2.0:Group"                          | false
          title pr                                                                          | false
          title eq null                                                                     | true
          groups pr                                                                         | false
          password pr                                                                       | false
          id eq "2819c223-7f76-453a-919d-413861904646"                                      | true
          id eq "2819C223-7F76-453A-919D-413861904646"                                      | false
          id sw "2819c223"                                                                  | true
          id pr                                                                             | true
          meta pr                                                                           | true
          meta.created eq "2024-01-02T03:04:05Z"                                            | true
          meta.created lt "2024-01-02T03:04:06Z"                                            | true
          meta.lastModified gt "2024-05-31T00:00:00Z"                                       | true
          meta.lastModified gt "2024-06-01T14:00:00+02:00"                                  | false
          meta.lastModified ge "2024-06-01T14:00:00+02:00"                                  | true
          meta.lastModified lt "2024-06-02T00:00:00Z"                                       | true
          meta.lastModified sw "2024-06"                                                    | true
          meta.resourceType eq "User"                                                       | true
          meta.resourceType eq "user"                                                       | false
          meta.version eq "W/\\"7\\""                                                       | true
          meta.version eq "w/\\"7\\""                                                       | false
          meta[created lt "2024-01-03T00:00:00Z" and resourceType eq "User"]                | true
          """)
  void entraAndOktaLookups_findTheUserAsSpecified(String filter, boolean expected) {
    assertThat(bothWays(users, filter, alice)).as(filter).isEqualTo(expected);
  }

  @Test
  void entraManagerCheck_matchesIdAndManagerTogether() {
    Filter f =
        Filters.parse(
            "id eq \"2819c223-7f76-453a-919d-413861904646\" and manager eq \"mgr-1\"");
    assertThat(users.matches(f, alice)).isTrue();
    assertThat(users.matches(Filters.parse("id eq \"other\" and manager eq \"mgr-1\""), alice))
        .isFalse();
  }

  @Test
  void managerStoredAsAPlainString_isStillComparedAsItsValue() {
    StoredResource bob =
        SearchFixtures.stored(
            "bob", json("{'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'manager':'mgr-9'}}"));
    assertThat(users.matches(Filters.parse("manager eq \"mgr-9\""), bob)).isTrue();
    assertThat(users.matches(Filters.parse("manager.value eq \"mgr-9\""), bob)).isTrue();
    assertThat(users.matches(Filters.parse("manager pr"), bob)).isTrue();
  }

  @Test
  void managerRemovedTheEntraWay_isNotPresent() {
    StoredResource bob =
        SearchFixtures.stored(
            "bob",
            json("{'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'manager':{'value':''}}}"));
    assertThat(users.matches(Filters.parse("manager pr"), bob)).isFalse();
    assertThat(users.matches(Filters.parse("manager eq null"), bob)).isTrue();
  }

  @Test
  void disabledUser_isStillFoundByUserName() {
    assertThat(users.matches(Filters.parse("userName eq \"Alice@Contoso.com\""), alice)).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          displayName eq "engineering"                                | true
          displayName eq "ENGINEERING"                                | true
          displayName eq "7c0b9e64-0a5e-4a0f-9a57-7f0c7c1d2e3f"       | false
          externalId eq "grp-ext"                                     | true
          members[value eq "u-2"]                                     | true
          members[value eq "u-3"]                                     | false
          members eq "u-1"                                            | true
          members.value eq "u-1" and members.value eq "u-2"           | true
          members[type eq "User" and value eq "u-2"]                  | true
          members pr                                                  | true
          not (members[value eq "u-9"])                               | true
          """)
  void groupLookups_findTheGroupAsSpecified(String filter, boolean expected) {
    StoredResource engineering =
        SearchFixtures.stored(
            "g-1",
            json("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Engineering','externalId':'grp-ext'}"));
    JsonNode members =
        json("{'m':[{'value':'u-1','type':'User'},{'value':'u-2','type':'User'}]}").get("m");
    Function<String, JsonNode> extra = name -> name.equals("members") ? members : null;
    Filter f = Filters.parse(filter);
    groups.validate(f);
    assertThat(groups.matches(f, engineering, extra)).as(filter).isEqualTo(expected);
    ObjectNode full = representation(engineering, Schemas.groupType());
    full.set("members", members);
    assertThat(groups.matches(f, full)).as("representation: " + filter).isEqualTo(expected);
  }

  @Test
  void extraTopLevelAttributes_areOnlyLoadedWhenTheFilterNeedsThem() {
    StoredResource group =
        SearchFixtures.stored("g-1", json("{'displayName':'Engineering'}"));
    List<String> asked = new ArrayList<>();
    Function<String, JsonNode> extra =
        name -> {
          asked.add(name);
          return null;
        };
    assertThat(groups.matches(Filters.parse("displayName eq \"engineering\""), group, extra))
        .isTrue();
    assertThat(asked).isEmpty();
    assertThat(groups.matches(Filters.parse("members pr"), group, extra)).isFalse();
    assertThat(asked).containsExactly("members");
  }

  @Test
  void userGroups_canBeSuppliedByTheStore() {
    JsonNode groupsOfAlice = json("{'g':[{'value':'g-1','display':'Engineering'}]}").get("g");
    Filter f = Filters.parse("groups[display eq \"engineering\"]");
    assertThat(users.matches(f, alice)).isFalse();
    assertThat(users.matches(f, alice, name -> name.equals("groups") ? groupsOfAlice : null))
        .isTrue();
  }

  @Test
  void compiledFilter_canBeReusedAcrossResources() {
    CompiledFilter f = users.compile(Filters.parse("userName sw \"a\" and active eq false"));
    StoredResource bob =
        SearchFixtures.stored("bob", json("{'userName':'bob','active':false}"));
    assertThat(f.matches(alice)).isTrue();
    assertThat(f.matches(bob)).isFalse();
    assertThat(f.filter()).isEqualTo(Filters.parse("userName sw \"a\" and active eq false"));
  }

  @Test
  void documentWithQuotesInValues_isComparedExactlyAsStored() {
    StoredResource r = SearchFixtures.stored("q", rawJson("{\"displayName\":\"say \\\"hi\\\"\"}"));
    assertThat(users.matches(Filters.parse("displayName eq \"SAY \\\"HI\\\"\""), r)).isTrue();
  }

  @Test
  void deeplyChainedFilters_evaluateWithoutDeepRecursion() {
    StringBuilder text = new StringBuilder("userName eq \"u0\"");
    for (int i = 1; i < 1000; i++) {
      text.append(" or userName eq \"u").append(i).append('"');
    }
    Filter f = Filters.parse(text.toString());
    StoredResource r = SearchFixtures.stored("x", json("{'userName':'U999'}"));
    assertThat(users.matches(f, r)).isTrue();
  }
}
