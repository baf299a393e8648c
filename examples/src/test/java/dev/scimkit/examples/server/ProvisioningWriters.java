package dev.scimkit.examples.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.examples.ScimClient;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writers that provision a server the way an identity provider does (create users, change them,
 * create groups with members, add members, delete users), each keeping a ledger of what the
 * server acknowledged, so that after a crash and a restart every acknowledged write can be checked
 * against what the server has.
 *
 * <p>Each writer owns the resources it creates and sends one request at a time, so its ledger is
 * exact: everything answered 2xx must be there, and the one request that was in flight when the
 * server died may or may not have happened, but only as a whole.
 */
final class ProvisioningWriters {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one writer knows the server acknowledged. */
  static final class Ledger {
    final Map<String, String> titles = new LinkedHashMap<>(); // live user id -> last title
    final Set<String> deletedUsers = new LinkedHashSet<>();
    final Map<String, Set<String>> groups = new LinkedHashMap<>(); // group id -> members
    final Map<String, Integer> acknowledged = new TreeMap<>();
    /** The request that got no answer, if the server died during it. */
    String unanswered;
    String unansweredUser;
    String unansweredTitle;
    String unansweredGroupName;
    String unansweredGroup;
    Set<String> unansweredMembers = Set.of();
    final List<String> unexpected = new ArrayList<>();

    void ack(String what) {
      acknowledged.merge(what, 1, Integer::sum);
    }

