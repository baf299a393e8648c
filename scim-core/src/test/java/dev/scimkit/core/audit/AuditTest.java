package dev.scimkit.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.store.ResourceStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every committed change is heard once, with names and never values. */
class AuditTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
  private static final RequestContext ACME = new RequestContext("acme", "tok_abc", "req-1");
  private static final ResponseOptions AT = ResponseOptions.at("https://scim.example.com");
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
  private final ScimEngine engine =
      ScimEngine.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).auditListener(events::add).build();

  private static JsonNode json(String s) {
    try {
      return JSON.readTree(s.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(s, e);
    }
  }

  private static JsonNode patch(String... ops) {
    return json("{'schemas':['" + PATCH_OP + "'],'Operations':[" + String.join(",", ops) + "]}");
  }

  private String createUser(String userName) {
    return engine
        .create(
            "User",
            json("{'userName':'" + userName + "','password':'Secr3t!pw','name':{'givenName':'Ada'},'"
                + ENTERPRISE + "':{'employeeNumber':'EMP-qx7z'}}"),
            ACME,
            AT)
        .id();
  }

  @Test
  void create_isHeardWithTenantActorRequestAndTheAttributeNamesSet() {
    String id = createUser("ada");

    assertThat(events).hasSize(1);
    AuditEvent e = events.get(0);
    assertThat(e.operation()).isEqualTo(AuditEvent.Operation.CREATE);
    assertThat(e.tenant()).isEqualTo("acme");
    assertThat(e.actor()).isEqualTo("tok_abc");
    assertThat(e.requestId()).isEqualTo("req-1");
    assertThat(e.resourceType()).isEqualTo("User");
    assertThat(e.resourceId()).isEqualTo(id);
    assertThat(e.at()).isEqualTo(NOW);
    assertThat(e.attributes()).containsExactly("name", "password", ENTERPRISE + ":employeeNumber", "userName");
  }

  @Test
  void events_carryNoValue_notEvenOfThePassword() {
    String id = createUser("bob");
    engine.patch("User", id, patch("{'op':'replace','path':'password','value':'N3w-Secr3t'}"), ResourceStore.ANY_VERSION, ACME, AT);

    assertThat(events).hasSize(2);
    assertThat(events.get(1).attributes()).containsExactly("password");
    assertThat(events.toString()).doesNotContain("Secr3t").doesNotContain("EMP-qx7z").doesNotContain("Ada");
  }

  @Test
  void replace_namesWhatChanged_andKeepsAnOmittedPasswordUnnamed() {
    String id = createUser("carol");
    events.clear();

    engine.replace(
        "User",
        id,
        json("{'userName':'carol','name':{'givenName':'Carol'},'title':'CTO','" + ENTERPRISE + "':{'employeeNumber':'EMP-qx7z'}}"),
        ResourceStore.ANY_VERSION,
        ACME,
        AT);

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.operation()).isEqualTo(AuditEvent.Operation.REPLACE);
      assertThat(e.attributes()).containsExactly("name", "title");
    });
  }

  @Test
  void patch_namesExtensionAttributesByTheirUrn() {
    String id = createUser("dave");
    events.clear();

    engine.patch(
        "User",
        id,
        patch("{'op':'Replace','path':'" + ENTERPRISE + ":employeeNumber','value':'43'}", "{'op':'Replace','path':'active','value':'False'}"),
        ResourceStore.ANY_VERSION,
        ACME,
        AT);

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.operation()).isEqualTo(AuditEvent.Operation.PATCH);
      assertThat(e.attributes()).containsExactly("active", ENTERPRISE + ":employeeNumber");
    });
  }

  @Test
  void memberOnlyPatch_isHeardAsAChangeOfMembers() {
    String user = createUser("erin");
    String group = engine.create("Group", json("{'displayName':'Admins'}"), ACME, AT).id();
    events.clear();

    engine.patch("Group", group, patch("{'op':'add','path':'members','value':[{'value':'" + user + "'}]}"), ResourceStore.ANY_VERSION, ACME, ResponseOptions.defaults());
    engine.patch("Group", group, patch("{'op':'remove','path':'members[value eq \\\"" + user + "\\\"]'}"), ResourceStore.ANY_VERSION, ACME, ResponseOptions.defaults());

    assertThat(events).hasSize(2).allSatisfy(e -> {
      assertThat(e.operation()).isEqualTo(AuditEvent.Operation.PATCH);
      assertThat(e.resourceType()).isEqualTo("Group");
      assertThat(e.attributes()).containsExactly("members");
    });
  }

  @Test
  void delete_isHeardWithNoAttributes() {
    String id = createUser("frank");
    events.clear();

    engine.delete("User", id, ResourceStore.ANY_VERSION, ACME);

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.operation()).isEqualTo(AuditEvent.Operation.DELETE);
      assertThat(e.resourceId()).isEqualTo(id);
      assertThat(e.attributes()).isEmpty();
    });
  }

  @Test
  void deletingAMember_isAlsoHeardAsAChangeOfItsGroups() {
    String user = createUser("lena");
    String group = engine.create("Group", json("{'displayName':'Ops','members':[{'value':'" + user + "'}]}"), ACME, AT).id();
    events.clear();

    engine.delete("User", user, ResourceStore.ANY_VERSION, ACME);

    assertThat(events).extracting(AuditEvent::operation, AuditEvent::resourceType, AuditEvent::resourceId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AuditEvent.Operation.DELETE, "User", user),
            org.assertj.core.groups.Tuple.tuple(AuditEvent.Operation.PATCH, "Group", group));
    assertThat(events.get(1).attributes()).containsExactly("members");
  }

  @Test
  void failedRequests_andPatchesThatChangeNothing_areNotHeard() {
    String id = createUser("gina");
    events.clear();

    assertThatThrownBy(() -> createUser("gina")).isInstanceOf(ScimException.class);
    assertThatThrownBy(
            () -> engine.patch("User", id, patch("{'op':'replace','path':'active','value':'maybe'}"), ResourceStore.ANY_VERSION, ACME, AT))
        .isInstanceOf(ScimException.class);
    assertThatThrownBy(() -> engine.delete("User", "nope", ResourceStore.ANY_VERSION, ACME)).isInstanceOf(ScimException.class);
    assertThatThrownBy(() -> engine.delete("User", id, 99, ACME)).isInstanceOf(ScimException.class);
    engine.patch("User", id, patch("{'op':'replace','path':'name.givenName','value':'Ada'}"), ResourceStore.ANY_VERSION, ACME, AT);

    assertThat(events).isEmpty();
  }

  @Test
  void bulkOperations_areEachHeard() {
    String id = createUser("hank");
    events.clear();

    engine.bulk(
        json("{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'Operations':["
            + "{'method':'POST','path':'/Users','bulkId':'u1','data':{'userName':'ivy'}},"
            + "{'method':'PATCH','path':'/Users/" + id + "','data':{'Operations':[{'op':'replace','path':'title','value':'x'}]}},"
            + "{'method':'DELETE','path':'/Users/no-such'}]}"),
        ACME,
        AT);

    assertThat(events).extracting(AuditEvent::operation)
        .containsExactly(AuditEvent.Operation.CREATE, AuditEvent.Operation.PATCH);
  }

  @Test
  void aFailingListener_doesNotFailTheCommittedChange() {
    List<AuditEvent> heard = new CopyOnWriteArrayList<>();
    ScimEngine e =
        ScimEngine.builder()
            .auditListener(x -> {
              throw new IllegalStateException("audit sink down");
            })
            .auditListener(heard::add)
            .build();

    String id = e.create("User", json("{'userName':'jack'}"), ACME, AT).id();

    assertThat(e.get("User", id, ACME, AT).id()).isEqualTo(id);
    assertThat(heard).as("later listeners still hear it").hasSize(1);
  }

  @Test
  void theDefaultListener_logs() {
    ScimEngine e = ScimEngine.builder().build();
    String id = e.create("User", json("{'userName':'kim'}"), ACME, AT).id();
    e.delete("User", id, ResourceStore.ANY_VERSION, ACME);
    assertThat(AuditListener.logging().toString()).contains("logging");
  }
}
