package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.Fixtures.USER_SCHEMA;
import static dev.scimkit.jaxrs.http.Fixtures.createUser;
import static dev.scimkit.jaxrs.http.Fixtures.patch;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertScimError;
import static dev.scimkit.jaxrs.http.ScimHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.jaxrs.ScimHttpConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JSON limits hold with their defaults ({@link ScimHttpConfig#DEFAULT_MAX_JSON_DEPTH}, {@link
 * ScimHttpConfig#DEFAULT_MAX_JSON_STRING_LENGTH}, {@link ScimHttpConfig#DEFAULT_MAX_JSON_NUMBER_LENGTH},
 * {@link ScimHttpConfig#DEFAULT_MAX_REQUEST_BYTES}), on every endpoint that reads a body, and
 * numbers that are short to write but huge to expand ({@code 1e1000000000}) are answered quickly
 * and never with a 500.
 */
public abstract class JsonLimitsSuite extends ScimHttpTest {
  static final String HUGE_EXPONENT = "1e1000000000";
  static final String TINY_EXPONENT = "1e-1000000000";

  private static String userWith(String userName, String extraMember) {
    return "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"" + userName + "\"," + extraMember + "}";
  }

  private void assertNotStored(String userName) {
    Reply r = http.get("/Users?filter=" + form("userName eq \"" + userName + "\""));
    assertThat(r.json().path("totalResults").asInt()).as("%s stored", userName).isZero();
  }

  @Test
  @Timeout(20)
  void aStringLongerThanTheDefaultLimit_is400InvalidSyntax_everywhere() {
    String userName = unique("longstring");
    String tooLong = "x".repeat(ScimHttpConfig.DEFAULT_MAX_JSON_STRING_LENGTH + 1);
    String id = createUser(http, unique("longstring.target"));

    assertScimError(http.post("/Users", userWith(userName, "\"nickName\":\"" + tooLong + "\"")), 400, "invalidSyntax");
    assertScimError(
        http.patch("/Users/" + id, patch("{\"op\":\"add\",\"path\":\"nickName\",\"value\":\"" + tooLong + "\"}")),
        400,
        "invalidSyntax");
    assertScimError(http.post("/Users/.search", "{\"filter\":\"" + tooLong + "\"}"), 400, "invalidSyntax");
    assertScimError(
        http.post("/Bulk", "{\"Operations\":[{\"method\":\"POST\",\"path\":\"/Users\",\"data\":"
            + userWith(userName, "\"nickName\":\"" + tooLong + "\"") + "}]}"),
        400,
        "invalidSyntax");
    assertNotStored(userName);
    assertThat(http.get("/Users/" + id).json().has("nickName")).isFalse();
  }

  @Test
  void aStringAtTheLimit_isAccepted() {
    String userName = unique("maxstring");
    String atLimit = "y".repeat(ScimHttpConfig.DEFAULT_MAX_JSON_STRING_LENGTH);

    assertThat(http.post("/Users", userWith(userName, "\"nickName\":\"" + atLimit + "\"")).status()).isEqualTo(201);
  }

  @Test
  @Timeout(10)
  void aNumberLongerThanTheDefaultLimit_is400InvalidSyntax() {
    String userName = unique("longnumber");
    String digits = "9".repeat(ScimHttpConfig.DEFAULT_MAX_JSON_NUMBER_LENGTH + 1);

    assertScimError(http.post("/Users", userWith(userName, "\"x\":" + digits)), 400, "invalidSyntax");
    assertScimError(http.post("/Users", userWith(userName, "\"x\":0." + digits)), 400, "invalidSyntax");
    assertScimError(http.post("/Users/.search", "{\"count\":" + digits + "}"), 400, "invalidSyntax");
    assertNotStored(userName);
  }

  @Test
  @Timeout(10)
  void deeplyNestedJson_is400InvalidSyntaxQuickly() {
    String userName = unique("deepdefault");
    int depth = ScimHttpConfig.DEFAULT_MAX_JSON_DEPTH + 1;
    String arrays = "[".repeat(depth) + "]".repeat(depth);
    String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    String veryDeep = "[".repeat(100_000);

    assertScimError(http.post("/Users", userWith(userName, "\"x\":" + arrays)), 400, "invalidSyntax");
    assertScimError(http.post("/Users", userWith(userName, "\"x\":" + objects)), 400, "invalidSyntax");
    assertScimError(http.post("/Users", veryDeep), 400, "invalidSyntax");
    assertScimError(http.post("/Bulk", veryDeep), 400, "invalidSyntax");
    assertNotStored(userName);
  }

  @Test
  @Timeout(30)
  void hugeExponents_areAnsweredQuickly_andNeverWith500() {
    String id = createUser(http, unique("exponent.target"));
    String groupId = Fixtures.createGroup(http, unique("Exponent Group"));
    for (String n : List.of(HUGE_EXPONENT, TINY_EXPONENT, "-" + HUGE_EXPONENT)) {
      String userName = unique("exponent"); // some of these are valid users: a number is a fine nickName
      List<Reply> replies =
          List.of(
              http.post("/Users", userWith(userName, "\"active\":" + n)),
              http.post("/Users", userWith(userName, "\"nickName\":" + n)),
              http.post("/Users", "{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":" + n + "}"),
              http.post("/Users", userWith(userName, "\"emails\":[{\"value\":\"a@b.c\",\"primary\":" + n + "}]")),
              http.post("/Users", userWith(userName, "\"x\":" + n)),
              http.post("/Users/.search", "{\"count\":" + n + "}"),
              http.post("/Users/.search", "{\"startIndex\":" + n + "}"),
              http.get("/Users?count=" + n),
              http.get("/Users?startIndex=" + n),
              http.get("/Users?filter=" + form("userName eq " + n)),
              http.get("/Users?filter=" + form("meta.version eq " + n)),
              http.get("/Users?filter=" + form("active gt " + n)),
              http.get("/Users?filter=" + form("emails[value eq " + n + "]")),
              http.get("/Users?filter=" + form("meta.created gt " + n)),
              http.post("/.search", "{\"filter\":\"userName eq " + n + "\"}"),
              http.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"nickName\",\"value\":" + n + "}")),
              http.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":" + n + "}")),
              http.patch("/Users/" + id, patch("{\"op\":\"remove\",\"path\":\"emails[value eq " + n + "]\"}")),
              http.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"emails[primary eq " + n + "].value\",\"value\":\"x\"}")),
              http.patch("/Groups/" + groupId, patch("{\"op\":\"remove\",\"path\":\"members[value eq " + n + "]\"}")),
              http.post("/Bulk", "{\"failOnErrors\":" + n + ",\"Operations\":[]}"),
              http.post("/Bulk", "{\"Operations\":[{\"method\":\"DELETE\",\"path\":\"/Users/x\",\"version\":" + n + "}]}"));
      for (Reply r : replies) {
        assertThat(r.status()).as("%s", r).isLessThan(500);
        assertThat(r.elapsed().toMillis()).as("time to answer %s", r).isLessThan(2_000);
      }
    }
  }
}