    int total() {
      return acknowledged.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private final ScimClient client;
  private final String runId;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();
  private final Map<Integer, Ledger> ledgers = new ConcurrentHashMap<>();
  /** Statuses other than the ones each request should get, with a sample body. */
  private final Map<String, String> oddAnswers = new ConcurrentHashMap<>();

  ProvisioningWriters(ScimClient client, String runId) {
    this.client = client;
    this.runId = runId;
  }

  /** Starts {@code writers} threads; they write until {@link #stop} or until the server is gone. */
  void start(int writers) {
    for (int w = 0; w < writers; w++) {
      int writer = w;
      Ledger ledger = new Ledger();
      ledgers.put(writer, ledger);
      Thread t = new Thread(() -> write(writer, ledger), "writer-" + w);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** Stops the writers (those still talking to a server finish their request) and waits. */
  void stopAndJoin() throws InterruptedException {
    stop.set(true);
    for (Thread t : threads) {
      t.join(60_000);
    }
  }

  /** Waits for every writer to end by itself (once the server is gone). */
  void join() throws InterruptedException {
    for (Thread t : threads) {
      t.join(60_000);
    }
    stop.set(true);
  }

  Map<Integer, Ledger> ledgers() {
    return ledgers;
  }

  Map<String, String> oddAnswers() {
    return oddAnswers;
  }

  /** Waits until the writers have {@code n} acknowledged writes (or the timeout passes). */
  void awaitAcknowledged(int n, long timeoutMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    while (acknowledged() < n && System.currentTimeMillis() < end) {
      Thread.sleep(20);
    }
  }

  int acknowledged() {
    return ledgers.values().stream().mapToInt(Ledger::total).sum();
  }

  Map<String, Integer> acknowledgedByKind() {
    Map<String, Integer> all = new TreeMap<>();
    ledgers.values().forEach(l -> l.acknowledged.forEach((k, v) -> all.merge(k, v, Integer::sum)));
    return all;
  }

  private void write(int writer, Ledger ledger) {
    Random random = new Random(writer * 31L + runId.hashCode());
    int n = 0;
    while (!stop.get()) {
      n++;
      int dice = random.nextInt(100);
      List<String> users = new ArrayList<>(ledger.titles.keySet());
      List<String> groupIds = new ArrayList<>(ledger.groups.keySet());
      try {
        if (dice < 35 || users.size() < 3) {
          createUser(writer, n, ledger);
        } else if (dice < 65) {
          patchUser(users.get(random.nextInt(users.size())), writer, n, ledger);
        } else if (dice < 75 || groupIds.isEmpty()) {
          createGroup(writer, n, pick(users, 2, random), ledger);
        } else if (dice < 90) {
          addMember(groupIds.get(random.nextInt(groupIds.size())), users.get(random.nextInt(users.size())), ledger);
        } else {
          deleteUser(users.get(random.nextInt(users.size())), ledger);
        }
      } catch (UncheckedIOException gone) {
        return; // the server died or shut down while this request was in flight
      }
    }
  }

  private void createUser(int writer, int n, Ledger ledger) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
    body.put("userName", runId + "-w" + writer + "-u" + n + "@example.com");
    body.put("title", "t0");
    ledger.unanswered = "create user";
    ScimClient.Reply r = client.post("/Users", body.toString());
    if (expect(r, 201, "POST /Users", ledger)) {
      ledger.titles.put(r.id(), "t0");
      ledger.ack("user created");
    }
    ledger.unanswered = null;
  }

  private void patchUser(String id, int writer, int n, Ledger ledger) {
    String title = "t" + n;
    ledger.unanswered = "patch user";
    ledger.unansweredUser = id;
    ledger.unansweredTitle = title;
    ScimClient.Reply r = client.patch("/Users/" + id,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"" + title + "\"}]}");
    if (expect(r, 200, "PATCH /Users", ledger)) {
      ledger.titles.put(id, title);
      ledger.ack("user patched");
    }
    ledger.unanswered = null;
  }

  private void createGroup(int writer, int n, List<String> members, Ledger ledger) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
    String name = runId + " w" + writer + " g" + n;
    body.put("displayName", name);
    ArrayNode array = body.putArray("members");
    members.forEach(m -> array.addObject().put("value", m));
    ledger.unanswered = "create group";
    ledger.unansweredGroupName = name;
    ledger.unansweredMembers = new HashSet<>(members);
    ScimClient.Reply r = client.post("/Groups", body.toString());
    if (expect(r, 201, "POST /Groups", ledger)) {
      ledger.groups.put(r.id(), new LinkedHashSet<>(members));
      ledger.ack("group created with members");
    }
    ledger.unanswered = null;
  }

  private void addMember(String group, String user, Ledger ledger) {
    ledger.unanswered = "add member";
    ledger.unansweredGroup = group;
    ledger.unansweredUser = user;
    ScimClient.Reply r = client.patch("/Groups/" + group,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"" + user + "\"}]}]}");
    if (expect(r, 204, "PATCH /Groups add member", ledger)) {
      ledger.groups.get(group).add(user);
      ledger.ack("member added");
    }
    ledger.unanswered = null;
  }

  private void deleteUser(String user, Ledger ledger) {
    ledger.unanswered = "delete user";
    ledger.unansweredUser = user;
    ScimClient.Reply r = client.delete("/Users/" + user);
    if (expect(r, 204, "DELETE /Users", ledger)) {
      ledger.titles.remove(user);
      ledger.deletedUsers.add(user);
      ledger.groups.values().forEach(members -> members.remove(user));
      ledger.ack("user deleted");
    }
    ledger.unanswered = null;
  }

  /**
   * Whether the reply is the expected success. A 503 is what a server that is shutting down
   * answers new requests with: the writer stops there. Anything else is recorded as odd.
   */
  private boolean expect(ScimClient.Reply r, int status, String what, Ledger ledger) {
    if (r.status() == status) {
      return true;
    }
    if (r.status() == 503) {
      stop.set(true);
      ledger.unanswered = null; // refused, so it did not happen
      oddAnswers.putIfAbsent("503 " + what, r.body());
      return false;
    }
    oddAnswers.putIfAbsent(r.status() + " " + what, r.body());
    ledger.unexpected.add(r.status() + " " + what);
    return false;
  }

  private static List<String> pick(List<String> from, int n, Random random) {
    List<String> copy = new ArrayList<>(from);
    Collections.shuffle(copy, random);
    return copy.subList(0, Math.min(n, copy.size()));
  }

  // ---- checking a restarted server -------------------------------------------------------------

  /**
   * Checks every acknowledged write against {@code server} and the invariant that no group lists
   * a member that does not exist; returns one line per discrepancy (empty: nothing lost).
   */
  List<String> verify(ScimClient server) {
    List<String> lost = new ArrayList<>();
    for (Map.Entry<Integer, Ledger> e : ledgers.entrySet()) {
      Ledger l = e.getValue();
      String w = "writer " + e.getKey() + ": ";
      for (Map.Entry<String, String> u : l.titles.entrySet()) {
        ScimClient.Reply r = server.get("/Users/" + u.getKey());
        boolean mayBeDeleted = "delete user".equals(l.unanswered) && u.getKey().equals(l.unansweredUser);
        if (r.status() == 404 && mayBeDeleted) {
          continue;
        }
        if (r.status() != 200) {
          lost.add(w + "acknowledged user " + u.getKey() + " answers " + r.status());
          continue;
        }
        String title = r.json().path("title").asText();
        boolean inFlight = "patch user".equals(l.unanswered) && u.getKey().equals(l.unansweredUser)
            && title.equals(l.unansweredTitle);
        if (!title.equals(u.getValue()) && !inFlight) {
          lost.add(w + "user " + u.getKey() + " has title " + title + ", acknowledged " + u.getValue());
        }
      }
      for (String d : l.deletedUsers) {
        ScimClient.Reply r = server.get("/Users/" + d);
        if (r.status() != 404) {
          lost.add(w + "deleted user " + d + " answers " + r.status());
        }
      }
      for (Map.Entry<String, Set<String>> g : l.groups.entrySet()) {
        ScimClient.Reply r = server.get("/Groups/" + g.getKey());
        if (r.status() != 200) {
          lost.add(w + "acknowledged group " + g.getKey() + " answers " + r.status());
          continue;
        }
        Set<String> members = memberIds(r.json());
        Set<String> expected = new HashSet<>(g.getValue());
        boolean addInFlight = "add member".equals(l.unanswered) && g.getKey().equals(l.unansweredGroup);
        if (addInFlight) {
          members.remove(l.unansweredUser);
          expected.remove(l.unansweredUser);
        }
        if ("delete user".equals(l.unanswered)) {
          members.remove(l.unansweredUser);
          expected.remove(l.unansweredUser);
        }
        if (!members.equals(expected)) {
          lost.add(w + "group " + g.getKey() + " has members " + members + ", acknowledged " + expected);
        }
      }
      if ("create group".equals(l.unanswered)) {
        JsonNode found = server.get("/Groups?filter=" + encode("displayName eq \"" + l.unansweredGroupName + "\""))
            .json().path("Resources");
        if (found.size() == 1) {
          Set<String> members = memberIds(found.get(0));
          if (!members.equals(l.unansweredMembers)) {
            lost.add(w + "the group created as the server died has members " + members + ", not all or none of "
                + l.unansweredMembers);
          }
        }
      }
    }
    lost.addAll(danglingMembers(server));
    return lost;
  }

  /** Members of any group of the tenant whose own GET is not 200. */
  static List<String> danglingMembers(ScimClient server) {
    List<String> out = new ArrayList<>();
    for (int start = 1; ; start += 100) {
      JsonNode page = server.get("/Groups?startIndex=" + start + "&count=100").json();
      JsonNode resources = page.path("Resources");
      for (JsonNode g : resources) {
        for (String member : memberIds(g)) {
          int status = server.get("/Users/" + member).status();
          if (status != 200) {
            out.add("group " + g.path("id").asText() + " lists member " + member + ", whose GET answers " + status);
          }
        }
      }
      if (resources.size() < 100) {
        return out;
      }
    }
  }

  private static Set<String> memberIds(JsonNode group) {
    Set<String> ids = new HashSet<>();
    group.path("members").forEach(m -> ids.add(m.path("value").asText()));
    return ids;
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
