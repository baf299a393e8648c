package dev.scimkit.jaxrs.http;

import static dev.scimkit.jaxrs.http.Fixtures.createUser;
import static dev.scimkit.jaxrs.http.Fixtures.patch;
import static dev.scimkit.jaxrs.http.ScimAssertions.assertListResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Query strings as real clients write them. */
public abstract class QuerySuite extends ScimHttpTest {

  @Test
  void formEncodedFilter_plusForSpaceAndPercent22ForQuotes() {
    String userName = unique("form") + "@example.com";
    String id = createUser(http, userName);

    Reply r = http.get("/Users?filter=userName+eq+%22" + userName.replace("@", "%40") + "%22");

    assertThat(assertListResponse(r, 1, 1, 1).path("Resources").get(0).path("id").asText()).isEqualTo(id);
  }

  @Test
  void percentEncodedFilter_percent20ForSpace() {
    String userName = unique("percent") + "@example.com";
    String id = createUser(http, userName);

    Reply r = http.get("/Users?filter=userName%20eq%20%22" + userName + "%22");

    assertThat(assertListResponse(r, 1, 1, 1).path("Resources").get(0).path("id").asText()).isEqualTo(id);
  }

  @Test
  void encodedPlusInAValue_staysAPlus() {
    String userName = unique("first+tag") + "@example.com";
    String id = createUser(http, userName);

    Reply r = http.get("/Users?filter=" + ScimHttp.form("userName eq \"" + userName + "\""));

    assertThat(assertListResponse(r, 1, 1, 1).path("Resources").get(0).path("id").asText()).isEqualTo(id);
  }

  @Test
  void unknownFlagParameter_isIgnored() {
    String userName = unique("flag");
    String id = createUser(http, userName);

    Reply flagFirst = http.get("/Users?aadOptscim062020&filter=userName+eq+%22" + userName + "%22");
    Reply flagLast = http.get("/Users?filter=userName+eq+%22" + userName + "%22&aadOptscim062020");
    Reply flagAlone = http.get("/Users?aadOptscim062020");
    Reply flagOnGet = http.get("/Users/" + id + "?aadOptscim062020");
    Reply flagOnPatch =
        http.patch(
            "/Users/" + id + "?aadOptscim062020",
            patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"));
    Reply unknownWithValue =
        http.get("/Users?foo=bar&filter=userName+eq+%22" + userName + "%22&x-trace=1");

    assertListResponse(flagFirst, 1, 1, 1);
    assertListResponse(flagLast, 1, 1, 1);
    assertThat(flagAlone.status()).isEqualTo(200);
    assertThat(flagOnGet.status()).isEqualTo(200);
    assertThat(flagOnPatch.status()).as("%s", flagOnPatch).isEqualTo(200);
    assertListResponse(unknownWithValue, 1, 1, 1);
  }

  @Test
  void trailingAmpersandAndQuestionMark_areIgnored() {
    String userName = unique("trailing");
    String id = createUser(http, userName);

    assertListResponse(http.get("/Users?filter=userName+eq+%22" + userName + "%22&"), 1, 1, 1);
    assertListResponse(http.get("/Users?filter=userName+eq+%22" + userName + "%22&&"), 1, 1, 1);
    assertThat(http.get("/Users?").status()).isEqualTo(200);
    assertThat(http.get("/Users/" + id + "?").status()).isEqualTo(200);
    assertThat(http.get("/Users/" + id + "?&").status()).isEqualTo(200);
    assertThat(http.delete("/Users/" + id + "?").status()).isEqualTo(204);
  }

  @Test
  void emptyParameters_meanTheDefaults() {
    createUser(http, unique("empty"));

    Reply r = http.get("/Users?filter=&sortBy=&startIndex=&count=&attributes=&excludedAttributes=");

    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("totalResults").asInt()).isPositive();
    assertThat(r.json().path("startIndex").asInt()).isEqualTo(1);
  }

  @Test
  void emptySortOrder_meansTheDefault() {
    Reply r = http.get("/Users?sortOrder=");

    assertThat(r.status()).as("%s", r).isEqualTo(200);
  }

  @Test
  void filterKeywordsAndAttributeNames_ignoreCase() {
    String userName = unique("Cased");
    createUser(http, userName);

    Reply r = http.get("/Users?filter=USERNAME+EQ+%22" + userName.toUpperCase(Locale.ROOT) + "%22");

    assertListResponse(r, 1, 1, 1);
  }
}
