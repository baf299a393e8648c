package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.Fixtures.createGroup;
import static dev.scimkit.jaxrs.http.Fixtures.createUser;
import static dev.scimkit.jaxrs.http.Fixtures.patch;
import static dev.scimkit.jaxrs.http.Fixtures.user;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static dev.scimkit.jaxrs.http.ScimHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.jaxrs.ScimHttpConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two organisations on one SCIM URL, told apart by their tokens (Entra ID's shape). A token of
 * tenant A can never read, list, filter, search, replace, patch, delete or reference a resource
 * of tenant B: every such attempt is answered as if the resource did not exist ({@code 404}, an
 * empty list, "member does not exist"), never {@code 403}, so existence does not leak; and B's
 * data is unchanged afterwards.
 */
public abstract class TenancySuite extends ScimHttpTest {
  private final OrganizationTokens tokens = OrganizationTokens.builder(new InMemoryTokenStore()).build();
  private final String tokenA = Secrets.issue(tokens, "tenant-a");
  private final String tokenB = Secrets.issue(tokens, "tenant-b");

  private ScimHttp a;
  private ScimHttp b;
  private String shared;
  private String userOfA;
  private String userOfB;
  private String groupOfB;
  private String snapshotOfB;

  @Override
  protected ScimHttpConfig.Builder config(ScimHttpConfig.Builder builder) {
    return builder.authenticator(tokens.authenticator());
  }

  @Override
  protected ScimHttp client(ScimHttp plain) {
    return plain.withBearer(tokenA);
  }

  @BeforeAll
  void twoTenants() {
    a = http;
    b = ScimHttp.of(server.baseUri()).withBearer(tokenB);
    shared = unique("same.name") + "@example.com";
    userOfA = createUser(a, shared);
    userOfB = createUser(b, shared);
    createUser(b, unique("b.other"));
    groupOfB = createGroup(b, unique("B Admins"), userOfB);
    snapshotOfB = snapshotOfB();
  }

  /** Everything tenant B has, as B reads it. */
  private String snapshotOfB() {
    StringBuilder out = new StringBuilder();
    out.append(b.get("/Users?count=1000&sortBy=id").body()).append('\n');
    out.append(b.get("/Groups?count=1000&sortBy=id").body());
    return out.toString();
  }

  private void assertBUnchanged() {
    assertThat(snapshotOfB()).isEqualTo(snapshotOfB);
  }

  @Test
  void theSameUserName_existsInBothTenants_asTwoResources() {
    assertThat(userOfA).isNotEqualTo(userOfB);
    JsonNode fromA = a.get("/Users?filter=" + form("userName eq \"" + shared + "\"")).json();
    JsonNode fromB = b.get("/Users?filter=" + form("userName eq \"" + shared + "\"")).json();

    assertThat(fromA.path("totalResults").asInt()).isEqualTo(1);
    assertThat(fromA.path("Resources").get(0).path("id").asText()).isEqualTo(userOfA);
    assertThat(fromB.path("totalResults").asInt()).isEqualTo(1);
    assertThat(fromB.path("Resources").get(0).path("id").asText()).isEqualTo(userOfB);
  }

  @Test
  void read_ofAnotherTenantsResource_is404() {
    assertScimError(a.get("/Users/" + userOfB), 404, null);
    assertScimError(a.get("/Groups/" + groupOfB), 404, null);
    assertScimError(a.get("/Users/" + userOfB + "?attributes=userName"), 404, null);
    assertScimError(a.get("/Groups/" + groupOfB + "?excludedAttributes=members"), 404, null);
  }

  @Test
  void notFound_forAnotherTenantsId_looksExactlyLikeNotFoundForAnUnknownId() {
    String unknown = UUID.randomUUID().toString();
    Reply foreign = a.get("/Users/" + userOfB);
    Reply absent = a.get("/Users/" + unknown);
    Reply foreignDelete = a.delete("/Users/" + userOfB);
    Reply absentDelete = a.delete("/Users/" + unknown);

    assertThat(foreign.status()).isEqualTo(absent.status()).isEqualTo(404);
    assertThat(foreign.body().replace(userOfB, "ID")).isEqualTo(absent.body().replace(unknown, "ID"));
    assertThat(foreignDelete.body().replace(userOfB, "ID")).isEqualTo(absentDelete.body().replace(unknown, "ID"));
  }

  @Test
  void listAndFilter_neverShowAnotherTenantsResources() {
    List<String> ids = ids(a.get("/Users?count=1000").json());
    List<String> groups = ids(a.get("/Groups?count=1000").json());
    List<String> byId = ids(a.get("/Users?filter=" + form("id eq \"" + userOfB + "\"")).json());
    List<String> byMember =
        ids(a.get("/Groups?filter=" + form("members.value eq \"" + userOfB + "\"")).json());

    assertThat(ids).contains(userOfA).doesNotContain(userOfB);
    assertThat(groups).doesNotContain(groupOfB);
    assertThat(byId).isEmpty();
    assertThat(byMember).isEmpty();
  }

  @Test
  void search_byPost_andAtTheRoot_neverShowAnotherTenantsResources() {
    String body = "{\"filter\":\"userName eq \\\"" + shared + "\\\"\"}";

    assertThat(ids(a.post("/Users/.search", body).json())).containsExactly(userOfA);
    assertThat(ids(a.post("/.search", body).json())).containsExactly(userOfA);
    assertThat(ids(a.post("/.search", "{\"filter\":\"id eq \\\"" + groupOfB + "\\\"\"}").json())).isEmpty();
  }

  @Test
  void replace_patch_delete_ofAnotherTenantsResource_are404_andChangeNothing() {
    assertScimError(a.put("/Users/" + userOfB, user(shared)), 404, null);
    assertScimError(
        a.patch("/Users/" + userOfB, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}")), 404, null);
    assertScimError(
        a.patch("/Groups/" + groupOfB, patch("{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}")), 404, null);
    assertScimError(a.delete("/Users/" + userOfB), 404, null);
    assertScimError(a.delete("/Groups/" + groupOfB), 404, null);
    assertScimError(a.put("/Users/" + userOfB, user(shared), "If-Match", "W/\"1\""), 404, null);

    assertBUnchanged();
  }

  @Test
  void referencingAnotherTenantsUserAsAMember_isRejectedAsNonexistent() {
    String groupOfA = createGroup(a, unique("A Team"));

    assertScimError(
        a.patch("/Groups/" + groupOfA, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + userOfB + "\"}]}")),
        400,
        "invalidValue");
    assertScimError(a.post("/Groups", Fixtures.group(unique("A Mixed"), userOfB)), 400, "invalidValue");
    assertThat(a.get("/Groups/" + groupOfA).json().has("members")).isFalse();
    assertBUnchanged();
  }

  @Test
  void bulk_referencingAnotherTenantsResources_answers404PerOperation_andChangesNothing() {
    String bulk =
        """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
         {"method":"PUT","path":"/Users/%1$s","data":{"userName":"stolen"}},
         {"method":"PATCH","path":"/Users/%1$s","data":{"Operations":[{"op":"replace","path":"active","value":false}]}},
         {"method":"PATCH","path":"/Groups/%2$s","data":{"Operations":[{"op":"remove","path":"members"}]}},
         {"method":"DELETE","path":"/Users/%1$s"},
         {"method":"DELETE","path":"/Groups/%2$s"},
         {"method":"POST","path":"/Groups","bulkId":"g","data":{"displayName":"%3$s","members":[{"value":"%1$s"}]}}]}
        """.formatted(userOfB, groupOfB, unique("Bulk Mixed"));

    Reply r = a.post("/Bulk", bulk);

    assertThat(r.status()).isEqualTo(200);
    List<String> statuses = new ArrayList<>();
    r.json().path("Operations").forEach(op -> statuses.add(op.path("status").asText()));
    assertThat(statuses).containsExactly("404", "404", "404", "404", "404", "400");
    assertBUnchanged();
  }

  @Test
  void tenantB_stillSeesAllItsData() {
    assertThat(b.get("/Users/" + userOfB).status()).isEqualTo(200);
    assertThat(b.get("/Groups/" + groupOfB).json().path("members").get(0).path("value").asText()).isEqualTo(userOfB);
  }

  private static List<String> ids(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.path("Resources").forEach(r -> out.add(r.path("id").asText()));
    return out;
  }
}
