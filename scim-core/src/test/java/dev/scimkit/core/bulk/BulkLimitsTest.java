package dev.scimkit.core.bulk;

import static dev.scimkit.core.bulk.BulkFixtures.BASE;
import static dev.scimkit.core.bulk.BulkFixtures.CTX;
import static dev.scimkit.core.bulk.BulkFixtures.count;
import static dev.scimkit.core.bulk.BulkFixtures.json;
import static dev.scimkit.core.bulk.BulkFixtures.postUser;
import static dev.scimkit.core.bulk.BulkFixtures.request;
import static dev.scimkit.core.bulk.BulkFixtures.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.BulkLimits;
import dev.scimkit.core.ScimEngine;
import dev.scimkit.core.ScimException;
import org.junit.jupiter.api.Test;

/** RFC 7644 section 3.7.4: maxOperations and maxPayloadSize, both answered with 413. */
class BulkLimitsTest {
  private final ScimEngine engine = BulkFixtures.engine(new BulkLimits(2, 500));

  @Test
  void bulk_moreOperationsThanMaxOperations_is413WithoutScimTypeAndChangesNothing() {
    ObjectNode body = request(postUser("a", "a"), postUser("b", "b"), postUser("c", "c"));
    assertThatThrownBy(() -> engine.bulk(body, CTX, BASE))
        .isInstanceOfSatisfying(ScimException.class, e -> {
          assertThat(e.status()).isEqualTo(413);
          assertThat(e.scimType()).isNull();
          assertThat(e.detail()).contains("3 operations").contains("2");
        });
    assertThat(count(engine, "User", CTX)).isZero();
  }

  @Test
  void bulk_exactlyMaxOperations_isProcessed() {
    assertThat(statuses(engine.bulk(request(postUser("a", "a"), postUser("b", "b")), CTX, BASE))).containsExactly("201", "201");
  }

  @Test
  void bulk_tooManyOperations_isRefusedEvenWhenTheyAreMalformed() {
    ObjectNode body = request("1", "2", "3");
    assertThatThrownBy(() -> engine.bulk(body, CTX, BASE))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void bulk_payloadLargerThanMaxPayloadSize_is413AndChangesNothing() {
    ObjectNode body = request(postUser("a", "a"));
    assertThatThrownBy(() -> engine.bulk(body, 501, CTX, BASE))
        .isInstanceOfSatisfying(ScimException.class, e -> {
          assertThat(e.status()).isEqualTo(413);
          assertThat(e.scimType()).isNull();
          assertThat(e.detail()).contains("501").contains("500");
        });
    assertThat(count(engine, "User", CTX)).isZero();
  }

  @Test
  void bulk_payloadOfExactlyMaxPayloadSize_isProcessed() {
    assertThat(statuses(engine.bulk(request(postUser("a", "a")), 500, CTX, BASE))).containsExactly("201");
  }

  @Test
  void bulk_payloadTooLarge_isAnsweredBeforeTheBodyIsLookedAt() {
    assertThatThrownBy(() -> engine.bulk(json("{'not':'bulk'}"), 10_000, CTX, BASE))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void bulk_unknownPayloadSize_isNotChecked() {
    ObjectNode body = request(postUser("a", "a".repeat(600)));
    assertThat(body.toString().length()).isGreaterThan(500);
    assertThat(statuses(engine.bulk(body, -1, CTX, BASE))).containsExactly("201");
    assertThat(statuses(engine.bulk(request(postUser("b", "b".repeat(600))), CTX, BASE))).containsExactly("201");
  }
}
