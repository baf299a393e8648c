package dev.scimkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StripedMapTest {

  @Test
  void behavesAsAMapUnderRandomOperations() {
    StripedMap<String, Integer> striped = new StripedMap<>();
    Map<String, Integer> model = new HashMap<>();
    Random random = new Random(42);
    for (int step = 0; step < 200_000; step++) {
      String key = "k" + random.nextInt(5_000);
      int value = random.nextInt(100);
      switch (random.nextInt(7)) {
        case 0 -> assertThat(striped.put(key, value)).isEqualTo(model.put(key, value));
        case 1 -> assertThat(striped.remove(key)).isEqualTo(model.remove(key));
        case 2 -> assertThat(striped.get(key)).isEqualTo(model.get(key));
        case 3 -> assertThat(striped.containsKey(key)).isEqualTo(model.containsKey(key));
        case 4 -> assertThat(striped.computeIfAbsent(key, k -> value))
            .isEqualTo(model.computeIfAbsent(key, k -> value));
        case 5 -> assertThat(striped.computeIfPresent(key, (k, v) -> v > 50 ? null : v + value))
            .isEqualTo(model.computeIfPresent(key, (k, v) -> v > 50 ? null : v + value));
        default -> assertThat(striped.merge(key, value, Integer::sum)).isEqualTo(model.merge(key, value, Integer::sum));
      }
    }
    assertThat(striped).hasSize(model.size()).containsExactlyInAnyOrderEntriesOf(model);
    assertThat(striped).isEqualTo(model);
  }

  @Test
  void anEmptyMapHasNoStripeAndNoEntries() {
    StripedMap<String, String> striped = new StripedMap<>();
    assertThat(striped.get("a")).isNull();
    assertThat(striped.remove("a")).isNull();
    assertThat(striped.computeIfPresent("a", (k, v) -> v)).isNull();
    assertThat(striped).isEmpty();
    assertThat(striped.entrySet().iterator().hasNext()).isFalse();
  }

  @Test
  void iterationRemovesThroughTheStripes() {
    StripedMap<String, Integer> striped = new StripedMap<>();
    for (int i = 0; i < 1_000; i++) {
      striped.put("k" + i, i);
    }
    striped.entrySet().removeIf(e -> e.getValue() % 2 == 0);
    assertThat(striped).hasSize(500);
    assertThat(striped.keySet()).allSatisfy(k -> assertThat(Integer.parseInt(k.substring(1)) % 2).isEqualTo(1));
  }

  /**
   * The point of the stripes: ids spread evenly over all of them, so that each grows by its share
   * and no put moves more than a small part of the map.
   */
  @Test
  void idsSpreadEvenlyOverEveryStripe() {
    StripedMap<String, String> striped = new StripedMap<>();
    int n = 64_000;
    for (int i = 0; i < n; i++) {
      String id = UUID.randomUUID().toString();
      striped.put(id, id);
    }
    int share = n / StripedMap.STRIPES;
    for (int i = 0; i < StripedMap.STRIPES; i++) {
      Map<String, String> stripe = striped.stripe(i);
      assertThat(stripe.size()).as("stripe %d", i).isBetween(share * 3 / 4, share * 5 / 4);
    }
  }
}
