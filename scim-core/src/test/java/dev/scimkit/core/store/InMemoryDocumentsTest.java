package dev.scimkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.schema.Schemas;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link InMemoryStore} keeps documents as JSON bytes: what it answers must still be the tree it
 * was given, whatever the values, and a fresh tree on every read.
 */
class InMemoryDocumentsTest {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final RequestContext CTX = RequestContext.of("acme");
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456789Z");

  private final ResourceStore users = new InMemoryStore().storeFor(Schemas.userType());

  @Test
  void readBack_isTheDocumentStored_forEveryKindOfValue() throws Exception {
    ObjectNode doc = (ObjectNode) JSON.readTree("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
         "userName":"zoë.ß@exämple.com","displayName":"\\u0000 \\"quoted\\" \\\\ 🙂 \\u2028",
         "active":false,"x-count":9223372036854775807,"x-big":123456789012345678901234567890,
         "x-decimal":1.5,"x-huge":1e1000000000,"x-tiny":-2.5E-300,"x-null":null,
         "emails":[{"value":"a@b.c","primary":true},{"value":"d@e.f"}],"x-empty":{},"x-nested":[[[]]]}
        """);
    users.create(new StoredResource("u1", 1, T0, T0, doc.deepCopy()), CTX);

    StoredResource read = users.get("u1", CTX).orElseThrow();

    assertThat(read.document()).isEqualTo(doc);
    assertThat(read.created()).isEqualTo(T0);
    assertThat(read.lastModified()).isEqualTo(T0);
  }

  @Test
  void readBack_keepsTheKindOfEveryNumber_andTextUtf8CannotCarry() {
    ObjectNode doc = JSON.createObjectNode()
        .put("userName", "unpaired \ud800 surrogate")
        .put("x-double", 2.0)
        .put("x-float", 0.5f)
        .put("x-long", 5L)
        .put("x-short", (short) 7)
        .put("x-decimal", new java.math.BigDecimal("2.50"));
    users.create(new StoredResource("u1", 1, T0, T0, doc.deepCopy()), CTX);

    ObjectNode read = users.get("u1", CTX).orElseThrow().document();

    assertThat(read).isEqualTo(doc);
    assertThat(read.get("x-double").isDouble()).isTrue();
    assertThat(read.get("x-long").isLong()).isTrue();
    assertThat(read.get("x-decimal").decimalValue()).isEqualTo(new java.math.BigDecimal("2.50"));
  }

  @Test
  void everyRead_isAFreshTree_soAChangedCopyLeavesTheStoreAlone() {
    ObjectNode plain = JSON.createObjectNode().put("userName", "bjensen");
    ObjectNode kept = JSON.createObjectNode().put("userName", "ajensen").put("x-double", 1.5);
    users.create(new StoredResource("u1", 1, T0, T0, plain), CTX);
    users.create(new StoredResource("u2", 1, T0, T0, kept), CTX);

    for (String id : new String[] {"u1", "u2"}) {
      users.get(id, CTX).orElseThrow().document().put("userName", "changed");
    }
    plain.put("userName", "changed too");
    kept.put("userName", "changed too");

    assertThat(users.get("u1", CTX).orElseThrow().document().get("userName").asText()).isEqualTo("bjensen");
    assertThat(users.get("u2", CTX).orElseThrow().document().get("userName").asText()).isEqualTo("ajensen");
  }
}
