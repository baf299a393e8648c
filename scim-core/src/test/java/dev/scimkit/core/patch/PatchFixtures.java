package dev.scimkit.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.Member;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared JSON helpers and fixtures for the PATCH tests. */
final class PatchFixtures {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String ENTERPRISE = Schemas.ENTERPRISE_USER;

  static final PatchApplier USERS = PatchApplier.forType(Schemas.userType());
  static final PatchApplier GROUPS = PatchApplier.forType(Schemas.groupType());

  private PatchFixtures() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode object(String text) {
    return (ObjectNode) json(text);
  }

  /** A PATCH body around the given JSON array of operations. */
  static ObjectNode body(String operations) {
    return object(
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
            + operations + "}");
  }

  static PatchRequest request(String operations) {
    return PatchRequest.fromJson(body(operations));
  }

  /**
   * A request of these operations; none makes the request that changes nothing (which only code
   * can build: a body must hold at least one operation).
   */
  static PatchRequest request(List<String> operations) {
    return operations.isEmpty() ? new PatchRequest(List.of()) : request("[" + String.join(",", operations) + "]");
  }

  /** A stored user: what POST would have stored. */
  static ObjectNode user() {
    return object(
        """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
         "userName":"bjensen",
         "name":{"givenName":"Barbara","familyName":"Jensen"},
         "displayName":"Babs Jensen",
         "active":true,
         "emails":[{"value":"bjensen@example.com","type":"work","primary":true},
                   {"value":"babs@home.example","type":"home"}]}
        """);
  }

  /** A stored group: no members (the store keeps them). */
  static ObjectNode group() {
    return object(
        """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Engineering"}
        """);
  }

  /** Applies operations to a copy of {@code doc} as a user, with no member supplier. */
  static ObjectNode patchUser(ObjectNode doc, String operations) {
    return USERS.apply(doc, request(operations), failingMembers()).document();
  }

  /** A member supplier that fails the test if it is called. */
  static Supplier<List<Member>> failingMembers() {
    return () -> {
      throw new AssertionError("current members must not be read for this request");
    };
  }

  /** A member supplier that counts its calls. */
  static Supplier<List<Member>> countingMembers(AtomicInteger calls, List<Member> members) {
    return () -> {
      calls.incrementAndGet();
      return members;
    };
  }

  /** Asserts that the code throws a 400 with this scimType and returns the exception. */
  static ScimException assertBadRequest(ScimType type, ThrowingCallable code) {
    ScimException e = catchThrowableOfType(ScimException.class, code);
    assertThat(e).as("expected a ScimException").isNotNull();
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.scimType()).as(e.detail()).isEqualTo(type);
    return e;
  }
}
