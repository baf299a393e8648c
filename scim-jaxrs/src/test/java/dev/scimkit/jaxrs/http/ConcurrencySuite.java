package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.Fixtures.createGroup;
import static dev.scimkit.jaxrs.http.Fixtures.createUser;
import static dev.scimkit.jaxrs.http.Fixtures.patch;
import static dev.scimkit.jaxrs.http.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Concurrent requests over HTTP lose nothing and break no uniqueness. */
public abstract class ConcurrencySuite extends ScimHttpTest {
  static final int THREADS = 8;

  /** Runs {@code request(i)} for i in 0..n-1 on {@value #THREADS} threads released together. */
  private List<Reply> concurrently(int n, IntFunction<Reply> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Reply>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return request.apply(index);
                }));
      }
      start.countDown();
      List<Reply> replies = new ArrayList<>();
      for (Future<Reply> f : futures) {
        replies.add(f.get(30, TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(60)
  void concurrentMemberAdds_toOneGroup_loseNoMember() throws Exception {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      users.add(createUser(http, unique("crowd")));
    }
    String groupId = createGroup(http, unique("Crowded"));

    List<Reply> replies =
        concurrently(
            users.size(),
            i ->
                http.patch(
                    "/Groups/" + groupId,
                    patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + users.get(i) + "\"}]}")));

    assertThat(replies).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(204));
    List<String> members = new ArrayList<>();
    http.get("/Groups/" + groupId).json().path("members").forEach(m -> members.add(m.path("value").asText()));
    assertThat(members).containsExactlyInAnyOrderElementsOf(users);
  }

  @Test
  @Timeout(60)
  void concurrentPatchesOfOneUser_withoutIfMatch_loseNoChange() throws Exception {
    String[] attributes = {"nickName", "title", "profileUrl", "locale", "timezone", "preferredLanguage", "userType", "displayName"};
    String id = createUser(http, unique("contended"));

    List<Reply> replies =
        concurrently(
            attributes.length,
            i ->
                http.patch(
                    "/Users/" + id,
                    patch("{\"op\":\"replace\",\"path\":\"" + attributes[i] + "\",\"value\":\"v" + i + "\"}")));

    assertThat(replies).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(200));
    JsonNode user = http.get("/Users/" + id).json();
    for (int i = 0; i < attributes.length; i++) {
      assertThat(user.path(attributes[i]).asText()).as("%s in %s", attributes[i], user).isEqualTo("v" + i);
    }
  }

  @Test
  @Timeout(60)
  void concurrentCreatesOfOneUserName_makeExactlyOneUser() throws Exception {
    String userName = unique("race");

    List<Reply> replies = concurrently(THREADS * 2, i -> http.post("/Users", user(userName)));

    assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(1);
    assertThat(replies.stream().filter(r -> r.status() == 409)).hasSize(THREADS * 2 - 1);
    assertThat(http.get("/Users?filter=userName+eq+%22" + userName + "%22").json().path("totalResults").asInt())
        .isEqualTo(1);
  }
}
