package dev.scimkit.jaxrs.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimkit.core.ListResponse;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ResponseOptions;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.SearchParameters;
import dev.scimkit.core.auth.InMemoryTokenStore;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.http.Reply;
import dev.scimkit.jaxrs.http.ScimHttp;
import dev.scimkit.jaxrs.http.ScimServer;
import dev.scimkit.jaxrs.http.Secrets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Generated bodies, filters, PATCH operations and headers thrown at a running server (Jersey),
 * by an authenticated tenant ("attacker") beside another tenant ("victim"). For every request:
 *
 * <ul>
 *   <li>the answer is never a {@code 500} (a client's odd input is the client's problem, and a
 *       500 makes Entra ID retry and quarantine);
 *   <li>an answer of {@code 4xx} changed nothing: the attacker's resources are exactly as before
 *       (read through the engine, versions included);
 *   <li>the victim's resources never change at all.
 * </ul>
 *
 * {@link ScimHttp} also checks that every reply is a SCIM reply that leaks no internals and no
 * token.
 */
class HostileRequestPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final RequestContext ATTACKER = RequestContext.of("attacker");
  private static final RequestContext VICTIM = RequestContext.of("victim");

  private static ScimEngine engine;
  private static ScimServer server;
  private static ScimHttp http;
  private static String attackerToken;
  private static final List<String> userIds = new ArrayList<>();
  private static final List<String> groupIds = new ArrayList<>();
  private static String victimUser;
  private static String victimGroup;
  private static String victimSnapshot;

  @BeforeContainer
  static void start() {
    OrganizationTokens tokens = OrganizationTokens.builder(new InMemoryTokenStore()).build();
    attackerToken = Secrets.issue(tokens, ATTACKER.tenant());
    engine = ScimEngine.builder().maxPageSize(500).build();
    server =
        JerseyRuntime.INSTANCE.start(
            ScimHttpConfig.builder(engine).authenticator(tokens.authenticator()).maxRequestBytes(64 * 1024).build());
    http = ScimHttp.of(server.baseUri()).withBearer(attackerToken);
    victimUser = create(VICTIM, "User", user("victim.user"));
    create(VICTIM, "User", user("victim.other"));
    victimGroup =
        create(VICTIM, "Group", "{\"displayName\":\"Victims\",\"members\":[{\"value\":\"" + victimUser + "\"}]}");
    victimSnapshot = snapshot(VICTIM);
  }

  @AfterContainer
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Keeps the attacker's fixture alive: earlier tries may have deleted or renamed it. */
  @BeforeTry
  void fixture() {
    userIds.removeIf(id -> !exists(ATTACKER, "User", id));
    groupIds.removeIf(id -> !exists(ATTACKER, "Group", id));
    while (userIds.size() < 3) {
      userIds.add(create(ATTACKER, "User", user("attacker." + System.nanoTime())));
    }
    if (groupIds.isEmpty()) {
      groupIds.add(
          create(ATTACKER, "Group", "{\"displayName\":\"Team " + System.nanoTime() + "\",\"members\":[{\"value\":\""
              + userIds.get(0) + "\"}]}"));
    }
  }

  // ---- properties ------------------------------------------------------------------------------

  @Property(tries = 250)
  void generatedRequests_neverAnswer500_andRejectedOnesChangeNothing(
      @ForAll("methods") String method,
      @ForAll("paths") String path,
      @ForAll("bodies") String body,
      @ForAll("headerSets") List<String> headers) {
    send(method, path, method.equals("GET") || method.equals("DELETE") ? null : body, headers);
  }

  @Property(tries = 250)
  void generatedFilters_neverAnswer500_andChangeNothing(
      @ForAll("filters") String filter, @ForAll("searchPaths") String path, @ForAll boolean byPost) {
    String before = snapshot(ATTACKER);
    Reply r =
        byPost
            ? http.post(path.replace("?", "/.search").replace("//", "/"), "{\"filter\":" + JSON.valueToTree(filter) + "}")
            : http.get(path + "filter=" + ScimHttp.form(filter));
    Statistics.collect(r.status() / 100 + "xx");
    assertThat(r.status()).as("%s", r).isLessThan(500);
    assertThat(snapshot(ATTACKER)).as("a search changed the attacker's data: %s", r).isEqualTo(before);
    assertThat(snapshot(VICTIM)).isEqualTo(victimSnapshot);
  }

  @Property(tries = 300)
  void generatedPatchOperations_neverAnswer500_andRejectedOnesChangeNothing(
      @ForAll("patchTargets") String target, @ForAll("patchMessages") String message, @ForAll("ifMatch") String ifMatch) {
    List<String> headers = ifMatch.isEmpty() ? List.of() : List.of("If-Match", ifMatch);
    send("PATCH", target, message, headers);
  }

  @Property(tries = 150)
  void generatedHeaders_neverAnswer500_andRejectedOnesChangeNothing(
      @ForAll("headerSets") List<String> headers, @ForAll("validBodies") String body, @ForAll boolean create) {
    send(create ? "POST" : "PUT", create ? "/Users" : "/Users/{user}", body, headers);
  }

  private void send(String method, String rawPath, String body, List<String> headers) {
    String path = resolve(rawPath);
    String before = snapshot(ATTACKER);
    Reply r = http.send(method, path, body, headers.toArray(String[]::new));
    Statistics.collect(r.status() / 100 + "xx");
    assertThat(r.status()).as("%s", r).isNotEqualTo(500).isLessThan(502);
    if (r.status() >= 400 && r.status() < 500) {
      assertThat(snapshot(ATTACKER)).as("a %d changed the attacker's data: %s", r.status(), r).isEqualTo(before);
    }
    assertThat(snapshot(VICTIM)).as("the victim's data changed: %s", r).isEqualTo(victimSnapshot);
  }

  private static String resolve(String path) {
    return path.replace("{user}", userIds.get(0))
        .replace("{user2}", userIds.get(1))
        .replace("{group}", groupIds.get(0))
        .replace("{victimUser}", victimUser)
        .replace("{victimGroup}", victimGroup);
  }

  // ---- generators ------------------------------------------------------------------------------

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE");
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "/Users", "/Groups", "/Users/{user}", "/Users/{user2}", "/Groups/{group}", "/Users/{victimUser}",
            "/Groups/{victimGroup}", "/Bulk", "/.search", "/Users/.search", "/Groups/.search", "/Me",
            "/ServiceProviderConfig", "/Schemas", "/ResourceTypes/User", "/Users/{user}/extra", "/Users/",
            "/users/{user}", "/Devices", "/Users/0"),
        // Grizzly itself (not Jersey, not Scimkit) answers an empty 500 to "." and ".." segments
        Arbitraries.strings().withChars("abcXYZ019-_.~%").ofMinLength(1).ofMaxLength(20)
            .filter(s -> !s.matches("\\.{1,2}"))
            .map(s -> "/Users/" + s.replace("%", "%25")));
  }

  @Provide
  Arbitrary<String> searchPaths() {
    return Arbitraries.of("/Users?", "/Groups?", "/Users?count=3&", "/Groups?excludedAttributes=members&");
  }

  @Provide
  Arbitrary<String> ifMatch() {
    return Arbitraries.of("", "*", "W/\"1\"", "W/\"999\"", "\"1\"", "garbage", "W/\"-1\"", "W/\"99999999999999999999\"");
  }

  @Provide
  Arbitrary<List<String>> headerSets() {
    Arbitrary<List<String>> contentType =
        Arbitraries.of(
                "application/scim+json", "application/scim+json; charset=utf-8", "application/json", "text/plain",
                "application/scim+json; charset=latin1", "application/xml", "*/*", "garbage", "application/json; q=x")
            .map(v -> List.of("Content-Type", v));
    Arbitrary<List<String>> accept =
        Arbitraries.of("application/scim+json", "application/json", "*/*", "text/html", "application/*", "x/y;q=0")
            .map(v -> List.of("Accept", v));
    Arbitrary<List<String>> other =
        Arbitraries.of(
                List.of("If-Match", "W/\"1\""),
                List.of("If-None-Match", "*"),
                List.of("If-Match", "nonsense"),
                List.of("X-HTTP-Method-Override", "DELETE"),
                List.of("Authorization", "Bearer " + "A".repeat(40)),
                List.of("Authorization", "Basic YTpi"),
                List.of("Accept-Charset", "ebcdic"),
                List.of("Content-Encoding", "gzip"),
                List.<String>of());
    return Combinators.combine(contentType.injectNull(0.3), accept.injectNull(0.5), other)
        .as((c, a, o) -> {
          List<String> all = new ArrayList<>();
          if (c != null) {
            all.addAll(c);
          }
          if (a != null) {
            all.addAll(a);
          }
          all.addAll(o);
          return all;
        });
  }

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, jsonValues().map(HostileRequestPropertiesTest::write)),
        net.jqwik.api.Tuple.of(3, validBodies()),
        net.jqwik.api.Tuple.of(3, patchMessages()),
        net.jqwik.api.Tuple.of(2, bulkMessages()),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(40)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("", "{", "[]", "null", "{\"a\":1}{", "{\"userName\":\"x\",\"userName\":\"y\"}")));
  }

  /** A user or group body with one generated change: valid often, not always. */
  @Provide
  Arbitrary<String> validBodies() {
    return Combinators.combine(Arbitraries.of(attributeNames()), jsonValues(), Arbitraries.integers().between(0, 1_000_000))
        .as((name, value, n) -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("schemas", List.of(USER_SCHEMA));
          body.put("userName", "gen." + n);
          body.put(name, value);
          return write(body);
        });
  }

  @Provide
  Arbitrary<String> patchTargets() {
    return Arbitraries.of("/Users/{user}", "/Users/{user2}", "/Groups/{group}", "/Users/{victimUser}", "/Groups/{victimGroup}", "/Users/none");
  }

  @Provide
  Arbitrary<String> patchMessages() {
    Arbitrary<Map<String, Object>> operation =
        Combinators.combine(
                Arbitraries.of("add", "replace", "remove", "Add", "Replace", "Remove", "frobnicate", "", "ADD"),
                patchPaths().injectNull(0.25),
                jsonValues().injectNull(0.2))
            .as((op, path, value) -> {
              Map<String, Object> o = new LinkedHashMap<>();
              o.put("op", op);
              if (path != null) {
                o.put("path", path);
              }
              if (value != null) {
                o.put("value", value);
              }
              return o;
            });
    // half of the operations are meaningful, so that many messages succeed and the 4xx ones are
    // the interesting near-misses (one bad operation among good ones must change nothing)
    Arbitrary<Map<String, Object>> meaningful =
        Arbitraries.of(
                "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Renamed\"}",
                "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}",
                "{\"op\":\"add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"w@example.com\"}",
                "{\"op\":\"remove\",\"path\":\"title\"}",
                "{\"op\":\"replace\",\"value\":{\"nickName\":\"nick\",\"name.givenName\":\"G2\"}}",
                "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"{user2}\"}]}",
                "{\"op\":\"remove\",\"path\":\"members[value eq \\\"{user}\\\"]\"}",
                "{\"op\":\"Replace\",\"path\":\"" + ENTERPRISE + ":employeeNumber\",\"value\":\"42\"}")
            .map(op -> {
              try {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = JSON.readValue(resolve(op), Map.class);
                return m;
              } catch (Exception e) {
                throw new IllegalStateException(op, e);
              }
            });
    return Arbitraries.oneOf(operation, meaningful).list().ofMinSize(0).ofMaxSize(4)
        .map(ops -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("schemas", List.of(PATCH_OP));
          m.put("Operations", ops);
          return write(m);
        });
  }

  @Provide
  Arbitrary<String> bulkMessages() {
    Arbitrary<Map<String, Object>> op =
        Combinators.combine(
                Arbitraries.of("POST", "PUT", "PATCH", "DELETE", "GET", "post"),
                Arbitraries.of("/Users", "/Groups", "/Users/{user}", "/Groups/{group}", "/Users/{victimUser}",
                    "/Groups/{victimGroup}", "/Users/bulkId:a", "/Nope"),
                jsonValues().injectNull(0.3),
                Arbitraries.of("a", "b", "").injectNull(0.5))
            .as((method, path, data, bulkId) -> {
              Map<String, Object> o = new LinkedHashMap<>();
              o.put("method", method);
              o.put("path", resolve(path));
              if (data != null) {
                o.put("data", data);
              }
              if (bulkId != null) {
                o.put("bulkId", bulkId);
              }
              return o;
            });
    return op.list().ofMaxSize(4).map(ops -> write(Map.of("Operations", ops)));
  }

  @Provide
  Arbitrary<String> filters() {
    Arbitrary<String> attr = Arbitraries.of(filterPaths());
    Arbitrary<String> op = Arbitraries.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "EQ", "zz");
    Arbitrary<String> value = filterValues();
    Arbitrary<String> comparison =
        Combinators.combine(attr, op, value).as((a, o, v) -> a + " " + o + " " + v);
    Arbitrary<String> present = attr.map(a -> a + " pr");
    Arbitrary<String> simple = Arbitraries.oneOf(comparison, present);
    Arbitrary<String> structured =
        Arbitraries.recursive(
            () -> simple,
            f -> Arbitraries.oneOf(
                Combinators.combine(f, Arbitraries.of(" and ", " or ", " AND "), f).as((x, j, y) -> x + j + y),
                f.map(x -> "not (" + x + ")"),
                f.map(x -> "(" + x + ")"),
                Combinators.combine(Arbitraries.of("emails", "members", "addresses"), f).as((a, x) -> a + "[" + x + "]")),
            0,
            3);
    Arbitrary<String> tokens =
        Arbitraries.of("userName", "eq", "\"x\"", "(", ")", "[", "]", "and", "or", "not", "pr", ".", "\\", "\"",
                "emails", "1e1000000000", "value", "sw", " ", "''", "{", "urn:ietf:params:scim:schemas:core:2.0:User:")
            .list().ofMaxSize(10).map(l -> String.join(" ", l));
    return Arbitraries.oneOf(structured, structured, tokens, Arbitraries.strings().ofMaxLength(30));
  }

  private static Arbitrary<String> filterValues() {
    return Arbitraries.of(
        "\"x\"", "\"\"", "\"attacker.1\"", "\"victim.user\"", "1", "-1", "1.5", "true", "false", "null",
        "1e1000000000", "1e-1000000000", "\"2011-05-13T04:42:34Z\"", "\"True\"", "\"\\u0000\"", "\"" + "a".repeat(300) + "\"",
        "99999999999999999999999999");
  }

  private static Arbitrary<String> patchPaths() {
    return Arbitraries.oneOf(
        Arbitraries.of(filterPaths()),
        Combinators.combine(Arbitraries.of("emails", "members", "addresses", "phoneNumbers", "roles"), Arbitraries.of(filterPaths()), filterValues(),
                Arbitraries.of("", ".value", ".type", ".display", ".nope"))
            .as((a, x, v, sub) -> a + "[" + x + " eq " + v + "]" + sub),
        Arbitraries.strings().ofMaxLength(20));
  }

  private static List<String> filterPaths() {
    return List.of(
        "userName", "name.givenName", "name", "emails", "emails.value", "emails.type", "emails[type eq \"work\"].value",
        "members", "members.value", "members.display", "displayName", "active", "id", "externalId", "meta.created",
        "meta.lastModified", "meta.version", "groups", "groups.display", "password", "title", "x", "name.nope",
        ENTERPRISE + ":employeeNumber", ENTERPRISE + ":manager", ENTERPRISE + ":manager.value", "manager",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName", "schemas", "roles", "addresses.locality", "value", "");
  }

  private static List<String> attributeNames() {
    return List.of(
        "name", "emails", "active", "displayName", "userName", "password", "members", "groups", "meta", "id",
        "schemas", ENTERPRISE, "roles", "phoneNumbers", "addresses", "x509Certificates", "nickName", "timezone",
        "locale", "externalId", "manager", "x");
  }

  @Provide
  Arbitrary<Object> jsonValues() {
    Arbitrary<Object> leaves =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
            Arbitraries.of("True", "False", "work", "", "a@b.c", "{user}", "bulkId:a", "2011-05-13T04:42:34Z", "0")
                .map(s -> (Object) resolveLater(s)),
            Arbitraries.integers().map(i -> (Object) i),
            Arbitraries.of(new BigDecimal("1e1000000000"), new BigDecimal("-1e-1000000000"), new BigDecimal("1.5"),
                    new BigDecimal("123456789012345678901234567890"))
                .map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just(null));
    return Arbitraries.recursive(
        () -> leaves,
        v -> Arbitraries.oneOf(
            v.list().ofMaxSize(3).map(l -> (Object) l),
            Combinators.combine(Arbitraries.of(attributeNames()).list().ofMaxSize(3), v.list().ofSize(3))
                .as((keys, values) -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  for (int i = 0; i < keys.size(); i++) {
                    m.put(keys.get(i), values.get(i));
                  }
                  if (!keys.isEmpty()) {
                    m.put("value", values.get(0));
                  }
                  return (Object) m;
                })),
        0,
        3);
  }

  private static String resolveLater(String s) {
    return s.equals("{user}") && !userIds.isEmpty() ? userIds.get(0) : s;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String user(String userName) {
    return "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"" + userName
        + "\",\"name\":{\"givenName\":\"G\"},\"emails\":[{\"value\":\"" + userName + "@example.com\",\"type\":\"work\"}],"
        + "\"password\":\"pw-" + userName + "\",\"active\":true}";
  }

  private static String create(RequestContext ctx, String type, String json) {
    try {
      return engine.create(type, JSON.readTree(json), ctx, ResponseOptions.defaults()).id();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean exists(RequestContext ctx, String type, String id) {
    try {
      engine.get(type, id, ctx, ResponseOptions.defaults());
      return true;
    } catch (ScimException e) {
      return false;
    }
  }

  /** Everything a tenant has, as the engine reads it: documents, members, versions. */
  private static String snapshot(RequestContext ctx) {
    StringBuilder out = new StringBuilder();
    for (String type : List.of("User", "Group")) {
      ListResponse page =
          engine.search(type, new SearchParameters(null, "id", null, null, "500", null, null), ctx, "");
      for (JsonNode r : page.resources()) {
        out.append(r).append('\n');
      }
    }
    return out.toString();
  }
}
