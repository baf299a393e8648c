package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.Fixtures.createGroup;
import static dev.scimkit.jaxrs.http.Fixtures.createUser;
import static dev.scimkit.jaxrs.http.Fixtures.patch;
import static dev.scimkit.jaxrs.http.Fixtures.user;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code meta.version} as a weak {@code ETag}, with {@code If-Match} and {@code If-None-Match}. */
public abstract class EtagSuite extends ScimHttpTest {
  static final String RENAME = "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"%s\"}";

  @Test
  void etag_isWeakAndEqualsMetaVersionOnEveryAnswer() {
    String userName = unique("etag");
    Reply created = http.post("/Users", user(userName));
    Reply read = http.get("/Users/" + created.id());
    Reply patched = http.patch("/Users/" + created.id(), patch(RENAME.formatted("E")));
    Reply replaced = http.put("/Users/" + created.id(), user(userName));

    for (Reply r : new Reply[] {created, read, patched, replaced}) {
      assertThat(r.header("ETag")).as("%s", r).matches("W/\"[^\"]+\"");
      assertThat(r.header("ETag")).as("%s", r).isEqualTo(r.json().path("meta").path("version").asText());
    }
    assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));
    assertThat(patched.header("ETag")).isNotEqualTo(read.header("ETag"));
    assertThat(replaced.header("ETag")).isNotEqualTo(patched.header("ETag"));
  }

  @Test
  void ifMatch_withTheCurrentVersion_succeeds() {
    String id = createUser(http, unique("ifmatch"));
    String etag = http.get("/Users/" + id).header("ETag");

    Reply patched = http.patch("/Users/" + id, patch(RENAME.formatted("Current")), "If-Match", etag);
    assertThat(patched.status()).as("%s", patched).isEqualTo(200);

    Reply replaced = http.put("/Users/" + id, http.get("/Users/" + id).body(), "If-Match", patched.header("ETag"));
    assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);

    Reply deleted = http.delete("/Users/" + id, "If-Match", replaced.header("ETag"));
    assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
  }

  @Test
  void ifMatch_aStrongFormOfTheCurrentTag_isAccepted() {
    String id = createUser(http, unique("strong"));
    String weak = http.get("/Users/" + id).header("ETag");

    Reply r = http.patch("/Users/" + id, patch(RENAME.formatted("Strong")), "If-Match", weak.substring(2));

    assertThat(r.status()).as("%s", r).isEqualTo(200);
  }

  @Test
  void ifMatch_withAStaleVersion_is412AndChangesNothing() {
    String id = createUser(http, unique("stale"));
    String stale = http.get("/Users/" + id).header("ETag");
    http.patch("/Users/" + id, patch(RENAME.formatted("Moved On")));
    String current = http.get("/Users/" + id).header("ETag");

    assertScimError(http.patch("/Users/" + id, patch(RENAME.formatted("Lost")), "If-Match", stale), 412, null);
    assertScimError(http.put("/Users/" + id, user(unique("lost")), "If-Match", stale), 412, null);
    assertScimError(http.delete("/Users/" + id, "If-Match", stale), 412, null);
    assertScimError(http.patch("/Users/" + id, patch(RENAME.formatted("Lost")), "If-Match", "W/\"nope\""), 412, null);

    Reply after = http.get("/Users/" + id);
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.json().path("displayName").asText()).isEqualTo("Moved On");
    assertThat(after.header("ETag")).isEqualTo(current);
  }

  @Test
  void ifMatch_star_matchesAnyVersion() {
    String id = createUser(http, unique("star"));

    Reply patched = http.patch("/Users/" + id, patch(RENAME.formatted("Star")), "If-Match", "*");
    assertThat(patched.status()).as("%s", patched).isEqualTo(200);
    Reply replaced = http.put("/Users/" + id, http.get("/Users/" + id).body(), "If-Match", "*");
    assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
    assertThat(http.delete("/Users/" + id, "If-Match", "*").status()).isEqualTo(204);
  }

  @Test
  void ifNoneMatch_withTheCurrentTag_is304WithoutABody() {
    String id = createUser(http, unique("cached"));
    String etag = http.get("/Users/" + id).header("ETag");

    Reply r = http.get("/Users/" + id, "If-None-Match", etag);

    assertThat(r.status()).as("%s", r).isEqualTo(304);
    assertThat(r.body()).isEmpty();
    assertThat(r.header("ETag")).isEqualTo(etag);
  }

  @Test
  void ifNoneMatch_withAnOldTag_answersTheResource() {
    String id = createUser(http, unique("changed"));
    String old = http.get("/Users/" + id).header("ETag");
    http.patch("/Users/" + id, patch(RENAME.formatted("Changed")));

    Reply r = http.get("/Users/" + id, "If-None-Match", old);

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("displayName").asText()).isEqualTo("Changed");
  }

  @Test
  void groupMemberPatch_changesTheGroupsVersion() {
    String member = createUser(http, unique("member"));
    String groupId = createGroup(http, unique("Versioned"));
    String before = http.get("/Groups/" + groupId).header("ETag");

    Reply r =
        http.patch(
            "/Groups/" + groupId,
            patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + member + "\"}]}"),
            "If-Match",
            before);
    assertThat(r.status()).as("%s", r).isEqualTo(204);

    // a cache holding the old representation must not be told it is still current
    Reply conditional = http.get("/Groups/" + groupId, "If-None-Match", before);
    assertThat(conditional.status()).as("%s", conditional).isEqualTo(200);
    assertThat(conditional.header("ETag")).isNotEqualTo(before);
    assertScimError(http.patch("/Groups/" + groupId, patch(RENAME.formatted("Renamed")), "If-Match", before), 412, null);
  }
}
