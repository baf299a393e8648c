package dev.scimkit.core.bulk;

import static dev.scimkit.core.bulk.BulkFixtures.BASE;
import static dev.scimkit.core.bulk.BulkFixtures.count;
import static dev.scimkit.core.bulk.BulkFixtures.createGroup;
import static dev.scimkit.core.bulk.BulkFixtures.createUser;
import static dev.scimkit.core.bulk.BulkFixtures.entries;
import static dev.scimkit.core.bulk.BulkFixtures.memberIds;
import static dev.scimkit.core.bulk.BulkFixtures.postGroup;
import static dev.scimkit.core.bulk.BulkFixtures.postUser;
import static dev.scimkit.core.bulk.BulkFixtures.request;
import static dev.scimkit.core.bulk.BulkFixtures.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every operation of a bulk request is confined to the request's tenant. */
class BulkTenancyTest {
  private static final RequestContext TENANT_A = RequestContext.of("tenant-a");
  private static final RequestContext TENANT_B = RequestContext.of("tenant-b");

  private ScimEngine engine;
  private ScimResource userOfA;
  private ScimResource groupOfA;

  @BeforeEach
  void setUp() {
    engine = BulkFixtures.engine();
    userOfA = createUser(engine, TENANT_A, "alice");
    groupOfA = createGroup(engine, TENANT_A, "Admins");
  }

  @Test
  void bulk_inTenantB_cannotChangeOrDeleteTenantAsResources() {
    ObjectNode response =
        engine.bulk(
            request(
                "{'method':'PUT','path':'/Users/" + userOfA.id() + "','data':{'userName':'stolen'}}",
                "{'method':'PATCH','path':'/Groups/" + groupOfA.id() + "','data':{'Operations':[{'op':'replace','path':'displayName','value':'x'}]}}",
                "{'method':'DELETE','path':'/Users/" + userOfA.id() + "'}",
                "{'method':'DELETE','path':'/Groups/" + groupOfA.id() + "'}"),
            TENANT_B,
            BASE);

    assertThat(statuses(response)).containsExactly("404", "404", "404", "404");
    assertThat(engine.get("User", userOfA.id(), TENANT_A, BASE).json().get("userName").asText()).isEqualTo("alice");
    assertThat(engine.get("Group", groupOfA.id(), TENANT_A, BASE).json().get("displayName").asText()).isEqualTo("Admins");
  }

  @Test
  void bulk_inTenantB_cannotMakeTenantAsUserAMember() {
    ObjectNode response =
        engine.bulk(
            request(
                postGroup("g", "Mixed", userOfA.id()),
                createdGroupPatchAdding(groupOfA.id(), userOfA.id())),
            TENANT_B,
            BASE);

    assertThat(statuses(response)).containsExactly("400", "404");
    assertThat(entries(response).get(0).get("response").get("scimType").asText()).isEqualTo("invalidValue");
    assertThat(count(engine, "Group", TENANT_B)).isZero();
  }

  @Test
  void bulk_bulkIdsResolveWithinTheRequestsTenantOnly() {
    ObjectNode response = engine.bulk(request(postGroup("g", "Admins", "bulkId:u"), postUser("u", "alice")), TENANT_B, BASE);

    assertThat(statuses(response)).containsExactly("201", "201");
    String groupOfB = entries(response).get(0).get("location").asText().replaceAll(".*/", "");
    String userOfB = entries(response).get(1).get("location").asText().replaceAll(".*/", "");
    assertThat(memberIds(engine, TENANT_B, groupOfB)).containsExactly(userOfB);
    assertThat(memberIds(engine, TENANT_A, groupOfA.id())).isEmpty();
    assertThat(count(engine, "User", TENANT_A)).isEqualTo(1);
    assertThat(count(engine, "User", TENANT_B)).isEqualTo(1);
  }

  private static String createdGroupPatchAdding(String groupId, String memberId) {
    return "{'method':'PATCH','path':'/Groups/" + groupId + "','data':{'Operations':[{'op':'add','path':'members','value':[{'value':'"
        + memberId + "'}]}]}}";
  }
}
