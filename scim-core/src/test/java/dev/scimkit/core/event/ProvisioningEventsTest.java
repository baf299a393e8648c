package dev.scimkit.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.event.ProvisioningEvent.Type;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.ResourceStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Provisioning events on a store without an outbox: synchronous, after commit, in order. */
class ProvisioningEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RequestContext ACME = new RequestContext("acme", "token-1", "req-1");
  private static final ResponseOptions OPTIONS = ResponseOptions.defaults();

  private final List<ProvisioningEvent> seen = new ArrayList<>();
  private final ScimEngine engine = ScimEngine.builder()
      .auditListener(e -> { })
      .eventListener("test", seen::add)
      .eventValues("User", "active", "userName")
      .build();

  private static ObjectNode user(String userName) {
    ObjectNode u = JSON.createObjectNode();
    u.putArray("schemas").add(Schemas.USER);
    u.put("userName", userName);
    u.put("externalId", "ext-" + userName);
    u.put("active", true);
    return u;
  }

  private static ObjectNode patch(String op, String path, Object value) {
    ObjectNode p = JSON.createObjectNode();
    p.putArray("schemas").add(Schemas.PATCH_OP);
    ObjectNode o = p.putArray("Operations").addObject().put("op", op);
    if (path != null) {
      o.put("path", path);
    }
    o.set("value", JSON.valueToTree(value));
    return p;
  }

  private String createUser(String userName) {
    return engine.create("User", user(userName), ACME, OPTIONS).id();
  }

  @Test
  void userLifecycle_createdDeactivatedReactivatedUpdatedDeleted() {
    String id = createUser("bjensen");
    engine.patch("User", id, patch("Replace", "active", "False"), ResourceStore.ANY_VERSION, ACME, OPTIONS);
    engine.patch("User", id, patch("replace", null, java.util.Map.of("active", true)), ResourceStore.ANY_VERSION, ACME, OPTIONS);
    engine.patch("User", id, patch("replace", "title", "Boss"), ResourceStore.ANY_VERSION, ACME, OPTIONS);
    engine.delete("User", id, ResourceStore.ANY_VERSION, ACME);

    assertThat(seen).extracting(ProvisioningEvent::type)
        .containsExactly(Type.CREATED, Type.DEACTIVATED, Type.REACTIVATED, Type.UPDATED, Type.DELETED);
    assertThat(seen).extracting(ProvisioningEvent::version).containsExactly(1L, 2L, 3L, 4L, 4L);
    assertThat(seen).allSatisfy(e -> {
      assertThat(e.tenant()).isEqualTo("acme");
      assertThat(e.resourceType()).isEqualTo("User");
      assertThat(e.resourceId()).isEqualTo(id);
      assertThat(e.externalId()).isEqualTo("ext-bjensen");
      assertThat(e.actor()).isEqualTo("token-1");
      assertThat(e.requestId()).isEqualTo("req-1");
    });
    ProvisioningEvent deactivated = seen.get(1);
    assertThat(deactivated.attributes()).containsExactly("active");
    assertThat(deactivated.values()).containsOnlyKeys("active");
    assertThat(deactivated.values().get("active").before()).isEqualTo(BooleanNode.TRUE);
    assertThat(deactivated.values().get("active").after()).isEqualTo(BooleanNode.FALSE);
    assertThat(seen.get(3).attributes()).containsExactly("title");
    assertThat(seen.get(3).values()).as("title is not watched").isEmpty();
    assertThat(seen.stream().map(ProvisioningEvent::id).distinct()).hasSize(5);
  }

  @Test
  void entraSoftDelete_byPut_isADeactivation() {
    String id = createUser("bjensen");
    ObjectNode body = user("bjensen");
    body.put("active", false);
    engine.replace("User", id, body, ResourceStore.ANY_VERSION, ACME, OPTIONS);
    assertThat(seen).extracting(ProvisioningEvent::type).containsExactly(Type.CREATED, Type.DEACTIVATED);
  }

  @Test
  void groupLifecycle_withMembersAddedAndRemovedInBatches() {
    String a = createUser("a");
    String b = createUser("b");
    String c = createUser("c");
    seen.clear();
    ObjectNode group = JSON.createObjectNode();
    group.putArray("schemas").add(Schemas.GROUP);
    group.put("displayName", "Admins");
    group.putArray("members").addObject().put("value", a);
    String g = engine.create("Group", group, ACME, OPTIONS).id();
    engine.patch("Group", g, patch("Add", "members", List.of(java.util.Map.of("value", b), java.util.Map.of("value", c))),
        ResourceStore.ANY_VERSION, ACME, OPTIONS);
    engine.patch("Group", g, patch("remove", "members[value eq \"" + a + "\"]", null), ResourceStore.ANY_VERSION, ACME, OPTIONS);
    engine.patch("Group", g, patch("replace", "displayName", "Administrators"), ResourceStore.ANY_VERSION, ACME, OPTIONS);
    engine.delete("User", b, ResourceStore.ANY_VERSION, ACME);
    engine.delete("Group", g, ResourceStore.ANY_VERSION, ACME);

    assertThat(seen).extracting(e -> e.type() + " " + e.resourceType() + " " + e.members())
        .containsExactly(
            "CREATED Group []",
            "MEMBERS_ADDED Group [" + a + "]",
            "MEMBERS_ADDED Group [" + b + ", " + c + "]",
            "MEMBERS_REMOVED Group [" + a + "]",
            "RENAMED Group []",
            "MEMBERS_REMOVED Group [" + b + "]",
            "DELETED User []",
            "DELETED Group []");
  }

  @Test
  void aChangeThatFails_hasNoEvent() {
    createUser("bjensen");
    seen.clear();
    assertThatThrownBy(() -> engine.create("User", user("BJENSEN"), ACME, OPTIONS)).isInstanceOf(ScimException.class);
    assertThat(seen).isEmpty();
  }

  @Test
  void aListenerThatThrows_doesNotFailTheRequest_andOthersStillHear() {
    List<ProvisioningEvent> second = new ArrayList<>();
    ScimEngine e = ScimEngine.builder()
        .auditListener(x -> { })
        .eventListener("broken", x -> {
          throw new IllegalStateException("the host's listener failed");
        })
        .eventListener("working", second::add)
        .build();
    String id = e.create("User", user("bjensen"), ACME, OPTIONS).id();
    assertThat(second).extracting(ProvisioningEvent::resourceId).containsExactly(id);
  }

  @Test
  void eventJson_roundTrips() {
    String id = createUser("bjensen");
    engine.patch("User", id, patch("Replace", "active", "False"), ResourceStore.ANY_VERSION, ACME, OPTIONS);
    for (ProvisioningEvent e : seen) {
      assertThat(EventJson.read(EventJson.write(e))).isEqualTo(e);
    }
  }
}
