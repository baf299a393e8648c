package dev.scimkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.ResourceStore;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input that is wrong in a way no store can be left to decide: blank required strings, text no
 * store can hold, filter literals of the wrong type, an empty PATCH. Each is a 400 with the right
 * {@code scimType}, from the engine, whatever the store, and changes nothing.
 */
class MalformedInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RequestContext CTX = RequestContext.of("acme");
  private static final ResponseOptions BASE = ResponseOptions.at("https://example.com/scim/v2");

  private ScimEngine engine;

  @BeforeEach
  void setUp() {
    engine = ScimEngine.builder().build();
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ObjectNode user(String userNameJson) {
    return json("{\"schemas\":[\"" + Schemas.USER + "\"],\"userName\":" + userNameJson + "}");
  }

  private static ObjectNode patch(String operationsJson) {
    return json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operationsJson + "}");
  }

  private static ScimException rejected(ScimType type, ThrowingCallable call) {
    ScimException e = catchThrowableOfType(ScimException.class, call);
    assertThat(e).as("a ScimException").isNotNull();
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.scimType()).as(e.detail()).isEqualTo(type);
    return e;
  }

  private int userCount() {
    return engine.search("User", SearchParameters.filter(null), CTX, null).totalResults();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"   \"", "\"\\t\\n\""})
  void blankUserName_isInvalidValue_onCreateReplaceAndPatch(String blank) {
    String id = engine.create("User", user("\"bjensen\""), CTX, BASE).id();

    assertThat(rejected(ScimType.INVALID_VALUE, () -> engine.create("User", user(blank), CTX, BASE)).detail())
        .contains("'userName'").contains("blank");
    rejected(ScimType.INVALID_VALUE, () -> engine.replace("User", id, user(blank), ResourceStore.ANY_VERSION, CTX, BASE));
    rejected(
        ScimType.INVALID_VALUE,
        () -> engine.patch("User", id, patch("[{\"op\":\"replace\",\"path\":\"userName\",\"value\":" + blank + "}]"), ResourceStore.ANY_VERSION, CTX, BASE));

    assertThat(userCount()).isEqualTo(1);
    assertThat(engine.get("User", id, CTX, BASE).json().path("userName").asText()).isEqualTo("bjensen");
  }

  @Test
  void blankGroupDisplayName_isInvalidValue() {
    rejected(
        ScimType.INVALID_VALUE,
        () -> engine.create("Group", json("{\"schemas\":[\"" + Schemas.GROUP + "\"],\"displayName\":\" \"}"), CTX, BASE));
  }

  @Test
  void blankOptionalStrings_areKeptAsSent() {
    ScimResource created =
        engine.create("User", json("{\"userName\":\"padded\",\"nickName\":\" \",\"title\":\"\"}"), CTX, BASE);

    assertThat(created.json().path("nickName").asText()).isEqualTo(" ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"a\\u0000b\"", "\"\\u0000\"", "\"x\\ud800\"", "\"\\udc00y\""})
  void textNoStoreCanHold_isInvalidValue_wherever_itIsSent(String bad) {
    String id = engine.create("User", user("\"clean\""), CTX, BASE).id();

    assertThat(rejected(ScimType.INVALID_VALUE, () -> engine.create("User", user(bad), CTX, BASE)).detail())
        .contains("'userName'").containsAnyOf("U+0000", "surrogate");
    rejected(
        ScimType.INVALID_VALUE,
        () -> engine.create("User", json("{\"userName\":\"other\",\"emails\":[{\"value\":" + bad + "}]}"), CTX, BASE));
    rejected(
        ScimType.INVALID_VALUE,
        () -> engine.create("User", json("{\"userName\":\"other\",\"" + Schemas.ENTERPRISE_USER + "\":{\"department\":" + bad + "}}"), CTX, BASE));
    rejected(
        ScimType.INVALID_VALUE,
        () -> engine.patch("User", id, patch("[{\"op\":\"add\",\"path\":\"title\",\"value\":" + bad + "}]"), ResourceStore.ANY_VERSION, CTX, BASE));
    rejected(ScimType.INVALID_VALUE, () -> engine.replace("User", id, user(bad), ResourceStore.ANY_VERSION, CTX, BASE));

    assertThat(userCount()).isEqualTo(1);
    assertThat(engine.get("User", id, CTX, BASE).json().has("title")).isFalse();
  }

  @Test
  void aSurrogatePair_isOrdinaryText() {
    ScimResource created = engine.create("User", user("\"smile\\ud83d\\ude00\""), CTX, BASE);

    assertThat(created.json().path("userName").asText()).isEqualTo("smile😀");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "meta.created gt \"notadate\"",
        "meta.lastModified eq \"2011-05-13\"",
        "meta.created lt 42",
        "meta.created ge true",
        "active eq \"maybe\"",
        "active ne 1",
        "emails[primary eq \"yes\"]",
        "userName eq \"a\u0000b\"",
        "userName co \"\u0000\"",
        "emails[value sw \"\ud800\"]",
      })
  void filterLiteralsThatCannotFit_areInvalidFilter(String filter) {
    ScimException e =
        rejected(ScimType.INVALID_FILTER, () -> engine.search("User", SearchParameters.filter(filter), CTX, null));

    assertThat(e.detail()).doesNotContain("\u0000");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "meta.created gt \"2011-05-13T04:42:34Z\"",
        "meta.created gt \"2011-05-13T04:42:34\"",
        "meta.created sw \"2011-\"",
        "meta.created co \"notadate\"",
        "active eq \"True\"",
        "active eq false",
        "userName eq 42",
        "userName eq true",
        "emails[primary eq \"false\"]",
      })
  void filterLiteralsThatFit_areAccepted(String filter) {
    assertThat(engine.search("User", SearchParameters.filter(filter), CTX, null).totalResults()).isZero();
  }

  @Test
  void patchWithNoOperations_isInvalidValue_andChangesNothing() {
    ScimResource created = engine.create("User", user("\"unpatched\""), CTX, BASE);

    rejected(ScimType.INVALID_VALUE, () -> engine.patch("User", created.id(), patch("[]"), ResourceStore.ANY_VERSION, CTX, BASE));

    assertThat(engine.get("User", created.id(), CTX, BASE).version()).isEqualTo(created.version());
  }
}
