package dev.scimkit.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A test of one attribute value. Values come as JSON, or, for {@code id} and {@code meta} of a
 * stored resource, as the record's own {@link String} and {@link Instant} components, so that no
 * JSON is built for them.
 */
interface ValueTest {

  /** Tests one value of an attribute (an element of a multi-valued one); may be JSON null. */
  boolean node(JsonNode value);

  /** Tests a string value. */
  boolean text(String value);

  /** Tests a dateTime value. */
  boolean instant(Instant value);

  /** {@code pr}: the value is present (not null, "", [] or {}). */
  ValueTest PRESENT =
      new ValueTest() {
        @Override
        public boolean node(JsonNode value) {
          return ScimValues.isPresent(value);
        }

        @Override
        public boolean text(String value) {
          return !value.isEmpty();
        }

        @Override
        public boolean instant(Instant value) {
          return true;
        }
      };
}
