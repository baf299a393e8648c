package dev.scimkit.jaxrs.http;

import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies shared by the suites. */
public final class Fixtures {
  public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private Fixtures() {}

  /** A plain user with a name, a work email and {@code active: true}. */
  public static String user(String userName) {
    return """
        {"schemas":["%s"],
         "userName":"%s",
         "name":{"givenName":"Ada","familyName":"Lovelace"},
         "displayName":"Ada Lovelace",
         "emails":[{"value":"%s","type":"work","primary":true}],
         "active":true}
        """.formatted(USER_SCHEMA, userName, userName.contains("@") ? userName : userName + "@example.com");
  }

  /** A group with these member ids. */
  public static String group(String displayName, String... memberIds) {
    StringBuilder members = new StringBuilder();
    for (String id : memberIds) {
      if (members.length() > 0) {
        members.append(',');
      }
      members.append("{\"value\":\"").append(id).append("\"}");
    }
    return """
        {"schemas":["%s"],"displayName":"%s","members":[%s]}
        """.formatted(GROUP_SCHEMA, displayName, members);
  }

  /** A {@code PatchOp} message with these operations (each a JSON object). */
  public static String patch(String... operations) {
    return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + String.join(",", operations) + "]}";
  }

  /** Creates a user over HTTP and answers its id. */
  public static String createUser(ScimHttp http, String userName) {
    Reply r = http.post("/Users", user(userName));
    assertThat(r.status()).as("create %s: %s", userName, r).isEqualTo(201);
    return r.id();
  }

  /** Creates a group over HTTP and answers its id. */
  public static String createGroup(ScimHttp http, String displayName, String... memberIds) {
    Reply r = http.post("/Groups", group(displayName, memberIds));
    assertThat(r.status()).as("create %s: %s", displayName, r).isEqualTo(201);
    return r.id();
  }
}
