package dev.scimkit.jaxrs.http.clients;

import static dev.scimkit.jaxrs.http.Fixtures.createGroup;
import static dev.scimkit.jaxrs.http.Fixtures.createUser;
import static dev.scimkit.jaxrs.http.Fixtures.patch;
import static dev.scimkit.jaxrs.http.Fixtures.user;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.jaxrs.http.Reply;
import dev.scimkit.jaxrs.http.ScimHttpTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shorter entries of {@code CLIENTS.md}: JumpCloud, PingFederate, the {@code /Users/0} probe. */
public abstract class OtherClientsSuite extends ScimHttpTest {


  @Test
  void jumpCloud_removeWithAValueArray_removesOnlyTheListedMembers() {
    String a = createUser(http, unique("jc.a"));
    String b = createUser(http, unique("jc.b"));
    String c = createUser(http, unique("jc.c"));
    String groupId = createGroup(http, unique("JumpCloud"), a, b, c);

    Reply r =
        http.patch(
            "/Groups/" + groupId,
            patch("{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + a + "\"},{\"value\":\"" + c + "\"}]}"));

    assertThat(r.status()).as("%s", r).isEqualTo(204);
    assertThat(members(groupId)).containsExactly(b);
  }

  @Test
  void probe_getUsers0_isAPlain404() {
    Reply r = http.get("/Users/0");

    assertScimError(r, 404, null);
    assertThat(r.json().path("detail").asText()).isNotBlank();
  }

  @Test
  void pingFederate_updatesUsersWithPut() {
    String userName = unique("ping");
    String id = createUser(http, userName);

    Reply r = http.put("/Users/" + id, user(userName).replace("Ada Lovelace", "Ada King"));

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("displayName").asText()).isEqualTo("Ada King");
  }

  @Test
  void pingFederate_findsAGroupByPagingThroughAllGroups() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add(createGroup(http, unique("Ping Group")));
    }
    List<String> seen = new ArrayList<>();
    int total = Integer.MAX_VALUE;
    for (int start = 1; start <= total; start += 3) {
      JsonNode page = http.get("/Groups?startIndex=" + start + "&count=3").json();
      total = page.path("totalResults").asInt();
      page.path("Resources").forEach(g -> seen.add(g.path("id").asText()));
    }

    assertThat(seen).doesNotHaveDuplicates().containsAll(created).hasSize(total);
  }

  private List<String> members(String groupId) {
    List<String> ids = new ArrayList<>();
    http.get("/Groups/" + groupId).json().path("members").forEach(m -> ids.add(m.path("value").asText()));
    return ids;
  }
}
