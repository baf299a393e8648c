package dev.scimkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void writesWhatInstantToStringWrites_forEveryPrecisionOfTheFraction() {
    for (String text :
        new String[] {
          "1970-01-01T00:00:00Z",
          "2026-12-06T22:58:01Z",
          "2026-12-06T22:58:01.100Z",
          "2026-12-06T22:58:01.000001Z",
          "2026-12-06T22:58:01.120300Z",
          "2026-12-06T22:58:01.000000001Z",
          "2024-02-29T23:59:59.999999999Z",
          "0000-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999Z",
          "1969-12-31T23:59:59.5Z",
        }) {
      Instant instant = Instant.parse(text);
      assertEquals(instant.toString(), Timestamps.format(instant), text);
    }
  }

  @Test
  void writesWhatInstantToStringWrites_forRandomInstants_andOutsideYearsZeroTo9999() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      long seconds = random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
      if (i % 2 == 0) { // most of them in the years a clock gives
        seconds = random.nextLong(-62_167_219_200L, 253_402_300_799L);
      }
      int nano = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant instant = Instant.ofEpochSecond(seconds, nano);
      assertEquals(instant.toString(), Timestamps.format(instant));
    }
  }
}
