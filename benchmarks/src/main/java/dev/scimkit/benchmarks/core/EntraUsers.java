package dev.scimkit.benchmarks.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The request bodies the benchmarks send, in the shapes Microsoft Entra ID sends them
 * ({@code ../shared/CLIENTS.md}): a provisioned user, the "verbose replace" PATCH of its default
 * dialect, and the group member add and remove.
 */
public final class EntraUsers {
  private EntraUsers() {}

  public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The {@code userName} of user {@code i}; benchmarks look users up by it. */
  public static String userName(int i) {
    return "adele.vance." + i + "@contoso.com";
  }

  /**
   * The {@code POST /Users} body of a typical Entra user: work email, a work address, two phones
   * (work and mobile), the enterprise extension with employee number, department, cost centre and
   * manager. About 1.2 KB as sent.
   */
  public static String userJson(int i) {
    return userJson(i, userName(i));
  }

  /** {@link #userJson(int)} with another {@code userName} (also its work email). */
  public static String userJson(int i, String userName) {
    return "{"
        + "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENTERPRISE + "\"],"
        + "\"externalId\":\"" + externalId(i) + "\","
        + "\"userName\":\"" + userName + "\","
        + "\"active\":true,"
        + "\"displayName\":\"Adele Vance " + i + "\","
        + "\"title\":\"Retail Manager\","
        + "\"preferredLanguage\":\"en-US\","
        + "\"name\":{\"formatted\":\"Adele Vance\",\"familyName\":\"Vance\",\"givenName\":\"Adele\"},"
        + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + userName + "\"}],"
        + "\"addresses\":[{\"type\":\"work\",\"formatted\":\"1 Microsoft Way, Redmond, WA 98052, US\","
        + "\"streetAddress\":\"1 Microsoft Way\",\"locality\":\"Redmond\",\"region\":\"WA\","
        + "\"postalCode\":\"98052\",\"country\":\"US\",\"primary\":true}],"
        + "\"phoneNumbers\":[{\"type\":\"work\",\"value\":\"+1 425 555 " + four(i) + "\"},"
        + "{\"type\":\"mobile\",\"value\":\"+1 206 555 " + four(i + 1) + "\"}],"
        + "\"" + ENTERPRISE + "\":{\"employeeNumber\":\"" + (100000 + i) + "\","
        + "\"department\":\"Retail\",\"costCenter\":\"CC-" + (i % 97) + "\","
        + "\"manager\":{\"value\":\"" + externalId(i + 7) + "\"}}"
        + "}";
  }

  /**
   * Entra's default PATCH dialect for six changed attributes, one {@code Replace} per attribute:
   * {@code userName}, {@code active} as the string {@code "False"}/{@code "True"}, {@code
   * displayName}, the value path {@code emails[type eq "work"].value}, the dotted {@code
   * name.givenName} and the URN-qualified enterprise {@code employeeNumber} (every path form Entra
   * uses once). {@code variant} 0 and 1
   * give two different sets of values, so that alternating them changes the user every time.
   */
  public static String verboseReplaceJson(int i, int variant) {
    String suffix = variant == 0 ? "" : ".renamed";
    String user = "adele.vance." + i + suffix + "@contoso.com";
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
        + "{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"" + user + "\"},"
        + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"" + (variant == 0 ? "True" : "False") + "\"},"
        + "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Adele Vance" + suffix + "\"},"
        + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"" + user + "\"},"
        + "{\"op\":\"Replace\",\"path\":\"name.givenName\",\"value\":\"Adele" + suffix + "\"},"
        + "{\"op\":\"Replace\",\"path\":\"" + ENTERPRISE + ":employeeNumber\",\"value\":\""
        + (variant == 0 ? "100000" : "200000") + "\"}"
        + "]}";
  }

  /** Entra's group member add: {@code "op":"Add","path":"members"} with {@code "$ref":null}. */
  public static String addMemberJson(String memberId) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
        + "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"" + memberId + "\"}]}]}";
  }

  /** Entra's group member removal: only the listed member goes. */
  public static String removeMemberJson(String memberId) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
        + "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"" + memberId + "\"}]}]}";
  }

  /** A {@code POST /Groups} body without members. */
  public static String groupJson(String displayName) {
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
        + "\"externalId\":\"" + displayName + "-ext\",\"displayName\":\"" + displayName + "\"}";
  }

  /** Parses a body as the HTTP layer would hand it to the engine. */
  public static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String externalId(int i) {
    return String.format("%08x-8d2a-4f8e-bf98-%012x", i * 2654435761L & 0xffffffffL, (long) i);
  }

  private static String four(int i) {
    return String.format("%04d", i % 10000);
  }
}
